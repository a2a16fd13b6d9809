import { browser } from 'wxt/browser';
import { PageStateSchema, TabStateSchema, type Message, type PageState, type TabState } from '../messages';

/**
 * The tab the popup describes: the active tab of the popup's window. `?tab=<id>` names another (tests open
 * the popup as a page of its own).
 */
export async function popupTab(): Promise<{ id: number; url: string } | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named).catch(() => null);
    return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
}

export async function tabMarks(tabId: number): Promise<TabState | null> {
  const request: Message = { type: 'get-tab-state', tabId };
  const parsed = TabStateSchema.safeParse(await browser.runtime.sendMessage(request));
  return parsed.success && parsed.data.url !== '' ? parsed.data : null;
}

/** Sends a message to the tab's top frame; null when no content script of ours is there. */
export async function askTab(tabId: number, message: Message): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null);
}

export async function pageState(tabId: number): Promise<PageState | null> {
  const parsed = PageStateSchema.safeParse(await askTab(tabId, { type: 'get-page-state' }));
  return parsed.success ? parsed.data : null;
}
