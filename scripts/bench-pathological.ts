// npm run bench (pathological part; tsx scripts/bench-pathological.ts)
// Figures, not a test. The pathological pages of tests/e2e/harness/pathological-pages.ts (5 MB in one
// paragraph, 100,000 text nodes in one block, 5,000-deep nesting, 10,000 mutations a second for 5 s), in
// headless Chromium:
//   - in the page: the real PageAnnotator and engine with a scheduler that times each of our tasks
//     (scripts/bench-browser/page-bench.ts): our longest task, and the Long Tasks API entries overlapping ours;
//   - the built extension (when .output/chrome-mv3 exists): every long task after the load event that is not
//     the page's own scripted work, when the marks were done, and the renderer's JavaScript heap after a full
//     GC, against the same page in a Chromium without the extension (the difference is the content script's).
// Prints a table and merges the figures into bench-results.json under the "pathological" key.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startFixtureServer } from '../tests/e2e/harness/fixture-server';
import { jsHeapUsedAfterGc, launchChromium } from '../tests/e2e/harness/chromium';
import {
  PATHOLOGICAL_KINDS,
  PATHOLOGICAL_MARKS,
  writePathologicalPages,
  type PathoWindow,
} from '../tests/e2e/harness/pathological-pages';
import type { PageBench } from './bench-browser/page-bench';
import { writeBenchResults } from './lib/bench-results';
import { buildPageBench } from './bench-browser/build-page-bench';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ANNOTATE_RUNS = 3;
/** The marks are done when they have not changed for this long (and the page's own work is over). */
const QUIET_MS = 1_500;
const AIMS = { longestTaskOfOursMs: 50 };
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 1048576, 1);

