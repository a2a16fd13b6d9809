// Nothing leaves the browser. Both browsers send every request through the fixture server acting as their
// proxy, which logs it (HTTPS tunnels and WebSocket upgrades refused and logged too). The test uses the
// extension as a reader would — marked pages, cards by click, hover and keyboard, "not this claim", a reload,
// the popup and the options page — and then requires that every logged request is either a page the test
// opened or the browser's own service traffic (told apart by host, and never sent by an extension page).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ARTICLE_MARKS,
  BROWSERS,
  FIXTURES,
  REPO_ROOT,
  browserAvailable,
  clickInCard,
  eventually,
  marked,
  pointOnMark,
  readCard,
  sameList,
  startFixtureServer,
  type FixtureServer,
  type LoggedRequest,
  type Session,
} from './harness';

const ARTICLE = 'http://www.reuters.com/annotate-article.html?privacy';
const PERSIAN = 'http://www.reuters.com/annotate-persian.html?privacy';
const PLAIN = 'http://www.reuters.com/plain-article.html?privacy';
const OPENED = new Set([ARTICLE, PERSIAN, PLAIN]);

/** Hosts of the browsers' own services: updates, safe browsing, remote settings, captive-portal checks, push. */
const BROWSER_OWN = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com|mozaws\.net)$/;
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:/;

const hostOf = (r: LoggedRequest) => (r.method === 'CONNECT' ? r.url.replace(/:\d+$/, '') : new URL(r.url).hostname);

const sourceHosts = new Set(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'generated/dataset.json'), 'utf8')) as { sources: { url: string }[] }).sources.map(
    (s) => new URL(s.url).hostname,
  ),
);

describe.each(BROWSERS)('network privacy in $name', ({ name, path, launch }) => {
  const available = browserAvailable(path);
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    if (!available) return;
    server = await startFixtureServer(FIXTURES);
    session = await launch(server);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test.skipIf(!available)('marking pages, opening cards, the popup and the options page send no request at all', async () => {
    const article = await session.open(ARTICLE);
    expect(await eventually(() => marked(article), sameList(ARTICLE_MARKS))).toEqual(ARTICLE_MARKS);

    // A card by click, with its source links on screen.
    const point = await pointOnMark(article, 'pure lies');
    await article.click(point!.x, point!.y);
    const card = await eventually(() => readCard(session, article), (c) => c !== null);
    expect(card!.links.length).toBeGreaterThan(0);
    await article.press('Escape');
    // A card by resting the pointer, then by the keyboard command.
    const rest = await pointOnMark(article, 'opinions');
    await article.hover(rest!.x - 3, rest!.y);
    await article.hover(rest!.x, rest!.y);
    await eventually(() => readCard(session, article), (c) => c?.text.includes('opinions') ?? false);
    await article.press('Escape');
    await session.command(ARTICLE, 'open-card');
    await eventually(() => readCard(session, article), (c) => c !== null);
    // "Not this claim" writes to storage; a reload reads it back.
    expect(await clickInCard(session, article, '.rtt-action--not-this')).toBe(true);
    await eventually(() => marked(article), (m) => m.length === 2);
    await article.evaluate(() => location.reload(), null);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await eventually(() => marked(article), (m) => m.length === 2)).toHaveLength(2);

    const persian = await session.open(PERSIAN);
    expect(await eventually(() => marked(persian), (m) => m.length === 2)).toHaveLength(2);
    await session.open(PLAIN);
    expect(await eventually(() => session.hasReported(PLAIN), Boolean)).toBe(true);

    // The popup and the options page as they are; an option changed and saved.
    await session.openExtensionPage('popup.html');
    const options = await session.openExtensionPage('options.html');
    const before = await options.evaluate(() => document.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked ?? null, null);
    expect(before).not.toBeNull();
    await options.evaluate(() => document.querySelector<HTMLInputElement>('input[type=checkbox]')!.click(), null);
    expect(await eventually(() => options.evaluate(() => document.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked, null), (c) => c !== before)).toBe(!before);

    // Timers of ours (refresh every 2 s) get their chance to ask for something.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const requests = server.requests;
    const own = requests.filter((r) => BROWSER_OWN.test(hostOf(r)));
    const pages = requests.filter((r) => OPENED.has(r.url) || r.url.endsWith('/favicon.ico'));
    console.log(
      `${name}: ${requests.length} requests through the proxy: ${pages.length} to the opened pages, ${own.length} of the browser's own ` +
        `(${[...new Set(own.map(hostOf))].sort().join(', ') || 'none'}), ${requests.length - pages.length - own.length} else`,
    );
    // Every request is a page the test opened or the browser's own service traffic...
    expect(requests.filter((r) => !pages.includes(r) && !own.includes(r))).toEqual([]);
    // ...the opened pages were asked for only as navigations (not fetched by a script of ours)...
    for (const r of pages) expect(r.headers['sec-fetch-mode'] ?? 'navigate', r.url).toMatch(/^(navigate|no-cors)$/);
    // ...none was made by an extension page or the background, and none went to a dataset source or a WebSocket.
    expect(requests.filter((r) => EXTENSION_ORIGIN.test(r.headers.origin ?? '') || EXTENSION_ORIGIN.test(r.headers.referer ?? ''))).toEqual([]);
    expect(requests.filter((r) => sourceHosts.has(hostOf(r)))).toEqual([]);
    expect(requests.filter((r) => r.method === 'UPGRADE')).toEqual([]);
    // The proxy did see the pages: the log is not empty because the browser bypassed it.
    expect(requests.filter((r) => r.url === ARTICLE).length).toBeGreaterThanOrEqual(2);
  });
});
