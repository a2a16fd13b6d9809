import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MARK_COMMANDS, parseMessageFrom, type MarkCommand, type Message } from '../../utils/messages';
import { ownContext } from '../../utils/extension/own-context';
import { forgetTab, getTabState, recordMarks } from '../../utils/extension/tab-marks';

export default defineBackground(() => {
  const own = ownContext();
  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own contexts reach this listener, and each message only from the context that sends it.
    const message = parseMessageFrom(raw, sender, own);
    if (!message) return undefined;
    return handle(message, sender);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.commands.onCommand.addListener(async (command) => {
    if (!(MARK_COMMANDS as readonly string[]).includes(command)) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: Message = { type: 'run-command', command: command as MarkCommand };
    // A tab without our content script has no listener; that is not an error.
    await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
});

async function handle(message: Message, sender: Parameters<typeof recordMarks>[0]): Promise<unknown> {
  switch (message.type) {
    case 'marks-changed':
      await recordMarks(sender, message.claimIds);
      return { ok: true };
    case 'get-tab-state':
      return getTabState(message.tabId);
    case 'run-command':
      return undefined;
  }
}
