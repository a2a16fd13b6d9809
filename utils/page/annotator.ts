/**
 * PageAnnotator: page text → engine → marks, kept up to date on dynamic pages.
 *
 * - Never mutates the page's DOM: marks are Custom Highlights over live Ranges.
 * - One MutationObserver whose callback only queues the roots of changed blocks; the work runs later in
 *   time-sliced tasks (each well under 50 ms), re-extracting and re-matching only those roots.
 * - Everything it needs comes in through {@link AnnotatorDeps}; it calls no extension API, so it runs in
 *   happy-dom, a plain page and the content script alike.
 */
import { NEARBY_BLOCKS, type BlockMatch } from '../engine/index';
import { blockRange, blockSpanNodes } from './block-ranges';
import { compareDocumentPoints, composedContains } from './document-order';
import {
  BLOCK_TAGS,
  INLINE_TAGS,
  OWN_UI_ATTRIBUTE,
  isInSkippedRegion,
  isShadowRoot,
  iterateBlocks,
  type TextBlock,
} from './extract-blocks';
import { createHighlighter, type Highlighter } from './highlights';
import { markAtPoint as hitTest } from './hit-test';
import { splitLongBlocks } from './split-blocks';

export type { BlockMatch };

/** One marked passage. */
export interface Mark {
  /** Unique within this annotator. */
  readonly id: number;
  readonly claimId: string;
  /** The dataset phrasing that matched. */
  readonly phrasing: string;
  /** The page text that matched. */
  readonly text: string;
  /** Engine confidence, between 0 and 1. */
  readonly score: number;
  /** Why the engine marked it (offsets into the block's text), for the card's "why this was marked". */
  readonly why: BlockMatch['why'];
  /** Live range over the passage. */
  readonly range: Range;
  /** The text nodes the passage covers (a mark whose node left the document is dropped). */
  readonly nodes: readonly Text[];
  /** Whether the passage is rendered (hidden marks are kept, re-checked, but neither drawn nor counted). */
  visible: boolean;
}

/** Runs work later. The content script passes one built on WXT's ctx so it stops on invalidation. */
export interface Scheduler {
  /**
   * Runs `task` in a later task: `'idle'` when the page is idle (new work after a change), `'soon'` right
   * after the page's pending tasks (the next slice of work already under way; idle periods come too
   * rarely to finish a large page quickly). Returns a cancel function.
   */
  schedule(task: () => void, when: 'idle' | 'soon'): () => void;
  /** Monotonic clock, milliseconds. */
  now(): number;
}

export interface AnnotatorDeps {
  root: Document;
  /** The engine: block texts → matches (UTF-16 offsets into each block's text). */
  match: (blocks: string[]) => BlockMatch[];
  /** Called with the sorted distinct claim ids of the visible marks, whenever that set changes. */
  onMarksChanged: (distinctClaimIds: string[]) => void;
  /** The reader said "not this claim" for this passage. */
  isDismissed: (claimId: string, text: string) => boolean;
  scheduler: Scheduler;
  /** Draws the marks. Default: the Custom Highlight API of `root` (none where unsupported). */
  highlighter?: Highlighter | null;
  /** Whether a mark is rendered. Default: `checkVisibility()` / client rects. */
  isVisible?: (range: Range) => boolean;
  /** Attribute on our own UI's host elements. Default `data-right-to-truth`. */
  ownUiAttribute?: string;
  /** Scrolls a mark into view. Default: its element's `scrollIntoView`, centred. */
  scrollToMark?: (mark: Mark) => void;
}

/** Whether a block's text nodes are all still in the document. */
function isBlockConnected(block: TextBlock): boolean {
  return block.segments.every((s) => s.node.isConnected && s.node.data.length === s.end - s.start);
}

/** Budget of one task of ours, in ms: well under the 50 ms long-task threshold. */
const SLICE_MS = 12;
/** Above this many queued roots, one rescan of the document is cheaper than sorting them out. */
const MAX_QUEUED_ROOTS = 2_000;

