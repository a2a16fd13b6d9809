import { browser, type Browser } from 'wxt/browser';
import type { TabState } from '../messages';
import { badgeText, recordFrameMarks, tabStateOf, type FrameMarks } from '../tab-state';

/**
 * Per-tab marks, kept in `storage.session`: the MV3 service worker may be
 * stopped at any time, and session storage is neither written to disk nor
 * readable by content scripts.
 */
const key = (tabId: number) => `tab-marks:${tabId}`;

async function readMarks(tabId: number): Promise<FrameMarks | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as FrameMarks | undefined;
}

/** MV3 has `action`, Firefox's MV2 build `browserAction`. */
function toolbarAction() {
  return (browser.action ?? browser.browserAction) as typeof browser.action;
}

async function showBadge(tabId: number, state: TabState): Promise<void> {
  const action = toolbarAction();
  await action.setBadgeText({ tabId, text: badgeText(state) });
  await action.setBadgeBackgroundColor({ tabId, color: '#5b2a86' });
}

/** Stores one frame's marks and updates the tab's badge. */
export async function recordMarks(sender: Browser.runtime.MessageSender, claimIds: readonly string[]): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  const updated = recordFrameMarks(await readMarks(tabId), sender.frameId ?? 0, sender.url ?? '', claimIds);
  await browser.storage.session.set({ [key(tabId)]: updated });
  await showBadge(tabId, tabStateOf(updated));
}

export async function getTabState(tabId: number): Promise<TabState> {
  return tabStateOf(await readMarks(tabId));
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
