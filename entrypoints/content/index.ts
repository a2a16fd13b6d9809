import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
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
    ignoreForgedRestarts(ctx);
    void annotatePage(ctx);
  },
});

/**
 * WXT stops a content script when a `<runtime.id>:content:wxt:content-script-started` event reaches the
 * document: its way for a newer copy to retire an old one. Any page can build that name (the id is public)
 * and so switch the extension off on itself. The event is stopped on the window, before WXT's listener,
 * unless this instance really is stale (`ctx.isInvalid` checks that the extension is still there, and tears
 * us down if not). A second copy in the same world while this one is valid gives way anyway (GUARD above).
 */
function ignoreForgedRestarts(ctx: ContentScriptContext): void {
  // WXT's own name for the event (private in its types; tests/e2e/hostile.e2e.test.ts forges it).
  const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  ctx.addEventListener(
    window,
    name as keyof WindowEventMap,
    (event: Event) => {
      if (!ctx.isInvalid) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
