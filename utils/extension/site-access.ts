import { browser } from 'wxt/browser';
import { originPattern, userSitePatterns } from '../site-policy';
import type { Settings } from '../settings';

/**
 * Host access for the reader's own sites: one optional host permission per site, asked when the site is
 * added (this must run in the click's handler) and given back when it is removed; the content script is
 * registered for exactly the granted ones.
 */
export async function requestSite(site: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [originPattern(site)] });
  } catch {
    return false;
  }
}

export async function releaseSite(site: string): Promise<void> {
  await browser.permissions.remove({ origins: [originPattern(site)] }).catch(() => false);
}

const USER_SCRIPT_ID = 'right-to-truth-user-sites';
/** The content script's file in both builds (WXT's output layout). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** (Re)registers the content script for the reader's granted sites. */
export async function syncUserSiteScripts(settings: Settings): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const matches = userSitePatterns(settings).filter((p) => granted.includes(p));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] }).catch(() => []);
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: USER_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true },
  ]);
}

/** Runs the content script in a tab now (the popup's "check this page now"; needs activeTab). */
export async function injectContentScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    // Seen by the content script in its own isolated world: annotate even where the site is switched off.
    func: () => {
      (globalThis as Record<symbol, unknown>)[Symbol.for('right-to-truth.check-now')] = true;
    },
  });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/** The selected text of the tab's focused frame (the quote-check keyboard command; needs activeTab). */
export async function selectedText(tabId: number): Promise<string> {
  const results = await browser.scripting.executeScript({ target: { tabId }, func: () => getSelection()?.toString() ?? '' });
  return results.map((r) => (typeof r.result === 'string' ? r.result : '')).find((s) => s.trim() !== '') ?? '';
}
