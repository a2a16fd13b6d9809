import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { NEWS_SITE_MATCH_PATTERNS } from '../../utils/sites';
import type { Message } from '../../utils/messages';

export default defineContentScript({
  matches: [...NEWS_SITE_MATCH_PATTERNS],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    const report: Message = { type: 'marks-changed', claimIds: [] };
    void browser.runtime.sendMessage(report);
  },
});
