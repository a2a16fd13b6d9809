// npm run bench (browser part; tsx scripts/bench-browser.ts)
// Figures, not a test. In headless Chromium, on generated news-like pages of 1 MB and 5 MB (seeded PRNG, so
// every run sees the same pages: paragraphs of filler news sentences, some of them claim sentences taken
// from data/claims/*.json examples.match, some split across inline tags), measures in the same run:
//   - a bare TreeWalker pass over the page text (the physical floor),
//   - the extension's full annotate (PageAnnotator: extract, normalise, match, ranges, CSS highlights;
//     the sum of its tasks, and start → idle wall time) and the ratio to the bare walk,
//   - the longest task of ours (timed in the page) and the Long Tasks API's view of the same window,
//   - mark.js highlighting the same phrasings (on a subset of paragraphs, extrapolated by text length),
//   - on the 1 MB page, the cost of annotating 100 appended paragraphs, per character against the full page.
// Prints a table and merges the figures into bench-results.json under the "browser" key.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startFixtureServer } from '../tests/e2e/harness/fixture-server';
import type { AnnotateRun, AppendResult, ExtensionResult, MarkJsResult, PageBench } from './bench-browser/page-bench';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { mulberry32, pick, type Rand } from './lib/seeded-random';
import { writeBenchResults } from './lib/bench-results';
import { buildPageBench } from './bench-browser/build-page-bench';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEED = 20260123;
const SIZES = [1_000_000, 5_000_000];
const APPENDED_PARAGRAPHS = 100;
const WALK_RUNS = 11;
const ANNOTATE_RUNS = 5;
/** mark.js is timed on a subset sized to take about this long, then extrapolated. */
const MARKJS_BUDGET_MS = 4_000;
const MARKJS_OPTIONS = { separateWordSearch: false, accuracy: 'partially', diacritics: false, acrossElements: true, caseSensitive: false };
const AIMS = { annotateVsWalk: 6, longestTaskMs: 50, appendedCostPerCharVsFullPage: 1 };

// ---------- deterministic page generation ----------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const SUBJECTS = ['The minister', 'Local officials', 'The central bank', 'A government spokesperson', 'Analysts',
  'The city council', 'Traffic police', 'The company', 'Residents', 'The opposition', 'Farmers', 'The health ministry',
  'Diplomats', 'Teachers', 'The port authority', 'Economists', 'The weather service', 'Union leaders'];
const VERBS = ['announced', 'reported', 'warned about', 'confirmed', 'discussed', 'criticised', 'welcomed', 'reviewed',
  'postponed', 'approved', 'questioned', 'described', 'estimated', 'published'];
const OBJECTS = ['a new budget', 'the trade figures', 'plans for a railway', 'rising fuel prices', 'the election timetable',
  'a drought in the south', 'the cost of housing', 'delays at the port', 'a vaccination campaign', 'the exchange rate',
  'talks with neighbours', 'a report on air quality', 'the wheat harvest', 'a strike by nurses', 'new bus routes'];
const TAILS = ['on Tuesday', 'after a long meeting', 'in a statement', 'according to state media', 'despite criticism',
  'for the third time this year', 'in the capital', 'ahead of the winter', 'at a press conference', 'late on Sunday'];

/** English claim sentences from the dataset's examples.match. */
function claimSentences(): string[] {
  const dir = join(REPO_ROOT, 'data/claims');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const claim = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { examples?: { match?: string[] } };
    for (const s of claim.examples?.match ?? []) if (!/[\u0600-\u06ff]/.test(s)) out.push(s);
  }
  return out;
}

/** One sentence: filler, sometimes with an inline link or bold word; with probability `claimRate` a claim sentence. */
function sentence(r: Rand, claims: string[], claimRate: number, planted: { n: number }): string {
  if (r() < claimRate) {
    planted.n++;
    const s = esc(pick(r, claims));
    if (r() < 0.3) {
      // Split across an inline tag, as a news site's links do.
      const words = s.split(' ');
      const at = 1 + Math.floor(r() * Math.max(1, words.length - 2));
      return `${words.slice(0, at).join(' ')} <a href="/topic/${at}">${words.slice(at, at + 2).join(' ')}</a> ${words.slice(at + 2).join(' ')}`;
    }
    return s;
  }
  const obj = pick(r, OBJECTS);
  const x = r();
  const objHtml = x < 0.15 ? `<a href="/news/${Math.floor(r() * 1e6)}">${obj}</a>` : x < 0.22 ? `<b>${obj}</b>` : obj;
  return `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${objHtml} ${pick(r, TAILS)}.`;
}

