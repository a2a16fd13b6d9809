import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { callInClosedShadowRoot } from './closed-shadow-root';
import { jsHeapUsedAfterGc, launchChromium, type ChromiumSession } from './chromium';
import { CHROMIUM_PATH, FIREFOX_PATH, GECKO_ID } from './builds';
import { launchFirefox, type FirefoxSession } from './firefox';
import type { FixtureServer } from './fixture-server';
import { eventually } from './poll';

/** What both browsers' pages offer the tests. */
export interface TestPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(x: number, y: number): Promise<void>;
  hover(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
}

export interface CardContent {
  text: string;
  links: { href: string; target: string; rel: string }[];
}

/** One browser with the built extension, the same for Chromium and Firefox. */
export interface Session {
  /** The extension's `runtime.id` (public: the store id in Chromium, the add-on id in Firefox). */
  runtimeId: string;
  open(url: string): Promise<TestPage>;
  /** Opens one of the extension's own pages (`popup.html`, `options.html`) in a tab, once it has rendered. */
  openExtensionPage(path: string): Promise<TestPage>;
  badgeText(url: string): Promise<string>;
  hasReported(url: string): Promise<boolean>;
  /** What the background does for a keyboard command from the manifest: sends it to the tab. */
  command(url: string, command: 'next-mark' | 'previous-mark' | 'open-card'): Promise<void>;
  /**
   * Calls `fn` (a function declaration, `this` = the card's shadow root) and returns its string result, or
   * null when there is no card. The card lives in a closed shadow root the page cannot reach.
   */
  inCard(page: TestPage, fn: string): Promise<string | null>;
  /** JavaScript heap in use by the page's renderer after a full GC, bytes (Chromium only; see jsHeapUsedAfterGc). */
  jsHeapUsed?(page: TestPage): Promise<number>;
  close(): Promise<void>;
}

type AnyPage = PlaywrightPage | PuppeteerPage;

function wrap(page: AnyPage): TestPage & { raw: AnyPage } {
  return {
    raw: page,
    evaluate: (fn, arg) => (page as PlaywrightPage).evaluate(fn as never, arg as never) as never,
    click: (x, y) => page.mouse.click(x, y),
    hover: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
  };
}

/** Waits until an extension page's script has rendered into its #app element. */
async function rendered(page: TestPage, url: string): Promise<TestPage> {
  const ready = await eventually(
    () => page.evaluate(() => location.href.startsWith(`${location.protocol}//`) && (document.getElementById('app')?.childElementCount ?? 0) > 0, null).catch(() => false),
    Boolean,
    15_000,
  );
  if (!ready) throw new Error(`${url} did not render`);
  return page;
}

export async function chromiumSession(server: FixtureServer): Promise<Session> {
  const s: ChromiumSession = await launchChromium(server.address);
  return {
    runtimeId: s.extensionId,
    open: async (url) => wrap(await s.open(url)),
    openExtensionPage: async (path) => {
      const url = `chrome-extension://${s.extensionId}/${path}`;
      return rendered(wrap(await s.open(url)), url);
    },
    badgeText: (url) => s.badgeText(url),
    hasReported: (url) => s.hasReported(url),
    command: (url, command) => s.sendToTab(url, { type: 'run-command', command }),
    async inCard(page, fn) {
      const raw = (page as ReturnType<typeof wrap>).raw as PlaywrightPage;
      return callInClosedShadowRoot(raw, 'right-to-truth-card', fn);
    },
    jsHeapUsed: (page) => jsHeapUsedAfterGc((page as ReturnType<typeof wrap>).raw as PlaywrightPage),
    close: () => s.close(),
  };
}

