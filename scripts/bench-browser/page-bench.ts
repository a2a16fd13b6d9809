/**
 * The in-page half of the browser benchmark (scripts/bench-browser.ts bundles it with esbuild and injects it
 * into generated news-like pages). Exposes `window.__rttBench`; every function measures in the page and
 * returns plain figures. The real PageAnnotator and engine run here exactly as in the content script, only
 * with a scheduler that times each of our tasks.
 */
import indexJson from '../../generated/match-index.json';
import { loadMatchIndex, matchBlocks, type MatchIndexJson } from '../../utils/engine/index';
import { blockRange } from '../../utils/page/block-ranges';
import { extractBlocks } from '../../utils/page/extract-blocks';
import { createHighlighter } from '../../utils/page/highlights';
import { PageAnnotator, type Scheduler } from '../../utils/page/annotator';

/** mark.js, loaded from its own script tag (window.Mark) when the runner asks for it. */
interface MarkJs {
  mark(keywords: string[], options: Record<string, unknown>): void;
}
type MarkJsCtor = new (context: Element | Element[]) => MarkJs;

const index = loadMatchIndex(indexJson as unknown as MatchIndexJson);

/** Long tasks seen since the page loaded (the page itself runs no script, so in a window they are ours). */
const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // Long Tasks API missing: reported as null.
}
const longTasksSupported = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Long tasks in [from, to]: all of them, and those that overlap one of our timed tasks (the others are the
 * browser's own work between our tasks: rendering, garbage collection).
 */
function longTasksIn(from: number, to: number, spans: [number, number][]) {
  // Entries are delivered asynchronously; callers wait a little before asking.
  const inWindow = longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  const ours = inWindow.filter((t) => spans.some(([a, b]) => t.start <= b && t.start + t.duration >= a));
  const max = (xs: { duration: number }[]) => (xs.length ? round(Math.max(...xs.map((t) => t.duration))) : 0);
  return {
    count: inWindow.length,
    longestMs: max(inWindow),
    overlappingOurTasks: ours.length,
    longestOverlappingOursMs: max(ours),
    durationsMs: inWindow.map((t) => round(t.duration)),
  };
}
type LongTaskSummary = ReturnType<typeof longTasksIn>;

/** The physical floor: a bare TreeWalker over every text node of the body, reading its data. */
function bareWalk(): { ms: number; chars: number; nodes: number } {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  return { ms: performance.now() - t0, chars, nodes };
}

/** A scheduler like the content script's (idle callbacks for new work, setTimeout(0) for the next slice) that times each task. */
function timedScheduler(tasks: number[], spans: [number, number][]): Scheduler {
  const timed = (task: () => void) => () => {
    const t0 = performance.now();
    task();
    const t1 = performance.now();
    tasks.push(t1 - t0);
    spans.push([t0, t1]);
  };
  return {
    schedule(task, when) {
      if (when === 'idle') {
        const id = requestIdleCallback(timed(task), { timeout: 300 });
        return () => cancelIdleCallback(id);
      }
      const id = setTimeout(timed(task), 0);
      return () => clearTimeout(id);
    },
    now: () => performance.now(),
  };
}

interface AnnotateRun {
  /** Sum of our tasks (the work), ms. */
  workMs: number;
  /** start() to whenIdle(), ms: the work plus the page's turns between our slices. */
  wallMs: number;
  tasks: number;
  longestTaskMs: number;
  /** Our five longest tasks, ms. */
  topTasksMs: number[];
  /** The engine calls (matchBlocks, normalisation included) inside those tasks. */
  engine: ReturnType<typeof engineSince>;
  marks: number;
  claims: number;
  longTasks: LongTaskSummary | null;
}

/** The engine's share of the annotator's work: every matchBlocks call it makes, timed. */
const engine = { calls: 0, ms: 0, longestMs: 0, chars: 0 };
function timedMatch(blocks: string[]) {
  const t0 = performance.now();
  const out = matchBlocks(blocks, index);
  const ms = performance.now() - t0;
  engine.calls++;
  engine.ms += ms;
  engine.longestMs = Math.max(engine.longestMs, ms);
  for (const b of blocks) engine.chars += b.length;
  return out;
}
function engineSince(before: typeof engine) {
  return {
    calls: engine.calls - before.calls,
    ms: round(engine.ms - before.ms),
    longestCallMs: round(engine.longestMs),
    chars: engine.chars - before.chars,
  };
}

let live: PageAnnotator | null = null;
let liveTasks: number[] = [];
let liveSpans: [number, number][] = [];
const top = (xs: number[]) => [...xs].sort((a, b) => b - a).slice(0, 5).map((x) => round(x));

async function annotateOnce(keep = false): Promise<AnnotateRun> {
  live?.dispose();
  const tasks: number[] = [];
  const spans: [number, number][] = [];
  let claims = 0;
  engine.longestMs = 0;
  const engineBefore = { ...engine };
  const annotator = new PageAnnotator({
    root: document,
    match: timedMatch,
    onMarksChanged: (ids) => (claims = ids.length),
    isDismissed: () => false,
    scheduler: timedScheduler(tasks, spans),
  });
  const t0 = performance.now();
  const s0 = performance.now();
  annotator.start();
  tasks.push(performance.now() - s0);
  spans.push([s0, performance.now()]);
  await annotator.whenIdle();
  const wallMs = performance.now() - t0;
  await nextFrame(); // the highlights are painted
  await sleep(50);
  const run: AnnotateRun = {
    workMs: round(tasks.reduce((a, b) => a + b, 0)),
    wallMs: round(wallMs),
    tasks: tasks.length,
    longestTaskMs: round(Math.max(...tasks)),
    topTasksMs: top(tasks),
    engine: engineSince(engineBefore),
    marks: annotator.marks.length,
    claims,
    longTasks: longTasksSupported ? longTasksIn(t0, performance.now(), spans) : null,
  };
  if (keep) {
    live = annotator;
    liveTasks = tasks;
    liveSpans = spans;
  } else {
    annotator.dispose();
  }
  return run;
}

/** The same steps in one synchronous pass, timed one by one (where the time goes; not how the extension runs). */
function phases() {
  const t0 = performance.now();
  const blocks = extractBlocks(document);
  const t1 = performance.now();
  const matches = matchBlocks(
    blocks.map((b) => b.text),
    index,
  );
  const t2 = performance.now();
  const ranges: Range[] = [];
  for (const m of matches) {
    const r = blockRange(blocks[m.block]!, m.start, m.end);
    if (r) ranges.push(r);
  }
  const t3 = performance.now();
  const highlighter = createHighlighter(document);
  highlighter?.add(ranges);
  const t4 = performance.now();
  highlighter?.dispose();
  return {
    extractMs: round(t1 - t0),
    matchMs: round(t2 - t1),
    rangesMs: round(t3 - t2),
    highlightMs: round(t4 - t3),
    blocks: blocks.length,
    blockChars: blocks.reduce((a, b) => a + b.text.length, 0),
    matches: matches.length,
  };
}

async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await sleep(200);
}