function paragraph(r: Rand, claims: string[], planted: { n: number }): string {
  const n = 2 + Math.floor(r() * 5);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(sentence(r, claims, 0.02, planted));
  return `<p>${parts.join(' ')}</p>\n`;
}

interface GeneratedPage {
  html: string;
  bytes: number;
  paragraphs: number;
  plantedClaimSentences: number;
}

function generatePage(targetBytes: number, seed: number, claims: string[]): GeneratedPage {
  const r = mulberry32(seed);
  const planted = { n: 0 };
  const nav = SUBJECTS.map((s, i) => `<li><a href="/section/${i}">${s}</a></li>`).join('');
  const head =
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Generated news page</title>' +
    '<style>body{font:16px/1.5 serif;max-width:40em;margin:auto}nav li{display:inline;margin-right:1em}</style></head>\n' +
    `<body><header><nav><ul>${nav}</ul></nav></header>\n<main><article><h1>News of the day</h1>\n`;
  const tail =
    '</article><aside><h2>Most read</h2><ul><li><a href="/a">Prices rise again</a></li><li><a href="/b">Rain expected</a></li></ul></aside></main>\n' +
    '<footer><p>© Generated News. All rights reserved.</p></footer>\n' +
    '<script type="application/json" id="data">{"page":"generated"}</script>\n' +
    '<script src="/mark.min.js"></script><script src="/page-bench.js"></script>\n</body></html>\n';
  const parts: string[] = [head];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  let paragraphs = 0;
  let i = 0;
  while (bytes < targetBytes) {
    const p = i > 0 && i % 12 === 0 ? `<h2>${pick(r, OBJECTS)}</h2>\n` + paragraph(r, claims, planted) : paragraph(r, claims, planted);
    parts.push(p);
    bytes += Buffer.byteLength(p);
    paragraphs++;
    i++;
  }
  parts.push(tail);
  return { html: parts.join(''), bytes, paragraphs, plantedClaimSentences: planted.n };
}

// ---------- running ----------