const OBSERVE_OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeOldValue: true,
  attributeFilter: ['hidden', 'contenteditable', 'open', 'style'],
};

interface Job {
  root: Node;
  blocks: Iterator<TextBlock>;
}

/** The default scheduler over a window: `requestIdleCallback` with a timeout, else `setTimeout`. */
export function windowScheduler(win: Window): Scheduler {
  return {
    schedule(task, when) {
      if (when === 'idle' && typeof win.requestIdleCallback === 'function') {
        const handle = win.requestIdleCallback(() => task(), { timeout: 300 });
        return () => win.cancelIdleCallback(handle);
      }
      const handle = win.setTimeout(task, 0);
      return () => win.clearTimeout(handle);
    },
    now: () => win.performance.now(),
  };
}

/** Default visibility test: rendered, not `visibility:hidden` (cheap: only matched passages are tested). */
export function isRangeRendered(range: Range): boolean {
  const el = range.startContainer.parentElement;
  if (el && typeof el.checkVisibility === 'function') {
    return el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true } as CheckVisibilityOptions);
  }
  return range.getClientRects().length > 0;
}

export class PageAnnotator {
  private readonly doc: Document;
  private readonly deps: AnnotatorDeps;
  private readonly highlighter: Highlighter | null;
  private readonly isVisible: (range: Range) => boolean;
  private readonly ownUi: string;
  private observer: MutationObserver | null = null;
  private readonly observedShadows = new WeakSet<ShadowRoot>();

  /** All marks, sorted by start in document order. */
  private all: Mark[] = [];
  /** The visible ones (what is drawn, counted, navigated and hit-tested). */
  private shown: Mark[] = [];
  private current: Mark | null = null;
  private nextId = 1;
  /** The last blocks handed to the engine, carried into the next call for page context. */
  private carry: TextBlock[] = [];