const bench = {
  /**
   * With the real extension loaded (its content script runs in an isolated world, so it is watched from
   * outside): waits until its claim highlight holds `expectMarks` ranges and has not changed for `quietMs`,
   * then reports when that happened and the long tasks since the page loaded.
   */
  async watchExtension(expectMarks: number, quietMs: number, timeoutMs: number) {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const loadEnd = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const from = loadEnd?.loadEventEnd ?? 0;
    let size = -1;
    let changedAt = performance.now();
    const t0 = performance.now();
    for (;;) {
      const now = registry?.get('right-to-truth-claim')?.size ?? 0;
      if (now !== size) {
        size = now;
        changedAt = performance.now();
      }
      if ((size >= expectMarks && performance.now() - changedAt >= quietMs) || performance.now() - t0 > timeoutMs) break;
      await sleep(5);
    }
    await sleep(50);
    const all = longTasks.filter((t) => t.start >= from);
    return {
      marks: size,
      /** From the load event's end to the last change of our highlight, ms. */
      marksDoneAfterLoadMs: round(changedAt - from),
      longTasksSinceLoad: all.length,
      longestTaskSinceLoadMs: all.length ? round(Math.max(...all.map((t) => t.duration))) : 0,
      durationsMs: all.map((t) => round(t.duration)),
      timedOut: size < expectMarks,
    };
  },

  /** Bare walks and full annotates, interleaved in one run. */
  async main(walkRuns: number, annotateRuns: number) {
    await settle();
    bareWalk(); // warm-up
    const walks: number[] = [];
    const annotates: AnnotateRun[] = [];
    let walk = bareWalk();
    for (let i = 0; i < Math.max(walkRuns, annotateRuns); i++) {
      if (i < walkRuns) {
        walk = bareWalk();
        walks.push(walk.ms);
      }
      if (i < annotateRuns) annotates.push(await annotateOnce());
    }
    const phase = phases();
    return {
      htmlChars: document.documentElement.outerHTML.length,
      textChars: walk.chars,
      textNodes: walk.nodes,
      walkMs: walks.map((x) => round(x)),
      walkMedianMs: round(median(walks)),
      annotate: annotates,
      annotateMedianWorkMs: round(median(annotates.map((a) => a.workMs))),
      annotateMedianWallMs: round(median(annotates.map((a) => a.wallMs))),
      longestTaskMs: round(Math.max(...annotates.map((a) => a.longestTaskMs))),
      longTasksLongestMs: longTasksSupported ? Math.max(...annotates.map((a) => a.longTasks!.longestMs)) : null,
      longTasksCount: longTasksSupported ? annotates.reduce((a, r) => a + r.longTasks!.count, 0) : null,
      longTasksOverlappingOurs: longTasksSupported ? annotates.reduce((a, r) => a + r.longTasks!.overlappingOurTasks, 0) : null,
      longTasksLongestOverlappingOursMs: longTasksSupported
        ? Math.max(...annotates.map((a) => a.longTasks!.longestOverlappingOursMs))
        : null,
      phases: phase,
    };
  },

  /**
   * Annotates the page, then appends the paragraphs to its article and times the annotator catching up.
   * `separator` goes between them in the appended HTML: '\n' (parsed HTML as a server or framework sends it:
   * whitespace text nodes between the paragraphs) or '' (element nodes only).
   */
  async append(paragraphs: string[], separator: string) {
    await settle();
    const base = await annotateOnce(true);
    const annotator = live!;
    const article = document.querySelector('article') ?? document.body;
    const marksBefore = annotator.marks.length;
    const taskStart = liveTasks.length;
    engine.longestMs = 0;
    const engineBefore = { ...engine };
    const template = document.createElement('template');
    template.innerHTML = paragraphs.map((p) => p.trim()).join(separator);
    const appendedChars = template.content.textContent?.length ?? 0;
    const t0 = performance.now();
    article.append(template.content);
    const domMs = performance.now() - t0;
    await Promise.resolve(); // the MutationObserver callback (a microtask) queues the work
    await annotator.whenIdle();
    const wallMs = performance.now() - t0;
    await nextFrame();
    await sleep(50);
    const tasks = liveTasks.slice(taskStart);
    const spans = liveSpans.slice(taskStart);
    const result = {
      base,
      paragraphs: paragraphs.length,
      appendedChars,
      appendDomMs: round(domMs),
      workMs: round(tasks.reduce((a, b) => a + b, 0)),
      wallMs: round(wallMs),
      tasks: tasks.length,
      longestTaskMs: tasks.length ? round(Math.max(...tasks)) : 0,
      topTasksMs: top(tasks),
      engine: engineSince(engineBefore),
      marksBefore,
      marksAfter: annotator.marks.length,
      longTasks: longTasksSupported ? longTasksIn(t0, performance.now(), spans) : null,
    };
    annotator.dispose();
    live = null;
    return result;
  },

  /**
   * mark.js highlighting the same phrasings (it wraps each hit in a <mark> element), on the first `paragraphs`
   * paragraphs of the article, timed and extrapolated to the page by text length.
   */
  async markjs(paragraphs: number, options: Record<string, unknown>) {
    await settle();
    const Mark = (window as unknown as { Mark: MarkJsCtor }).Mark;
    const phrasings = [...new Set(index.json.phrasings.map((p) => p.text))];
    const all = [...document.querySelectorAll('article p')];
    const subset = all.slice(0, paragraphs);
    const subsetChars = subset.reduce((a, p) => a + (p.textContent?.length ?? 0), 0);
    const totalChars = bareWalk().chars;
    const t0 = performance.now();
    let hits = 0;
    new Mark(subset).mark(phrasings, { ...options, each: () => hits++ });
    const ms = performance.now() - t0;
    return {
      phrasings: phrasings.length,
      paragraphs: subset.length,
      ofParagraphs: all.length,
      subsetChars,
      totalChars,
      ms: round(ms),
      hits,
      extrapolatedMs: round((ms * totalChars) / subsetChars),
      sampled: subset.length < all.length,
    };
  },
};

(window as unknown as { __rttBench: typeof bench }).__rttBench = bench;

export type PageBench = typeof bench;
export type MainResult = Awaited<ReturnType<PageBench['main']>>;
export type AppendResult = Awaited<ReturnType<PageBench['append']>>;
export type MarkJsResult = Awaited<ReturnType<PageBench['markjs']>>;
export type ExtensionResult = Awaited<ReturnType<PageBench['watchExtension']>>;
export type { AnnotateRun };
