import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { MARK_COMMANDS, parseMessage, type MarkCommand, type Message } from '../../utils/messages';
import { forgetTab, getTabState, recordMarks } from '../../utils/extension/tab-marks';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own extension's pages and content scripts can reach this listener.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
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
