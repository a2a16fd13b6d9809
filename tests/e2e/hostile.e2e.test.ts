// Hostile pages: the fixture's script (tests/e2e/fixtures/hostile.js) attacks the extension in the ways
// its query string names. The reader must still see the marks and a true card, nothing from the page may run
// in our UI, forged messages and events change nothing, and the page finds nothing of ours until a card opens.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  FIXTURES,
  browserAvailable,
  eventually,
  marked,
  readCard,
  sameList,
  startFixtureServer,
  type FixtureServer,
  type Session,
  type TestPage,
} from './harness';

const PAGE = 'http://www.reuters.com/hostile-article.html';
const PLAIN = 'http://www.reuters.com/hostile-plain.html?probe';
const PAYLOAD = '<img src=x onerror="window.__pwned=1">';

/** Viewport point on `text` in the page, found from the DOM (the page may have cleared our highlights). */
function pointOnText(page: TestPage, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    // Plain recursion and the Range constructor: the tampering page replaced createTreeWalker and createRange.
    const find = (node: Node): Text | null => {
      if (node.nodeType === 3) return node.textContent!.includes(wanted) ? (node as Text) : null;
      for (const child of node.childNodes) {
        const hit = find(child);
        if (hit) return hit;
      }
      return null;
    };
    const node = find(document.body);
    if (!node) return null;
    const at = node.textContent!.indexOf(wanted);
    node.parentElement!.scrollIntoView({ block: 'center' });
    const range = new Range();
    range.setStart(node, at);
    range.setEnd(node, at + Math.min(4, wanted.length));
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, text);
}

async function clickText(page: TestPage, text: string): Promise<void> {
  const point = await pointOnText(page, text);
  expect(point, `"${text}" on the page`).not.toBeNull();
  await page.click(point!.x, point!.y);
}

/** The card's box as the reader sees it (this = its shadow root), or null. */
const CARD_BOX = `function () {
  const s = getComputedStyle(this.host);
  const r = this.host.getBoundingClientRect();
  let el = this.host, shown = true;
  for (; el; el = el.parentElement) if (getComputedStyle(el).display === 'none') shown = false;
  return JSON.stringify({ shown, display: s.display, visibility: s.visibility, opacity: s.opacity, transform: s.transform,
    clipPath: s.clipPath, left: r.left, top: r.top, width: r.width, height: r.height, vw: innerWidth, vh: innerHeight,
    parent: this.host.parentNode === document.documentElement ? 'html' : String(this.host.parentNode && this.host.parentNode.nodeName) });
}`;
interface CardBox {
  shown: boolean;
  display: string;
  visibility: string;
  opacity: string;
  transform: string;
  clipPath: string;
  left: number;
  top: number;
  width: number;
  height: number;
  vw: number;
  vh: number;
  parent: string;
}

async function cardBox(session: Session, page: TestPage): Promise<CardBox | null> {
  const json = await session.inCard(page, CARD_BOX);
  return json === null ? null : (JSON.parse(json) as CardBox);
}

/** What a reader needs of the card: shown, opaque, untransformed, and on screen at a readable size. */
const readable = (b: CardBox | null) =>
  b !== null &&
  b.shown &&
  b.display !== 'none' &&
  b.visibility === 'visible' &&
  b.opacity === '1' &&
  b.transform === 'none' &&
  b.clipPath === 'none' &&
  b.width >= 200 &&
  b.height >= 100 &&
  b.left >= 0 &&
  b.top >= 0 &&
  b.left + b.width <= b.vw &&
  b.parent === 'html';

