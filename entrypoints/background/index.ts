import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MARK_COMMANDS, parseMessageFrom, type MarkCommand, type Message } from '../../utils/messages';
import { ownContext } from '../../utils/extension/own-context';
import { forgetTab, getTabState, recordMarks } from '../../utils/extension/tab-marks';
import { loadSettings } from '../../utils/extension/settings-store';
import { logVisits, onStoredDataChanged } from '../../utils/extension/storage';
import { selectedText, syncUserSiteScripts } from '../../utils/extension/site-access';
import { openQuoteCheck } from '../../utils/extension/quote-request';

const QUOTE_MENU_ID = 'check-quote';
const QUOTE_COMMAND = 'check-quote';

export default defineBackground(() => {
  const own = ownContext();
  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own contexts reach this listener, and each message only from the context that sends it.
    const message = parseMessageFrom(raw, sender, own);
    if (!message) return undefined;
    return handle(message, sender);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // The context menu item exists once per install; removeAll first so a restart never duplicates it.
  const createMenu = () =>
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: QUOTE_MENU_ID, title: (browser.i18n as unknown as { getMessage(key: string): string }).getMessage('menuCheckQuote'), contexts: ['selection'] }),
    );
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup?.addListener(createMenu);
  browser.contextMenus.onClicked.addListener(onMenuClicked);

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === QUOTE_COMMAND) {
      // The command grants activeTab: read the selection of that tab only, now.
      await openQuoteCheck(await selectedText(tab.id).catch(() => ''));
      return;
    }
    if (!(MARK_COMMANDS as readonly string[]).includes(command)) return;
    const message: Message = { type: 'run-command', command: command as MarkCommand };
    // A tab without our content script has no listener; that is not an error.
    await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });

  // The reader's own sites: register the content script for the granted ones, now and whenever they change.
  const sync = () => void loadSettings().then(syncUserSiteScripts).catch(() => undefined);
  sync();
  onStoredDataChanged((what) => what.settings && sync());
  browser.permissions.onRemoved?.addListener(sync);

  // Reached by the e2e tests through the service worker (a page cannot reach this global).
  (globalThis as { rightToTruthMenuClicked?: typeof onMenuClicked }).rightToTruthMenuClicked = onMenuClicked;
});

/** "Check quote against known denials": the menu hands over the selected text itself. */
async function onMenuClicked(info: Browser.contextMenus.OnClickData): Promise<void> {
  if (info.menuItemId !== QUOTE_MENU_ID) return;
  await openQuoteCheck(info.selectionText ?? '');
}

async function handle(message: Message, sender: Parameters<typeof recordMarks>[0]): Promise<unknown> {
  switch (message.type) {
    case 'marks-changed':
      await recordMarks(sender, message.claimIds);
      return { ok: true };
    case 'get-tab-state':
      return getTabState(message.tabId);
    case 'claims-seen':
      if (sender.tab?.id !== undefined && sender.url) await logVisits(sender.url, message.claimIds, new Date());
      return { ok: true };
    default:
      return undefined;
  }
}
