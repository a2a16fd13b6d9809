import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Pathological pages, generated (never committed): 5 MB of text in one paragraph, 100,000 text nodes in one
 * block, 5,000-deep nesting, and a page mutating 10,000 nodes a second for five seconds. Each carries the
 * same three claim sentences (written for the tests, wordings from the dataset) at its start, middle and end,
 * so a test can check the marks, and an inline script that records the Long Tasks API's entries and the
 * spans of the page's own scripted work in `window.__patho` (long tasks outside those spans are the
 * extension's or the browser's). Shared by tests/e2e/pathological.e2e.test.ts and `npm run bench`.
 */

export const PATHOLOGICAL_CLAIMS = [
  'At a press conference the foreign minister repeated that we do not jail people for their opinions, a line he has used for years.',
  'The judiciary spokesman said the figures declared by enemy groups are pure lies, and added that the real toll was much lower.',
  'Separately, Tehran police maintained that Mahsa Amini suffered sudden heart failure at the station.',
];
/** The marks those sentences get, in document order (as in annotate-article.html). */
export const PATHOLOGICAL_MARKS = ['we do not jail people for their opinions', 'figures declared by enemy groups are pure lies', 'suffered sudden heart failure'];
/** A fourth claim, appended by the test after the page's churn. */
export const APPENDED_CLAIM = 'Later, an official told lawmakers that the detainees had died of meningitis.';
export const APPENDED_MARK = 'the detainees had died of meningitis';

export type PathologicalKind = 'text-5mb' | 'nodes-100k' | 'deep-5000' | 'mutate-10k-per-s';
export const PATHOLOGICAL_KINDS: readonly PathologicalKind[] = ['text-5mb', 'nodes-100k', 'deep-5000', 'mutate-10k-per-s'];

/** What the page's script leaves in `window.__patho`. */
export interface PathoWindow {
  __patho: {
    longTasks: { start: number; duration: number }[];
    /** The page's own scripted work: [start, end] in performance.now() ms. */
    ownSpans: [number, number][];
    /** performance.now() when the page's set-up (and, for the mutating page, its churn) was over. */
    doneAt: number | null;
    /** Nodes the mutating page changed. */
    mutated: number;
  };
}

const FILLER = [
  'The council reviewed plans for new bus routes and a report on air quality',
  'Forecasters expect light rain on Tuesday and sunshine from Thursday',
  'The port authority described delays at the docks after a long meeting',
  'Economists discussed the wheat harvest and the cost of housing in the capital',
];
const filler = (i: number) => `${FILLER[i % FILLER.length]} (item ${i}). `;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Runs first, in <head>: long-task observer and the page's own bookkeeping. */
const RECORDER = `<script>
window.__patho = { longTasks: [], ownSpans: [], doneAt: null, mutated: 0 };
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__patho.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch (e) {}
window.__pathoOwn = (fn) => { const t0 = performance.now(); try { fn(); } finally { window.__patho.ownSpans.push([t0, performance.now()]); } };
</script>`;

/** Extra markup for every page's <head> (the benchmark adds its in-page script). */
let extraHead = '';

