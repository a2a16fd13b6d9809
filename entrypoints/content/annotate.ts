import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimBundle, DATASET, matchBundle, type ClaimBundle } from '../../utils/claim-bundle';
import { markStyleCss } from '../../utils/mark-style';
import { parseMessageFrom, type MarkCommand, type Message, type PageState, type SenderInfo } from '../../utils/messages';
import { PageAnnotator, type Mark, type Scheduler } from '../../utils/page/annotator';
import { createHighlighter } from '../../utils/page/highlights';
import { ownContext } from '../../utils/extension/own-context';
import { minScoreOf, type Settings } from '../../utils/settings';
import { siteStatus } from '../../utils/site-policy';
import { resolveLanguage, uiLocale } from '../../utils/ui-language';
import { loadSettings } from '../../utils/extension/settings-store';
import { loadLocalClaims, onStoredDataChanged } from '../../utils/extension/storage';
import { createCardHost } from './card-host';
import { PageDismissals, pageKeyUrl } from './dismissals';

/** How often the annotator re-checks its highlights and the visibility of its marks, ms. */
const REFRESH_MS = 2_000;
/** How long the pointer rests on a mark before its card opens, ms. */
const HOVER_MS = 450;
/** Set by the popup's "check this page now" before it injects this script (utils/extension/site-access.ts). */
const CHECK_NOW = Symbol.for('right-to-truth.check-now');

/**
 * Wiring: settings, dataset and local claims → PageAnnotator → badge, card, keys, popup requests.
 * Marks only where the site is on (or after "check this page now"); always answers the popup. Everything
 * is torn down with `ctx`.
 */