interface BenchWindow {
  __rttBench: PageBench;
}

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => '__rttBench' in window, undefined, { timeout: 60_000 });
  return page;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'generated/match-index.json'))) {
    throw new Error('generated/match-index.json is missing: run `npm run generate` first.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'rtt-bench-browser-'));
  await buildPageBench(REPO_ROOT, join(dir, 'page-bench.js'));
  copyFileSync(join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js'), join(dir, 'mark.min.js'));

  const loadBefore = loadavg().map((x) => round(x));
  const claims = claimSentences();
  const pages = SIZES.map((size, i) => {
    const page = generatePage(size, SEED + i, claims);
    writeFileSync(join(dir, `page-${size / 1e6}mb.html`), page.html);
    return { size, ...page };
  });
  // 100 more paragraphs for the 1 MB page, from their own seed.
  const rAppend = mulberry32(SEED + 99);
  const appendPlanted = { n: 0 };
  const appended = Array.from({ length: APPENDED_PARAGRAPHS }, () => paragraph(rAppend, claims, appendPlanted));

  const server = await startFixtureServer(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const version = browser.version();
  const results: Record<string, unknown>[] = [];
  const appendResults: Record<string, AppendResult> = {};
  try {
    for (const p of pages) {
      const url = `http://127.0.0.1:${server.port}/page-${p.size / 1e6}mb.html`;
      console.error(`bench-browser: ${p.size / 1e6} MB page…`);
      let page = await open(browser, url);
      const m = await page.evaluate(([w, a]) => (window as unknown as BenchWindow).__rttBench.main(w, a), [WALK_RUNS, ANNOTATE_RUNS] as const);
      await page.close();

      // mark.js: calibrate on 10 paragraphs, then time a subset sized to the budget, each on a fresh page.
      page = await open(browser, url);
      const calib = await page.evaluate(([o]) => (window as unknown as BenchWindow).__rttBench.markjs(10, o), [MARKJS_OPTIONS] as const);
      await page.close();
      const n = Math.max(10, Math.min(p.paragraphs, Math.floor((10 * MARKJS_BUDGET_MS) / Math.max(calib.ms, 1))));
      page = await open(browser, url);
      const mk = await page.evaluate(([k, o]) => (window as unknown as BenchWindow).__rttBench.markjs(k, o), [n, MARKJS_OPTIONS] as const);
      await page.close();

      if (p.size === 1_000_000) {
        for (const [name, separator] of [['htmlWithNewlines', '\n'], ['elementsOnly', '']] as const) {
          page = await open(browser, url);
          appendResults[name] = await page.evaluate(
            ([ps, sep]) => (window as unknown as BenchWindow).__rttBench.append([...ps], sep),
            [appended, separator] as const,
          );
          await page.close();
        }
      }

      results.push({
        page: `${p.size / 1e6} MB`,
        htmlBytes: p.bytes,
        paragraphs: p.paragraphs,
        plantedClaimSentences: p.plantedClaimSentences,
        textChars: m.textChars,
        textNodes: m.textNodes,
        walkMs: m.walkMs,
        walkMedianMs: m.walkMedianMs,
        annotate: m.annotate,
        annotateMedianWorkMs: m.annotateMedianWorkMs,
        annotateMedianWallMs: m.annotateMedianWallMs,
        annotateVsWalk: round(m.annotateMedianWorkMs / m.walkMedianMs, 1),
        annotateWallVsWalk: round(m.annotateMedianWallMs / m.walkMedianMs, 1),
        longestTaskOfOursMs: m.longestTaskMs,
        longTasksApi: {
          longestMs: m.longTasksLongestMs,
          count: m.longTasksCount,
          overlappingOurTasks: m.longTasksOverlappingOurs,
          longestOverlappingOursMs: m.longTasksLongestOverlappingOursMs,
        },
        phasesOnePass: m.phases,
        markjs: mk,
        markjsVsAnnotate: round(mk.extrapolatedMs / m.annotateMedianWorkMs, 1),
      });
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // The real extension (optional: needs `npm run build`): the same pages under a news host, watched from the page.
  const extension: Record<string, ExtensionResult> = {};
  let extensionNote = '';
  if (!existsSync(join(REPO_ROOT, '.output/chrome-mv3/manifest.json'))) {
    extensionNote = 'skipped: no build in .output/chrome-mv3 (npm run build)';
  } else {
    const dir2 = mkdtempSync(join(tmpdir(), 'rtt-bench-browser-ext-'));
    for (const p of pages) writeFileSync(join(dir2, `page-${p.size / 1e6}mb.html`), p.html);
    await buildPageBench(REPO_ROOT, join(dir2, 'page-bench.js'));
    const proxy = await startFixtureServer(dir2);
    const session = await launchChromium(proxy.address);
    try {
      for (const p of pages) {
        const label = `${p.size / 1e6} MB`;
        console.error(`bench-browser: real extension, ${label} page…`);
        const expected = ((results.find((r) => r.page === label)!.annotate as AnnotateRun[])[0]!).marks;
        const page = await session.open(`http://www.reuters.com/page-${p.size / 1e6}mb.html`);
        await page.waitForFunction(() => '__rttBench' in window, undefined, { timeout: 60_000 });
        extension[label] = await page.evaluate(
          ([n]) => (window as unknown as BenchWindow).__rttBench.watchExtension(n, 1_500, 60_000),
          [expected] as const,
        );
        await page.close();
      }
    } catch (error) {
      extensionNote = `failed: ${String(error).split('\n')[0]}`;
    } finally {
      await session.close();
      await proxy.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  }

  const full = results[0]!;
  const fullPerChar = (full.annotateMedianWorkMs as number) / (full.textChars as number);
  const appendedSummary: Record<string, unknown> = { onPageOf: full.page };
  for (const [name, r] of Object.entries(appendResults)) {
    appendedSummary[name] = {
      ...r,
      expectedMsInProportion: round(fullPerChar * r.appendedChars, 3),
      costPerCharVsFullPage: round(r.workMs / r.appendedChars / fullPerChar, 2),
    };
  }

  // ---------- table ----------
  const rows: string[][] = [
    ['page', 'text chars', 'walk ms', 'annotate ms (work)', 'vs walk', 'wall ms', 'longest task ms', 'long tasks (API)', 'marks', 'mark.js ms', 'mark.js vs ours'],
  ];
  for (const r of results) {
    const mk = r.markjs as MarkJsResult;
    const lt = r.longTasksApi as { longestMs: number | null; count: number | null; overlappingOurTasks: number | null };
    rows.push([
      r.page as string,
      String(r.textChars),
      String(r.walkMedianMs),
      String(r.annotateMedianWorkMs),
      `${r.annotateVsWalk}×`,
      String(r.annotateMedianWallMs),
      String(r.longestTaskOfOursMs),
      lt.count === null ? 'n/a' : `${lt.count} (max ${lt.longestMs} ms, ${lt.overlappingOurTasks} in ours)`,
      String((r.annotate as AnnotateRun[])[0]!.marks),
      `${mk.sampled ? '~' : ''}${mk.extrapolatedMs}`,
      `${r.markjsVsAnnotate}×`,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const fmt = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const loadAfter = loadavg().map((x) => round(x));
  console.log(
    `\nbrowser benchmark — Chromium ${version}, headless; medians of ${ANNOTATE_RUNS} annotates and ${WALK_RUNS} walks; ` +
      `${cpus().length} CPUs, load average ${loadBefore[0]} before, ${loadAfter[0]} after (task durations include any time the OS took the CPU away)\n`,
  );
  console.log(fmt(rows[0]!));
  for (const row of rows.slice(1)) console.log(fmt(row));
  for (const r of results) {
    const mk = r.markjs as MarkJsResult;
    const ph = r.phasesOnePass as Record<string, number>;
    console.log(
      `\n${r.page}: engine (matchBlocks) inside the annotator per run: ${(r.annotate as AnnotateRun[]).map((a) => `${a.engine.ms} ms in ${a.engine.calls} calls, longest ${a.engine.longestCallMs}`).join(' | ')}` +
        `\n${r.page}: our longest tasks per annotate run (ms): ${(r.annotate as AnnotateRun[]).map((a) => a.topTasksMs.join(', ')).join(' | ')}` +
        `\n${r.page}: long tasks (API) per run (ms): ${(r.annotate as AnnotateRun[]).map((a) => (a.longTasks?.durationsMs ?? []).join(', ') || '-').join(' | ')}` +
        `\n${r.page}: one synchronous pass for comparison — extract ${ph.extractMs} ms, normalise+match ${ph.matchMs} ms, ranges ${ph.rangesMs} ms, highlight ${ph.highlightMs} ms (${ph.blocks} blocks, ${ph.matches} matches)` +
        `\n${r.page}: mark.js ${mk.phrasings} phrasings on ${mk.paragraphs}/${mk.ofParagraphs} paragraphs (${mk.subsetChars} chars) in ${mk.ms} ms, ${mk.hits} <mark>s` +
        `${mk.sampled ? `; extrapolated to ${mk.totalChars} chars: ${mk.extrapolatedMs} ms` : ''}`,
    );
  }
  for (const [name, label] of [['htmlWithNewlines', 'as parsed HTML, newlines between'], ['elementsOnly', 'as elements only']] as const) {
    const r = appendedSummary[name] as AppendResult & { expectedMsInProportion: number; costPerCharVsFullPage: number };
    console.log(
      `\nappended ${label}: ${r.paragraphs} paragraphs (${r.appendedChars} chars) on the ${full.page} page — work ${r.workMs} ms in ${r.tasks} tasks ` +
        `(longest ${r.longestTaskMs} ms), wall ${r.wallMs} ms, marks ${r.marksBefore} → ${r.marksAfter}; in proportion to the full page's ` +
        `cost per character it would be ${r.expectedMsInProportion} ms: ${r.costPerCharVsFullPage}×; ` +
        `engine ${r.engine.ms} ms in ${r.engine.calls} calls over ${r.engine.chars} chars` +
        `${r.longTasks ? `; long tasks (API) ${r.longTasks.count}${r.longTasks.count ? ` (max ${r.longTasks.longestMs} ms)` : ''}` : ''}`,
    );
  }
  if (extensionNote) console.log(`\nreal extension: ${extensionNote}`);
  for (const [label, e] of Object.entries(extension)) {
    console.log(
      `\nreal extension (built, content script on www.reuters.com via the fixture proxy), ${label}: ${e.marks} marks, last mark ${e.marksDoneAfterLoadMs} ms after the load event` +
        `${e.timedOut ? ' (timed out before the expected count)' : ''}; long tasks since load (any, the page runs only the bench script): ${e.longTasksSinceLoad}` +
        `${e.longTasksSinceLoad ? ` (ms: ${e.durationsMs.join(', ')})` : ''}`,
    );
  }
  console.log(
    '\nwalk = bare TreeWalker over every text node of the body; annotate (work) = sum of the PageAnnotator\'s tasks' +
      '\n(extract, normalise, match, ranges, visibility check, CSS highlights) from start() to idle; wall = the same' +
      '\nstart → idle, including the page\'s turns between our slices; longest task = our longest single task,' +
      '\ntimed in the page; long tasks (API) = PerformanceObserver "longtask" entries (> 50 ms) in the same window;' +
      `\nmark.js options ${JSON.stringify(MARKJS_OPTIONS)}, "~" = timed on a subset and extrapolated by text length.` +
      `\naims: annotate ≤ ${AIMS.annotateVsWalk}× walk, no task of ours over ${AIMS.longestTaskMs} ms, appended content in proportion to its size.`,
  );

  writeBenchResults(REPO_ROOT, 'browser', {
    date: new Date().toISOString(),
    chromium: version,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
    seed: SEED,
    runs: { walk: WALK_RUNS, annotate: ANNOTATE_RUNS },
    aims: AIMS,
    markjsOptions: MARKJS_OPTIONS,
    results,
    appended: appendedSummary,
    extension: extensionNote ? { note: extensionNote, ...extension } : extension,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