describe.each(BROWSERS)('hostile pages in $name', ({ path, launch }) => {
  const available = browserAvailable(path);
  let server: FixtureServer;
  let session: Session;
  /** The marks of the fixture when the page does not attack. */
  let expected: string[];

  beforeAll(async () => {
    if (!available) return;
    server = await startFixtureServer(FIXTURES);
    session = await launch(server);
    const control = await session.open(`${PAGE}?control`);
    expected = await eventually(() => marked(control), (m) => m.length === 3);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test.skipIf(!available)('the fixture is marked when it does not attack', () => {
    expect(expected).toHaveLength(3);
    expect(expected.join('\n')).toContain(PAYLOAD);
  });

  test.skipIf(!available)('a page that clears and forges CSS.highlights every 20 ms: cards still open, the marks come back when it stops', async () => {
    const url = `${PAGE}?highlights`;
    const page = await session.open(url);
    expect(await eventually(() => session.badgeText(url), (t) => t === '3')).toBe('3');
    // Hit-testing uses our own marks, not the page's registry.
    await clickText(page, 'pure lies');
    expect((await eventually(() => readCard(session, page), (c) => c !== null))?.text).toContain('pure lies');
    await page.press('Escape');
    await page.evaluate(() => (window as unknown as { __hostile: { stop(): void } }).__hostile.stop(), null);
    // Ours again, and only ours: the page's forged range over the weather report is gone.
    expect(await eventually(() => marked(page), sameList(expected), 8_000)).toEqual(expected);
  });

  test.skipIf(!available)('page-world tampering with DOM, highlight and timer APIs does not reach the content script', async () => {
    const url = `${PAGE}?tamper`;
    const page = await session.open(url);
    expect(await eventually(() => marked(page), sameList(expected))).toEqual(expected);
    expect(await eventually(() => session.badgeText(url), (t) => t === '3')).toBe('3');
    await clickText(page, 'heart failure');
    expect(await eventually(() => cardBox(session, page), readable)).toSatisfy(readable);
  });

  test.skipIf(!available)('HTML and script in the page text reach the card as text and never run', async () => {
    const page = await session.open(`${PAGE}?payload`);
    await eventually(() => marked(page), sameList(expected));
    await clickText(page, 'opinions');
    const card = await eventually(() => readCard(session, page), (c) => c !== null);
    expect(card?.text).toContain(PAYLOAD);
    const markup = await session.inCard(
      page,
      `function () { return [...this.querySelectorAll('*')].filter((e) => /^(img|script|iframe|object|embed|svg|math|form|base|meta|link)$/.test(e.localName) || [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.localName).join(','); }`,
    );
    expect(markup).toBe('');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null, null)).toBeNull();
  });

  test.skipIf(!available)('a page that defines our card tag as its own element cannot forge or break the card', async () => {
    const page = await session.open(`${PAGE}?define`);
    await eventually(() => marked(page), sameList(expected));
    await clickText(page, 'pure lies');
    const card = await eventually(() => readCard(session, page), (c) => c !== null);
    expect(card?.text).toContain('pure lies');
    expect(card?.text).not.toContain('FORGED');
    expect(await eventually(() => cardBox(session, page), readable)).toSatisfy(readable);
    // The page's element never got a shadow root of its own onto our host.
    expect(await page.evaluate(() => document.querySelector('right-to-truth-card')?.shadowRoot ?? null, null)).toBeNull();
  });

  test.skipIf(!available)('a page that hides, fades and moves our card host: the card shows, on screen', async () => {
    const page = await session.open(`${PAGE}?restyle&move`);
    await eventually(() => marked(page), sameList(expected));
    await clickText(page, 'pure lies');
    expect(await eventually(() => cardBox(session, page), readable)).toSatisfy(readable);
    await page.press('Escape');
    // Removed while closed: the next card comes back.
    await page.evaluate(() => document.querySelector('right-to-truth-card')?.remove(), null);
    await clickText(page, 'opinions');
    expect(await eventually(() => cardBox(session, page), readable)).toSatisfy(readable);
    expect((await readCard(session, page))?.text).toContain('opinions');
  });

  test.skipIf(!available)('forged messages, events and clicks from the page change nothing, and the content script lives on', async () => {
    const url = `${PAGE}?forged`;
    const page = await session.open(url);
    await eventually(() => marked(page), sameList(expected));
    expect(await eventually(() => session.badgeText(url), (t) => t === '3')).toBe('3');
    const thrown = await page.evaluate((id) => {
      const errors: string[] = [];
      // WXT's own signals, by their public names: "a newer content script started", "the address changed".
      const started = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.postMessage({ type: started, contentScriptName: 'content', messageId: 'forged' }, '*');
      window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
      // Our protocol's messages, by every way a page could try to deliver them.
      for (const message of [
        { type: 'run-command', command: 'open-card' },
        { type: 'marks-changed', claimIds: ['forged-claim', 'another'] },
      ]) {
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent('right-to-truth', { detail: message }));
        try {
          (globalThis as unknown as { chrome?: { runtime?: { sendMessage(id: string, m: unknown): void } } }).chrome?.runtime?.sendMessage(id, message);
        } catch (error) {
          errors.push(String(error));
        }
      }
      // Untrusted input events on a mark: a click and a key.
      const target = document.getElementById('tolls')!;
      const box = target.getBoundingClientRect();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + 5, clientY: box.top + 5 }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'O', altKey: true, shiftKey: true, bubbles: true }));
      return errors;
    }, session.runtimeId);
    expect(Array.isArray(thrown)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await readCard(session, page)).toBeNull();
    expect(await session.badgeText(url)).toBe('3');
    // Still alive: new text gets marked, the badge follows, a real click opens the card.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, an official told lawmakers that the detainees had died of meningitis.';
      document.querySelector('article')!.append(p);
    }, null);
    expect(await eventually(() => session.badgeText(url), (t) => t === '4')).toBe('4');
    await clickText(page, 'pure lies');
    expect(await eventually(() => readCard(session, page), (c) => c !== null)).not.toBeNull();
  });

  test.skipIf(!available)('a page probing for us finds nothing of ours until a card opens', async () => {
    // A page without claims: not one element, attribute, style sheet or highlight of ours.
    const plain = await session.open(PLAIN);
    expect(await eventually(() => session.hasReported(PLAIN), Boolean)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const clean = await plain.evaluate(
      () => ({
        log: (window as unknown as { __hostile?: { log: string[] } }).__hostile?.log ?? ['no probe'],
        highlights: CSS.highlights.size,
        adopted: document.adoptedStyleSheets.length,
        sheets: document.styleSheets.length - document.querySelectorAll('style, link[rel=stylesheet]').length,
        ours: document.querySelectorAll('[data-right-to-truth], right-to-truth-card, [id^="right-to-truth"]').length,
      }),
      null,
    );
    expect(clean).toEqual({ log: [], highlights: 0, adopted: 0, sheets: 0, ours: 0 });

    // A marked page: highlights (that is how marks are drawn), still no element or attribute, until a card opens.
    const page = await session.open(`${PAGE}?probe`);
    await eventually(() => marked(page), sameList(expected));
    const log = () => page.evaluate(() => (window as unknown as { __hostile: { log: string[] } }).__hostile.log, null);
    expect(await log()).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('[data-right-to-truth], right-to-truth-card').length, null)).toBe(0);
    await clickText(page, 'pure lies');
    await eventually(() => readCard(session, page), (c) => c !== null);
    const after = await log();
    expect(after.length).toBeGreaterThan(0);
    for (const entry of after) expect(entry).toMatch(/<right-to-truth-card>/);
  });
});
