import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NEWS_SITE_MATCH_PATTERNS } from '../../utils/sites';
import { annotatePage } from './annotate';

/** Set on the content script's own global (not visible to the page) by the instance that runs. */
const GUARD = Symbol.for('right-to-truth.content-script');

export default defineContentScript({
  matches: [...NEWS_SITE_MATCH_PATTERNS],
  allFrames: true,
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage its start to every script of the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Double injection (a second registration, or a re-run in the same world): one live instance only.
    // An instance left from before an extension update has an invalid ctx and gives way.
    const scope = globalThis as { [GUARD]?: ContentScriptContext };
    const running = scope[GUARD];
    if (running && running.isValid) return;
    scope[GUARD] = ctx;
    ctx.onInvalidated(() => {
      if (scope[GUARD] === ctx) delete scope[GUARD];
    });
    void annotatePage(ctx);
  },
});
