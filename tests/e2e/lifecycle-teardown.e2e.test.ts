// The extension is reloaded (as an update does) while a marked page is open: the old content script must take
// everything of ours out of the page — highlights, their stylesheet, the card — instead of leaving marks that no
// live extension can explain. Chromium only: Firefox runs nothing of a removed add-on's content script again
// (not its timers, not a port's onDisconnect), so there the marks and an open card stay until the page
// reloads — known, and not yet solved (issue 11).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ARTICLE_MARKS,
  CHROMIUM_PATH,
  FIXTURES,
  browserAvailable,
  eventually,
  launchChromium,
  marked,
  pointOnMark,
  sameList,
  startFixtureServer,
  type FixtureServer,
  type TestPage,
} from './harness';

const ARTICLE = 'http://www.reuters.com/annotate-article.html?teardown';

/** Anything of ours left in the page. */
function leftovers(page: TestPage) {
  return page.evaluate(
    () => ({
      highlights: ['right-to-truth-claim', 'right-to-truth-current'].filter((n) => CSS.highlights.has(n)),
      sheets: document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('right-to-truth'))).length,
      elements: document.querySelectorAll('right-to-truth-card, [data-right-to-truth], #right-to-truth-highlight-style').length,
    }),
    null,
  );
}
const clean = (l: { highlights: string[]; sheets: number; elements: number }) => l.highlights.length === 0 && l.sheets === 0 && l.elements === 0;

interface Lifecycle {
  open(url: string): Promise<TestPage>;
  /** Reloads the extension (runtime.reload(), as an update does). */
  retire(): Promise<void>;
  close(): Promise<void>;
}

const browsers: { name: string; path: string; launch: (server: FixtureServer) => Promise<Lifecycle> }[] = [
  {
    name: 'Chromium (extension reloaded)',
    path: CHROMIUM_PATH,
    async launch(server) {
      const s = await launchChromium(server.address);
      return {
        open: async (url) => {
          const page: Page = await s.open(url);
          return { evaluate: (fn, arg) => page.evaluate(fn as never, arg as never), click: (x, y) => page.mouse.click(x, y), hover: (x, y) => page.mouse.move(x, y), press: (k) => page.keyboard.press(k) };
        },
        retire: () => s.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined),
        close: () => s.close(),
      };
    },
  },
];

describe.each(browsers)('teardown in $name', ({ path, launch }) => {
  const available = browserAvailable(path);
  let server: FixtureServer;
  let session: Lifecycle;

  beforeAll(async () => {
    if (!available) return;
    server = await startFixtureServer(FIXTURES);
    session = await launch(server);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test.skipIf(!available)('a marked page with its card open is left as it was before the extension', async () => {
    const page = await session.open(ARTICLE);
    expect(await eventually(() => marked(page), sameList(ARTICLE_MARKS))).toEqual(ARTICLE_MARKS);
    const point = await pointOnMark(page, 'pure lies');
    await page.click(point!.x, point!.y);
    expect(await eventually(() => leftovers(page), (l) => l.elements > 0)).toMatchObject({ elements: 1 });
    await session.retire();
    // The old content script notices on its next timer tick (every 2 s) and tears down.
    expect(await eventually(() => leftovers(page), clean, 8_000)).toEqual({ highlights: [], sheets: 0, elements: 0 });
    // The page itself is untouched and still works.
    expect(await page.evaluate(() => document.getElementById('tolls')!.textContent, null)).toContain('pure lies');
  });
});
