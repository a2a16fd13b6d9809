import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Dataset, Incident, Source } from '../../data/schema/index';
import datasetJson from '../../generated/dataset.json';
import indexJson from '../../generated/match-index.json';
import { loadMatchIndex, matchBlocks, type MatchIndexJson } from '../../utils/engine/index';
import type { MessageKey } from '../../utils/i18n-keys';
import { parseMessageFrom, type MarkCommand, type Message, type SenderInfo } from '../../utils/messages';
import { PageAnnotator, type Mark, type Scheduler } from '../../utils/page/annotator';
import { createHighlighter } from '../../utils/page/highlights';
import { ownContext } from '../../utils/extension/own-context';
import { loadSettings } from '../../utils/extension/settings-store';
import { createCardHost } from './card-host';
import { PageDismissals, pageKeyUrl } from './dismissals';

/** How often the annotator re-checks its highlights and the visibility of its marks, ms. */
const REFRESH_MS = 2_000;
/** How long the pointer rests on a mark before its card opens, ms. */
const HOVER_MS = 450;

/** Wiring: dataset and engine → PageAnnotator → badge, card, keys. Everything is torn down with `ctx`. */
export async function annotatePage(ctx: ContentScriptContext): Promise<void> {
  const dataset = datasetJson as unknown as Dataset;
  const index = loadMatchIndex(indexJson as unknown as MatchIndexJson);
  const claims = new Map(dataset.claims.map((c) => [c.id, c]));
  const sources: Record<string, Source> = Object.fromEntries(dataset.sources.map((s) => [s.id, s]));
  const incidents = new Map<string, Incident>(dataset.incidents.map((i) => [i.id, i]));

  let pageUrl = pageKeyUrl(location.href);
  let dismissals = await PageDismissals.load(pageUrl);
  const settings = await loadSettings();
  if (ctx.isInvalid) return;

  const annotator = new PageAnnotator({
    root: document,
    match: (blocks) => matchBlocks(blocks, index),
    onMarksChanged: (claimIds) => {
      const message: Message = { type: 'marks-changed', claimIds };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    isDismissed: (claimId, text) => dismissals.has(claimId, text),
    scheduler: ctxScheduler(ctx),
    // Nothing of ours in the page until there is something to mark.
    highlighter: createHighlighter(document, undefined, { registerOnFirstMark: true }),
  });
  const card = createCardHost(document);
  let cardMark: Mark | null = null;

  // WXT types getMessage from generated keys; the card's keys are checked by MessageKey instead.
  const i18n = browser.i18n as unknown as { getMessage(key: string, substitutions?: string[]): string };
  const t = (key: MessageKey, substitutions?: string[]) => i18n.getMessage(key, substitutions);
  const dir = i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  const copy = (text: string) => navigator.clipboard.writeText(text);

  const closeCard = (restoreFocus = true) => {
    cardMark = null;
    card.close({ restoreFocus });
  };

  const openCard = (mark: Mark, focus: boolean) => {
    const claim = claims.get(mark.claimId);
    if (!claim) return;
    cardMark = mark;
    annotator.focus(mark, false);
    card.open(
      {
        claim,
        sources,
        incident: claim.incident ? incidents.get(claim.incident) : undefined,
        matched: { phrasing: mark.phrasing, text: mark.text, score: mark.score },
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

  // Messages from the background (keyboard commands from the manifest).
  const own = ownContext();
  const onMessage = (raw: unknown, sender: SenderInfo) => {
    const message = parseMessageFrom(raw, sender, own);
    if (message?.type === 'run-command') runCommand(message.command);
    return undefined;
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
  ctx.onInvalidated(() => {
    annotator.dispose();
    card.destroy();
  });
  annotator.start();
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