export async function annotatePage(ctx: ContentScriptContext): Promise<void> {
  let pageUrl = pageKeyUrl(location.href);
  let dismissals = await PageDismissals.load(pageUrl);
  let settings: Settings = await loadSettings();
  let bundle: ClaimBundle = claimBundle(await loadLocalClaims(DATASET).catch(() => []));
  if (ctx.isInvalid) return;

  const forced = (globalThis as Record<symbol, unknown>)[CHECK_NOW] === true;
  let checkedNow = forced;
  let hidden = false;
  const siteOn = () => siteStatus(location.hostname, settings).enabled;
  let active = siteOn() || checkedNow;
  let started = false;

  const annotator = new PageAnnotator({
    root: document,
    // The document title stands for the headline: an incident's cue there (a victim's name) counts for
    // every paragraph.
    match: (blocks) => (active && !hidden ? matchBundle(blocks, bundle, { minScore: minScoreOf(settings), headline: document.title }) : []),
    onMarksChanged: (claimIds) => {
      const message: Message = { type: 'marks-changed', claimIds };
      browser.runtime.sendMessage(message).catch(() => undefined);
      if (settings.logEnabled && claimIds.length > 0) {
        const seen: Message = { type: 'claims-seen', claimIds };
        browser.runtime.sendMessage(seen).catch(() => undefined);
      }
    },
    isDismissed: (claimId, text) => dismissals.has(claimId, text),
    scheduler: ctxScheduler(ctx),
    // Nothing of ours in the page until there is something to mark.
    highlighter: createHighlighter(document, undefined, { registerOnFirstMark: true }),
  });
  const markSheet = createMarkSheet(document);
  markSheet.update(markStyleCss(settings.markStyle, settings.highContrast));
  const ensureStarted = () => {
    if (started) annotator.rescan();
    else {
      started = true;
      annotator.start();
    }
  };
  const locale = () => uiLocale(resolveLanguage(settings.language, browser.i18n.getUILanguage()));
  const card = createCardHost(document);
  let cardMark: Mark | null = null;

  const copy = (text: string) => navigator.clipboard.writeText(text);

  const closeCard = (restoreFocus = true) => {
    cardMark = null;
    card.close({ restoreFocus });
  };

  const openCard = (mark: Mark, focus: boolean) => {
    const claim = bundle.claims.get(mark.claimId);
    if (!claim) return;
    cardMark = mark;
    annotator.focus(mark, false);
    const { t, dir } = locale();
    card.open(
      {
        claim,
        sources: bundle.sources,
        incident: claim.incident ? bundle.incidents[claim.incident] : undefined,
        matched: { phrasing: mark.phrasing, text: mark.text, score: mark.score, why: mark.why },
        t,
        dir,
        onCopyCitation: (text) => copy(text),
        onReportWrongMatch: (text) => copy(text),
        onNotThisClaim: () => {
          closeCard();
          void dismissals.add(mark.claimId, mark.text).catch(() => undefined);
          annotator.applyDismissals();
        },
        onClose: () => closeCard(),
      },
      mark.range.getBoundingClientRect(),
      { focus },
    );
  };

  const runCommand = (command: MarkCommand) => {
    if (!shouldHandleCommand()) return;
    if (command === 'open-card') {
      const mark = annotator.currentMark ?? annotator.next();
      if (mark) openCard(mark, true);
      return;
    }
    const mark = command === 'next-mark' ? annotator.next() : annotator.previous();
    if (mark && card.isOpen()) openCard(mark, true);
  };

  // Messages from the background (keyboard commands from the manifest) and the popup, each accepted only
  // from the context that may send it.
  const own = ownContext();
  const onMessage = (raw: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    const message = parseMessageFrom(raw, sender, own);
    // Only the top frame answers the popup, so that one reply comes back.
    const top = window === window.top;
    switch (message?.type) {
      case 'run-command':
        runCommand(message.command);
        return undefined;
      case 'get-page-state': {
        if (!top) return undefined;
        const state: PageState = { annotating: active, hidden, url: location.href };
        return Promise.resolve(state);
      }
      case 'check-now':
        checkedNow = true;
        active = true;
        hidden = false;
        ensureStarted();
        return top ? Promise.resolve({ ok: true }) : undefined;
      case 'set-marks-hidden':
        hidden = message.hidden;
        if (hidden) closeCard(false);
        if (started) annotator.rescan();
        return top ? Promise.resolve({ ok: true }) : undefined;
      case 'open-claim': {
        const mark = annotator.marks.find((m) => m.claimId === message.claimId && m.visible);
        if (!mark) return undefined;
        annotator.focus(mark, true);
        openCard(mark, true);
        return Promise.resolve({ ok: true });
      }
      default:
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Pointer: a click on a mark opens its card at once; resting on one opens it after a short delay.
  // Synthetic events (a page script calling dispatchEvent) are ignored.
  ctx.addEventListener(
    document,
    'click',
    (event: MouseEvent) => {
      if (!event.isTrusted || event.button !== 0 || card.containsEvent(event)) return;
      if (!document.getSelection()?.isCollapsed) return; // the reader is selecting text
      const mark = annotator.markAtPoint(event.clientX, event.clientY);
      if (mark) openCard(mark, false);
      else if (card.isOpen()) closeCard(false);
    },
    { capture: true, passive: true },
  );
  let hoverTimer = 0;
  let pointer: { x: number; y: number } | null = null;
  let pointerFrame = 0;
  ctx.addEventListener(
    document,
    'pointermove',
    (event: PointerEvent) => {
      if (!settings.openCardOnHover || !event.isTrusted || event.pointerType === 'touch' || annotator.marks.length === 0) return;
      // Over the card, nothing under it is hovered (composedPath is only readable during dispatch).
      pointer = card.containsEvent(event) ? null : { x: event.clientX, y: event.clientY };
      if (pointerFrame) return;
      pointerFrame = ctx.requestAnimationFrame(() => {
        pointerFrame = 0;
        if (!pointer) {
          clearTimeout(hoverTimer);
          return;
        }
        const mark = annotator.markAtPoint(pointer.x, pointer.y);
        clearTimeout(hoverTimer);
        if (mark && mark !== cardMark) hoverTimer = ctx.setTimeout(() => openCard(mark, false), HOVER_MS);
      });
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    document,
    'keydown',
    (event: KeyboardEvent) => {
      if (event.isTrusted && event.key === 'Escape' && card.isOpen()) closeCard(true);
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (cardMark) card.reposition(cardMark.range.getBoundingClientRect());
    },
    { capture: true, passive: true },
  );

  // Single-page-app navigation: the page's address changed, so its text and its dismissals did too.
  ctx.addEventListener(window, 'wxt:locationchange', async () => {
    const next = pageKeyUrl(location.href);
    if (next === pageUrl) return;
    pageUrl = next;
    closeCard(false);
    dismissals = await PageDismissals.load(pageUrl);
    if (!ctx.isInvalid) annotator.rescan();
  });

  ctx.setInterval(() => {
    annotator.refresh();
    if (cardMark && !annotator.marks.includes(cardMark)) closeCard(false);
  }, REFRESH_MS);
  // Settings or local claims saved in the options page or the popup apply at once.
  const stopWatching = onStoredDataChanged(async (what) => {
    if (what.settings) settings = await loadSettings();
    if (what.localClaims) bundle = claimBundle(await loadLocalClaims(DATASET).catch(() => []));
    if (ctx.isInvalid || !(what.settings || what.localClaims)) return;
    markSheet.update(markStyleCss(settings.markStyle, settings.highContrast));
    const was = active;
    active = siteOn() || checkedNow;
    if (active) ensureStarted();
    else if (was && started) annotator.rescan();
  });
  ctx.onInvalidated(() => {
    stopWatching();
    annotator.dispose();
    card.destroy();
    markSheet.remove();
  });
  if (active) ensureStarted();
}

/** The reader's mark style: one constructed stylesheet of ours, adopted by the page's document. */
function createMarkSheet(doc: Document): { update(css: string): void; remove(): void } {
  const sheet = new CSSStyleSheet();
  let adopted = false;
  return {
    update(css) {
      sheet.replaceSync(css);
      if (!adopted && css !== '') {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        adopted = true;
      }
    },
    remove() {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/** Work slices on WXT's ctx timers, so nothing of ours runs after the extension is updated or removed. */
function ctxScheduler(ctx: ContentScriptContext): Scheduler {
  return {
    schedule(task, when) {
      if (when === 'idle' && typeof window.requestIdleCallback === 'function') {
        const id = ctx.requestIdleCallback(() => task(), { timeout: 300 });
        return () => cancelIdleCallback(id);
      }
      const id = ctx.setTimeout(task, 0);
      return () => clearTimeout(id);
    },
    now: () => performance.now(),
  };
}

/**
 * The background sends a command to every frame of the tab: the frame with focus acts, and the top frame
 * acts when focus is in none of its frames.
 */
function shouldHandleCommand(): boolean {
  if (window === window.top) return document.activeElement?.localName !== 'iframe' || !document.hasFocus();
  return document.hasFocus();
}