function page(title: string, body: string, script = ''): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title} (generated test page)</title>${RECORDER}${extraHead}` +
    '<style>body{font:16px/1.5 serif;max-width:40em;margin:auto}</style></head>\n' +
    `<body>${body}${script ? `<script>${script}</script>` : '<script>window.__patho.doneAt = performance.now();</script>'}</body></html>\n`
  );
}

/** 5 MB of text in a single paragraph: one block for the engine. */
function text5mb(): string {
  const parts: string[] = [esc(PATHOLOGICAL_CLAIMS[0]!), ' '];
  let size = 0;
  let i = 0;
  const half = 2_500_000;
  let middle = false;
  while (size < 5_000_000) {
    const s = filler(i++);
    parts.push(s);
    size += s.length;
    if (!middle && size >= half) {
      parts.push(esc(PATHOLOGICAL_CLAIMS[1]!), ' ');
      middle = true;
    }
  }
  parts.push(esc(PATHOLOGICAL_CLAIMS[2]!));
  return page('Five megabytes in one paragraph', `<article><h1>One long paragraph</h1><p>${parts.join('')}</p></article>`);
}

/** 100,000 text nodes in one block: every word its own <span>, the claims split word by word too. */
function nodes100k(): string {
  const words = (s: string) => s.split(' ').map((w) => `<span>${esc(w)}</span> `);
  const claimWords = PATHOLOGICAL_CLAIMS.map(words);
  const total = 50_000; // spans; each adds its word's node and the space after it
  const fill: string[] = [];
  let i = 0;
  const fillWords = FILLER.join(' ').split(' ');
  const perPart = Math.floor((total - claimWords.flat().length) / 2);
  const chunk = () => {
    const out: string[] = [];
    for (let k = 0; k < perPart; k++) out.push(`<span>${fillWords[i++ % fillWords.length]}</span> `);
    return out.join('');
  };
  fill.push(claimWords[0]!.join(''), chunk(), claimWords[1]!.join(''), chunk(), claimWords[2]!.join(''));
  return page('A hundred thousand text nodes', `<article><h1>Every word a node</h1><div id="words">${fill.join('')}</div></article>`);
}

/**
 * 5,000 nested elements, built by script (HTML parsers flatten nesting deeper than a few hundred). They are
 * `display: contents`: Chromium's renderer crashes by itself, extension or not, laying out some 3,000
 * nested boxes; this way the DOM is 5,000 deep while the layout stays flat.
 */
function deep5000(): string {
  const claims = JSON.stringify(PATHOLOGICAL_CLAIMS);
  const script = `window.__pathoOwn(() => {
  const claims = ${claims};
  let parent = document.getElementById('deep');
  for (let depth = 1; depth <= 5000; depth++) {
    const el = document.createElement(depth % 2 ? 'div' : 'section');
    el.style.display = 'contents';
    if (depth === 10 || depth === 2500) {
      const p = document.createElement('p');
      p.textContent = claims[depth === 10 ? 0 : 1];
      el.append(p);
    }
    if (depth % 100 === 0) el.append(document.createTextNode(${JSON.stringify(filler(7))}));
    parent.append(el);
    parent = el;
  }
  const p = document.createElement('p');
  p.textContent = claims[2];
  parent.append(p);
});
window.__patho.doneAt = performance.now();`;
  return page('Five thousand levels deep', '<article><h1>Deep nesting</h1><div id="deep"></div></article>', script);
}

/** The claims in static paragraphs, and 1,000 spans of which 100 change every 10 ms for 5 s after load. */
function mutate(): string {
  const spans = Array.from({ length: 10 }, (_, p) =>
    `<p class="churn">${Array.from({ length: 100 }, (_, k) => `<span>${FILLER[(p + k) % FILLER.length]!.split(' ')[k % 5]}</span>`).join(' ')}</p>`,
  ).join('\n');
  const body = `<article><h1>A busy page</h1><p>${esc(PATHOLOGICAL_CLAIMS[0]!)}</p>\n<div id="live">${spans}</div>\n<p>${esc(PATHOLOGICAL_CLAIMS[1]!)}</p>\n<p>${esc(PATHOLOGICAL_CLAIMS[2]!)}</p></article>`;
  const script = `addEventListener('load', () => {
  const spans = [...document.querySelectorAll('#live span')];
  const words = ${JSON.stringify(FILLER.join(' ').split(' '))};
  let next = 0;
  const started = performance.now();
  const timer = setInterval(() => window.__pathoOwn(() => {
    for (let k = 0; k < 100; k++) {
      const span = spans[next++ % spans.length];
      span.textContent = words[(next * 7) % words.length];
    }
    window.__patho.mutated += 100;
    if (performance.now() - started >= 5000) {
      clearInterval(timer);
      window.__patho.doneAt = performance.now();
    }
  }), 10);
});`;
  return page('Ten thousand mutations a second', body, script);
}

const GENERATORS: Record<PathologicalKind, () => string> = {
  'text-5mb': text5mb,
  'nodes-100k': nodes100k,
  'deep-5000': deep5000,
  'mutate-10k-per-s': mutate,
};

/**
 * Writes every pathological page as `<kind>.html` into a new temporary folder, with `head` added to each
 * page's <head>; `remove()` deletes the folder.
 */
export function writePathologicalPages(head = ''): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rtt-pathological-'));
  extraHead = head;
  for (const kind of PATHOLOGICAL_KINDS) writeFileSync(join(dir, `${kind}.html`), GENERATORS[kind]());
  extraHead = '';
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