  private dirty = new Set<Node>();
  private jobs: Job[] = [];
  private job: Job | null = null;
  private needsPrune = false;
  private cancelScheduled: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];
  private lastReported: string | null = null;
  /**
   * Characters the engine gets per slice; adapted to its measured speed. Starts small: the first call runs
   * the engine cold (not yet optimised by the JIT).
   */
  private charBudget = 4_000;
  private disposed = false;

  constructor(deps: AnnotatorDeps) {
    this.deps = deps;
    this.doc = deps.root;
    this.highlighter = deps.highlighter === undefined ? createHighlighter(deps.root) : deps.highlighter;
    this.isVisible = deps.isVisible ?? isRangeRendered;
    this.ownUi = deps.ownUiAttribute ?? OWN_UI_ATTRIBUTE;
  }

  /** Starts observing and queues the first scan of the whole page. */
  start(): void {
    if (this.disposed || this.observer) return;
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
    this.observer.observe(this.doc, OBSERVE_OPTIONS);
    this.queue(this.doc);
  }

  /** Forgets every mark and rescans the page (single-page-app navigation). */
  rescan(): void {
    if (this.disposed) return;
    this.jobs = [];
    this.job = null;
    this.dirty.clear();
    this.setMarks([]);
    this.queue(this.doc);
  }

  /**
   * Periodic check, on a timer owned by the caller: restores our highlights if the page cleared them,
   * drops marks whose text left the page, re-checks which marks are visible.
   */
  refresh(): void {
    if (this.disposed) return;
    this.highlighter?.ensureRegistered();
    this.prune();
    let changed = false;
    for (const mark of this.all) {
      const visible = this.isVisible(mark.range);
      if (visible !== mark.visible) {
        mark.visible = visible;
        changed = true;
      }
    }
    if (changed) this.redraw();
    this.report();
  }

  /** Re-applies `isDismissed` to the current marks (after the reader dismissed one). */
  applyDismissals(): void {
    if (this.disposed) return;
    this.setMarks(this.all.filter((m) => !this.deps.isDismissed(m.claimId, m.text)));
    this.report();
  }

  /** The visible marks, in document order. */
  get marks(): readonly Mark[] {
    return this.shown;
  }

  /** The current (keyboard-focused) mark. */
  get currentMark(): Mark | null {
    return this.current && this.shown.includes(this.current) ? this.current : null;
  }

  /** Moves to the next mark (wrapping), scrolls it into view and draws it as current. */
  next(): Mark | null {
    return this.step(1);
  }

  /** Moves to the previous mark (wrapping). */
  previous(): Mark | null {
    return this.step(-1);
  }

  /** Makes `mark` the current one (or none). Scrolls it into view unless `scroll` is false. */
  focus(mark: Mark | null, scroll = true): void {
    this.current = mark;
    this.highlighter?.setCurrent(mark?.range ?? null);
    if (mark && scroll) (this.deps.scrollToMark ?? defaultScroll)(mark);
  }

  /** The visible mark at viewport point (x, y), or null. */
  markAtPoint(x: number, y: number): Mark | null {
    return hitTest(this.doc, this.shown, x, y);
  }

  /** Resolves once every queued change has been processed (for tests and the demo). */
  whenIdle(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Disconnects the observer, cancels queued work, removes the highlights. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.observer?.disconnect();
    this.observer = null;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.jobs = [];
    this.job = null;
    this.dirty.clear();
    this.highlighter?.dispose();
    this.all = [];
    this.shown = [];
    this.current = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // ---------------------------------------------------------------- mutations (queue only)

  private onMutations(records: MutationRecord[]): void {
    if (this.disposed) return;
    for (const r of records) {
      const target = r.target;
      if (r.type === 'characterData') {
        this.queue(blockRootOf(target));
      } else if (r.type === 'childList') {
        r.addedNodes.forEach((n) => {
          if (isBlockGap(n, n.previousSibling, n.nextSibling)) return;
          this.queue(isInline(n) ? blockRootOf(target) : n);
        });
        if (r.removedNodes.length > 0) {
          this.needsPrune = true;
          let inline = false;
          r.removedNodes.forEach((n) => (inline ||= isInline(n) && !isBlockGap(n, r.previousSibling, r.nextSibling)));
          if (inline) this.queue(blockRootOf(target));
          else this.scheduleWork();
        }
      } else if (r.type === 'attributes') {
        if (r.attributeName === 'style') {
          const now = (target as Element).getAttribute?.('style') ?? '';
          if (!/none/i.test(now) && !/none/i.test(r.oldValue ?? '')) continue;
        }
        this.queue(isInline(target) ? blockRootOf(target) : target);
      }
    }
  }

  private queue(root: Node): void {
    const type = root.nodeType;
    if (type !== 1 && type !== 3 && type !== 9 && !isShadowRoot(root)) return;
    if (this.dirty.size >= MAX_QUEUED_ROOTS && !this.dirty.has(this.doc)) {
      this.dirty.clear();
      this.dirty.add(this.doc);
    } else if (!this.dirty.has(this.doc)) {
      this.dirty.add(root);
    }
    this.scheduleWork();
  }

  private scheduleWork(when: 'idle' | 'soon' = 'idle'): void {
    if (this.cancelScheduled || this.disposed) return;
    this.cancelScheduled = this.deps.scheduler.schedule(() => {
      this.cancelScheduled = null;
      this.runSlice();
    }, when);
  }

  private busy(): boolean {
    return this.dirty.size > 0 || this.jobs.length > 0 || this.job !== null || this.needsPrune || this.cancelScheduled !== null;
  }

  // ---------------------------------------------------------------- batched work

  /** One task of ours: extract and match until the time budget is spent, then yield to the page. */
  private runSlice(): void {
    if (this.disposed) return;
    const { now } = this.deps.scheduler;
    const started = now();
    let changed = false;
    if (this.needsPrune) changed = this.prune() || changed;
    if (this.dirty.size > 0) changed = this.takeDirtyRoots() || changed;

    while (now() - started < SLICE_MS) {
      if (!this.job) {
        const next = this.jobs.shift();
        if (!next) break;
        this.job = next;
      }
      // Pull blocks for about half the budget, then hand them to the engine in one call.
      const blocks: TextBlock[] = [];
      let chars = 0;
      while (chars < this.charBudget) {
        const step = this.job.blocks.next();
        if (step.done) {
          this.job = null;
          break;
        }
        blocks.push(step.value);
        chars += step.value.text.length;
        if ((blocks.length & 15) === 0 && now() - started > SLICE_MS / 2) break;
      }
      if (blocks.length > 0) {
        // The last blocks of the previous call go along again: a cue in this batch can complete a claim in
        // them, and their cues count as nearby for the first blocks here (marks already made are kept once).
        const withCarry = [...this.carry.filter(isBlockConnected), ...blocks];
        this.carry = withCarry.slice(-NEARBY_BLOCKS);
        const t0 = now();
        const matches = this.deps.match(withCarry.map((b) => b.text));
        const ms = Math.max(now() - t0, 0.05);
        // Aim the engine's share of the next slice at ~40% of the budget.
        const target = (chars / ms) * SLICE_MS * 0.4;
        this.charBudget = Math.min(400_000, Math.max(2_000, Math.round(0.5 * this.charBudget + 0.5 * target)));
        changed = this.addMatches(withCarry, matches) || changed;
      }
    }
    if (changed) {
      this.redraw();
      this.highlighter?.ensureRegistered();
    }
    if (this.job || this.jobs.length > 0 || this.dirty.size > 0) {
      this.scheduleWork('soon');
      return;
    }
    this.report();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Turns the queued roots into jobs: drops nested and dead roots, and the marks inside each root. */
  private takeDirtyRoots(): boolean {
    const roots = this.dirty;
    this.dirty = new Set();
    let changed = false;
    const accepted: Node[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      if (hasQueuedAncestor(root, roots)) continue;
      // An in-flight job inside this root is superseded by it.
      if (this.job && composedContains(root, this.job.root)) this.job = null;
      this.jobs = this.jobs.filter((j) => !composedContains(root, j.root));
      const before = this.all.length;
      this.all = this.all.filter((m) => !composedContains(root, m.nodes[0]!));
      if (this.all.length !== before) changed = true;
      accepted.push(root);
    }
    for (const root of accepted) {
      if (root.nodeType !== 9 && isInSkippedRegion(root, this.ownUi)) continue;
      const extractRoot = root.nodeType === 3 ? root.parentNode : root;
      if (!extractRoot) continue;
      const blocks = splitLongBlocks(
        iterateBlocks(extractRoot as Element, {
          ownUiAttribute: this.ownUi,
          onShadowRoot: (shadow) => this.observeShadow(shadow),
        }),
      );
      this.jobs.push({ root, blocks });
    }
    return changed;
  }

  private observeShadow(shadow: ShadowRoot): void {
    if (!this.observer || this.observedShadows.has(shadow)) return;
    this.observedShadows.add(shadow);
    this.observer.observe(shadow, OBSERVE_OPTIONS);
  }

  private addMatches(blocks: TextBlock[], matches: BlockMatch[]): boolean {
    let changed = false;
    for (const m of matches) {
      const block = blocks[m.block];
      if (!block) continue;
      const text = block.text.slice(m.start, m.end);
      if (this.deps.isDismissed(m.claimId, text)) continue;
      const range = blockRange(block, m.start, m.end);
      if (!range) continue;
      if (this.all.some((x) => x.claimId === m.claimId && sameRange(x.range, range))) continue;
      const mark: Mark = {
        id: this.nextId++,
        claimId: m.claimId,
        phrasing: m.phrasing,
        text,
        score: m.score,
        why: m.why,
        range,
        nodes: blockSpanNodes(block, m.start, m.end),
        visible: this.isVisible(range),
      };
      this.insertSorted(mark);
      changed = true;
    }
    return changed;
  }

  private insertSorted(mark: Mark): void {
    let lo = 0;
    let hi = this.all.length;
    const r = mark.range;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const o = this.all[mid]!.range;
      if (compareDocumentPoints(o.startContainer, o.startOffset, r.startContainer, r.startOffset) > 0) hi = mid;
      else lo = mid + 1;
    }
    this.all.splice(lo, 0, mark);
  }

  /** Drops marks whose text nodes left the document. Returns whether any was dropped. */
  private prune(): boolean {
    this.needsPrune = false;
    const kept = this.all.filter((m) => m.nodes.every((n) => n.isConnected) && !m.range.collapsed);
    if (kept.length === this.all.length) return false;
    this.setMarks(kept);
    return true;
  }

  private setMarks(marks: Mark[]): void {
    this.all = marks;
    this.redraw();
  }

  /** Brings the highlights in line with the visible marks. */
  private redraw(): void {
    const shown = this.all.filter((m) => m.visible);
    const keep = new Set(shown.map((m) => m.range));
    this.highlighter?.remove(this.shown.filter((m) => !keep.has(m.range)).map((m) => m.range));
    this.highlighter?.add(shown.map((m) => m.range));
    this.shown = shown;
    if (this.current && !shown.includes(this.current)) this.focus(null, false);
  }

  private report(): void {
    if (this.disposed) return;
    const ids = [...new Set(this.shown.map((m) => m.claimId))].sort();
    const key = ids.join('\n');
    if (key === this.lastReported) return;
    this.lastReported = key;
    this.deps.onMarksChanged(ids);
  }

  private step(direction: 1 | -1): Mark | null {
    const marks = this.shown;
    if (marks.length === 0) return null;
    const at = this.current ? marks.indexOf(this.current) : -1;
    let index: number;
    if (at >= 0) {
      index = (at + direction + marks.length) % marks.length;
    } else {
      // Start from the viewport: the first mark below its top (or the last above it, going back).
      const tops = marks.map((m) => m.range.getBoundingClientRect().top);
      index = direction === 1 ? tops.findIndex((t) => t >= 0) : findLastIndex(tops, (t) => t < 0);
      if (index < 0) index = direction === 1 ? 0 : marks.length - 1;
    }
    const mark = marks[index]!;
    this.focus(mark);
    return mark;
  }
}