export async function firefoxSession(server: FixtureServer): Promise<Session> {
  const s: FirefoxSession = await launchFirefox(server.port);
  return {
    runtimeId: GECKO_ID,
    open: async (url) => wrap(await s.open(url)),
    openExtensionPage: async (path) => {
      // Extension pages never report "load" over BiDi: navigate without waiting, then poll until rendered.
      const url = `moz-extension://${s.extensionUuid}/${path}`;
      const page = await s.browser.newPage();
      void page.goto(url).catch(() => undefined);
      return rendered(wrap(page), url);
    },
    badgeText: (url) => s.badgeText(url),
    hasReported: (url) => s.hasReported(url),
    command: (url, command) => s.sendToTab(url, { type: 'run-command', command }),
    async inCard(page, fn) {
      // A closed shadow root is out of the page's reach, but WebDriver BiDi may serialise it
      // (includeShadowTree: 'all') and call a function on it: raw BiDi, as puppeteer has no API for this.
      const raw = (page as ReturnType<typeof wrap>).raw as PuppeteerPage;
      const context = (raw.mainFrame() as unknown as { _id: string })._id;
      const connection = (s.browser as unknown as { connection: BidiConnection }).connection;
      const host = await connection.send('script.callFunction', {
        functionDeclaration: "() => document.querySelector('right-to-truth-card')",
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      const shadowId = host.result.result?.value?.shadowRoot?.sharedId;
      if (!shadowId) return null;
      const read = await connection.send('script.callFunction', {
        functionDeclaration: fn,
        this: { sharedId: shadowId },
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
      });
      const value = read.result.result?.value;
      return typeof value === 'string' ? value : null;
    },
    close: () => s.close(),
  };
}

interface BidiConnection {
  send(
    method: 'script.callFunction',
    params: Record<string, unknown>,
  ): Promise<{ result: { result?: { value?: { shadowRoot?: { sharedId?: string } } & string } } }>;
}

/** Both browsers, for `describe.each`. */
export const BROWSERS: { name: string; path: string; launch: (server: FixtureServer) => Promise<Session> }[] = [
  { name: 'Chromium', path: CHROMIUM_PATH, launch: chromiumSession },
  { name: 'Firefox', path: FIREFOX_PATH, launch: firefoxSession },
];

/** The open card's text and links, or null when it is hidden. */
export async function readCard(session: Session, page: TestPage): Promise<CardContent | null> {
  const json = await session.inCard(page, READ_CARD);
  return json === null ? null : (JSON.parse(json) as CardContent | null);
}

/** Clicks a button of the open card (an untrusted click: the card's own buttons do not ask). */
export async function clickInCard(session: Session, page: TestPage, selector: string): Promise<boolean> {
  const fn = `function () { const b = this.querySelector(${JSON.stringify(selector)}); if (!b) return 'false'; b.click(); return 'true'; }`;
  return (await session.inCard(page, fn)) === 'true';
}

/** Runs with `this` = the card's shadow root; returns JSON (null when the card is hidden). */
const READ_CARD = `function () {
  if (getComputedStyle(this.host).display === 'none') return 'null';
  return JSON.stringify({
    text: this.textContent,
    links: [...this.querySelectorAll('a[href]')].map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
  });
}`;

export const CLAIM = 'right-to-truth-claim';
export const CURRENT = 'right-to-truth-current';

/** The text of each range of one of our highlights, in document order, read from the page's CSS.highlights. */
export function marked(page: TestPage, name = CLAIM): Promise<string[]> {
  return page.evaluate((highlight) => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(highlight);
    if (!h) return [];
    const ranges = [...h].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString().replace(/\s+/g, ' '));
  }, name);
}

/** Viewport point in the middle of the first line box of the mark whose text contains `text`. */
export function pointOnMark(page: TestPage, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('right-to-truth-claim');
    const range = [...(h ?? [])].find((r) => r.toString().includes(wanted));
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rects = [...range.getClientRects()].filter((r) => r.width > 4);
    const last = rects[rects.length - 1]!;
    return { x: last.left + Math.min(last.width / 2, 20), y: last.top + last.height / 2 };
  }, text);
}

export const sameList = (expected: string[]) => (actual: string[]) => JSON.stringify(actual) === JSON.stringify(expected);

/** The marks of tests/e2e/fixtures/annotate-article.html, in document order. */
export const ARTICLE_MARKS = [
  'we do not jail people for their opinions',
  'figures declared by enemy groups are pure lies',
  'suffered sudden heart failure',
];