/** Waits until the page's own work is over and our highlight has not changed for QUIET_MS; then reads the long tasks. */
function watch(page: Page, withMarks: boolean) {
  return page.evaluate(
    async ([quiet, expectMarks]) => {
      const w = window as unknown as PathoWindow;
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const from = nav?.loadEventEnd ?? 0;
      let size = -1;
      let changedAt = performance.now();
      const t0 = performance.now();
      for (;;) {
        const now = registry.get('right-to-truth-claim')?.size ?? 0;
        if (now !== size) {
          size = now;
          changedAt = performance.now();
        }
        const done = w.__patho.doneAt !== null && (!expectMarks || size >= expectMarks) && performance.now() - changedAt >= quiet;
        if (done || performance.now() - t0 > 90_000) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const spans = w.__patho.ownSpans;
      const notPages = w.__patho.longTasks.filter(
        (t) => t.start >= from && !spans.some(([a, b]) => t.start <= b && t.start + t.duration >= a),
      );
      return {
        marks: size,
        marksDoneAfterLoadMs: Math.round(changedAt - from),
        longTasksAfterLoad: notPages.length,
        longestAfterLoadMs: notPages.length ? Math.max(...notPages.map((t) => t.duration)) : 0,
        durationsMs: notPages.map((t) => Math.round(t.duration)),
        pageOwnTasks: spans.length,
      };
    },
    [QUIET_MS, withMarks ? PATHOLOGICAL_MARKS.length : 0] as const,
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'generated/match-index.json'))) {
    throw new Error('generated/match-index.json is missing: run `npm run generate` first.');
  }
  const loadBefore = loadavg().map((x) => round(x, 2));
  const pages = writePathologicalPages('<script src="/page-bench.js"></script>');
  await buildPageBench(REPO_ROOT, join(pages.dir, 'page-bench.js'));
  const server = await startFixtureServer(pages.dir);
  const results: Record<string, Record<string, unknown>> = {};
  let version = '';
  try {
    // 1. In the page: our tasks, timed one by one.
    const plain = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', `--proxy-server=http://${server.address}`],
    });
    version = plain.version();
    try {
      for (const kind of PATHOLOGICAL_KINDS) {
        console.error(`bench-pathological: ${kind}, in the page…`);
        const page = await plain.newPage();
        await page.goto(`http://pathological.bench.test/${kind}.html`, { waitUntil: 'load', timeout: 120_000 });
        const m = await page.evaluate(([n]) => (window as unknown as { __rttBench: PageBench }).__rttBench.main(1, n), [ANNOTATE_RUNS] as const);
        results[kind] = {
          textChars: m.textChars,
          textNodes: m.textNodes,
          inPage: {
            marks: m.annotate.map((a) => a.marks),
            workMs: m.annotate.map((a) => a.workMs),
            wallMs: m.annotate.map((a) => a.wallMs),
            tasks: m.annotate.map((a) => a.tasks),
            longestTaskOfOursMs: m.longestTaskMs,
            topTasksOfOursMs: m.annotate.map((a) => a.topTasksMs),
            longTasksApiOverlappingOurs: m.longTasksOverlappingOurs,
            longTasksApiLongestOverlappingOursMs: m.longTasksLongestOverlappingOursMs,
            /** The same steps in one synchronous pass (where the time goes). */
            phasesOnePass: m.phases,
          },
        };
        await page.close();
      }
      // Baseline heap: the same pages in the same Chromium, without the extension.
      for (const kind of PATHOLOGICAL_KINDS) {
        const page = await plain.newPage();
        await page.goto(`http://www.reuters.com/${kind}.html?baseline`, { waitUntil: 'load', timeout: 120_000 });
        await watch(page, false);
        results[kind]!.baselineHeapMb = mb(await jsHeapUsedAfterGc(page));
        await page.close();
      }
    } finally {
      await plain.close();
    }

    // 2. The built extension.
    if (existsSync(join(REPO_ROOT, '.output/chrome-mv3/manifest.json'))) {
      const session = await launchChromium(server.address);
      try {
        for (const kind of PATHOLOGICAL_KINDS) {
          console.error(`bench-pathological: ${kind}, the built extension…`);
          const page = await session.open(`http://www.reuters.com/${kind}.html`);
          const w = await watch(page, true);
          const heap = mb(await jsHeapUsedAfterGc(page));
          results[kind]!.extension = { ...w, heapMb: heap, heapOverBaselineMb: round(heap - (results[kind]!.baselineHeapMb as number)) };
          await page.close();
        }
      } finally {
        await session.close();
      }
    } else {
      for (const kind of PATHOLOGICAL_KINDS) results[kind]!.extension = 'skipped: no build in .output/chrome-mv3 (npm run build)';
    }
  } finally {
    await server.close();
    pages.remove();
  }

  const loadAfter = loadavg().map((x) => round(x, 2));
  console.log(
    `\npathological pages — Chromium ${version}, headless; ${cpus().length} CPUs, load average ${loadBefore[0]} before, ${loadAfter[0]} after\n`,
  );
  const rows = [['page', 'text chars', 'text nodes', 'our longest task ms', 'work ms', 'ext: long tasks after load (max ms)', 'ext: marks done ms', 'ext: heap MB (over baseline)']];
  for (const kind of PATHOLOGICAL_KINDS) {
    const r = results[kind]!;
    const inPage = r.inPage as { longestTaskOfOursMs: number; workMs: number[] };
    const ext = r.extension as { longTasksAfterLoad: number; longestAfterLoadMs: number; marksDoneAfterLoadMs: number; heapMb: number; heapOverBaselineMb: number } | string;
    rows.push([
      kind,
      String(r.textChars),
      String(r.textNodes),
      String(inPage.longestTaskOfOursMs),
      inPage.workMs.join(' / '),
      typeof ext === 'string' ? 'n/a' : `${ext.longTasksAfterLoad} (${round(ext.longestAfterLoadMs)})`,
      typeof ext === 'string' ? 'n/a' : String(ext.marksDoneAfterLoadMs),
      typeof ext === 'string' ? 'n/a' : `${ext.heapMb} (+${ext.heapOverBaselineMb})`,
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  console.log(
    `\nour longest task = the annotator's longest single task, timed in the page (aim: under ${AIMS.longestTaskOfOursMs} ms);` +
      '\next = the built extension on the page under a news host: long tasks (Long Tasks API) after the load event that do' +
      '\nnot overlap the page\'s own scripted work (ours, or the browser\'s own rendering and GC); heap = the renderer\'s JS' +
      '\nheap after a full GC, against the same page without the extension.',
  );
  writeBenchResults(REPO_ROOT, 'pathological', {
    date: new Date().toISOString(),
    chromium: version,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
    annotateRuns: ANNOTATE_RUNS,
    aims: AIMS,
    results,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