function defaultScroll(mark: Mark): void {
  const el = mark.range.startContainer.parentElement;
  if (!el) return;
  const reduce = el.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

function findLastIndex<T>(items: readonly T[], pred: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i]!)) return i;
  return -1;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** Text and known inline elements change the block around them; anything else is a block of its own. */
/**
 * White space between two blocks (the newlines of appended HTML) changes no block's text: queueing its
 * parent would rescan the whole article for every appended batch.
 */
function isBlockGap(node: Node, before: Node | null, after: Node | null): boolean {
  if (!isWhiteSpaceText(node)) return false;
  while (before && isWhiteSpaceText(before)) before = before.previousSibling;
  while (after && isWhiteSpaceText(after)) after = after.nextSibling;
  return (before === null || !isInline(before)) && (after === null || !isInline(after));
}

function isWhiteSpaceText(node: Node): boolean {
  return node.nodeType === 3 && !/\S/.test((node as Text).data);
}

function isInline(node: Node): boolean {
  if (node.nodeType === 3) return true;
  if (node.nodeType !== 1) return false;
  return INLINE_TAGS.has((node as Element).localName);
}

/** The nearest block-level ancestor (or the shadow root / document) whose text `node` is part of. */
function blockRootOf(node: Node): Node {
  let current: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (current) {
    if (current.nodeType === 9 || isShadowRoot(current)) return current;
    if (current.nodeType === 1 && BLOCK_TAGS.has((current as Element).localName)) return current;
    current = current.parentNode;
  }
  return node;
}

function hasQueuedAncestor(node: Node, queued: ReadonlySet<Node>): boolean {
  let current: Node | null = node;
  for (;;) {
    const parent: Node | null = current.parentNode ?? (isShadowRoot(current) ? current.host : null);
    if (!parent) return false;
    if (queued.has(parent)) return true;
    current = parent;
  }
}
