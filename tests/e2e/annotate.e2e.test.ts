import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ARTICLE_MARKS,
  BROWSERS,
  CURRENT,
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
  type Session,
} from './harness';

// Hosts on the site list and not HSTS-preloaded, so plain http reaches the fixture server.
const ARTICLE = 'http://www.reuters.com/annotate-article.html';
const PERSIAN = 'http://www.reuters.com/annotate-persian.html';
const NO_CLAIMS = 'http://www.reuters.com/plain-article.html';
// Each test opens its own address: the harness finds a tab by its URL.
const DYNAMIC = `${ARTICLE}?appended`;
const RERENDER = `${ARTICLE}?rerender`;
const CLICK = `${ARTICLE}?click`;
const KEYS = `${ARTICLE}?keys`;
const CLEARED = `${ARTICLE}?cleared`;
const DISMISS = `${ARTICLE}?dismiss`;
const HOVER = `${ARTICLE}?hover`;
// Reported speech: the claim in other words, the victim named only in the page title.
const REPORTED = 'http://www.reuters.com/annotate-reported.html';
// A hint: the event is never named, only an official who spoke at the time.
const HINTED = 'http://www.reuters.com/annotate-hint.html';

describe.each(BROWSERS)('annotation in $name', ({ path, launch }) => {
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

  test.skipIf(!available)('marks the right words of an article, across inline tags, never in editable regions', async () => {
    const page = await session.open(ARTICLE);
    expect(await eventually(() => marked(page), sameList(ARTICLE_MARKS))).toEqual(ARTICLE_MARKS);
    // The split match's range starts in plain text and ends inside <b><i>.
    const ends = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('right-to-truth-claim')!;
      const r = [...h].find((x) => x.toString().startsWith('we do not jail'))!;
      return [r.startContainer.parentElement!.localName, r.endContainer.parentElement!.localName];
    }, null);
    expect(ends).toEqual(['p', 'i']);
    // The marks are styled: an underline as well as a tint, from one stylesheet of ours.
    const rules = await page.evaluate(() => {
      const sheets = [...document.adoptedStyleSheets, ...document.styleSheets];
      return sheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).filter((t) => t.includes('right-to-truth-claim'));
    }, null);
    expect(rules.join('\n')).toMatch(/::highlight\(right-to-truth-claim\)[^}]*text-decoration/);
    expect(rules.join('\n')).toMatch(/::highlight\(right-to-truth-claim\)[^}]*background-color/);
    expect(await page.evaluate(() => document.getElementById('right-to-truth-highlight-style') !== null, null)).toBe(false);
    expect(await eventually(() => session.badgeText(ARTICLE), (t) => t === '3')).toBe('3');
  });

  test.skipIf(!available)('marks a Persian right-to-left page', async () => {
    const page = await session.open(PERSIAN);
    const expected = ['دروغ محض', 'هیچ کس مسئولیت این دروغ بزرگ را بر عهده نخواهد گرفت'];
    expect(await eventually(() => marked(page), sameList(expected))).toEqual(expected);
    expect(await eventually(() => session.badgeText(PERSIAN), (t) => t === '2')).toBe('2');
  });

  test.skipIf(!available)('marks a claim reported in other words, tied to its incident by the headline, and says why', async () => {
    const page = await session.open(REPORTED);
    const expected = ['said the teenager had taken her own life'];
    expect(await eventually(() => marked(page), sameList(expected))).toEqual(expected);
    expect(await eventually(() => session.badgeText(REPORTED), (t) => t === '1')).toBe('1');
    const point = await pointOnMark(page, 'taken her own life');
    await page.click(point!.x, point!.y);
    const card = await eventually(() => readCard(session, page), (c) => c !== null);
    expect(card?.text).toContain('Sarina Esmailzadeh');
    expect(card?.text).toContain('Why this was marked:');
    expect(card?.text).toContain('taken her own life');
    expect(card?.text).toContain('(in the headline)');
    await page.press('Escape');
  });

  test.skipIf(!available)('marks a claim tied to its incident by a hint only, and the card says the words point to the event', async () => {
    const page = await session.open(HINTED);
    const expected = ['said the rioters who set fire to banks'];
    expect(await eventually(() => marked(page), sameList(expected))).toEqual(expected);
    const point = await pointOnMark(page, 'rioters');
    await page.click(point!.x, point!.y);
    const card = await eventually(() => readCard(session, page), (c) => c !== null);
    expect(card?.text).toContain('November 2019');
    expect(card?.text).toContain('President Rouhani (points to the event, in the same sentence)');
    await page.press('Escape');
  });

  test.skipIf(!available)('a page without claims gets no mark and an empty badge', async () => {
    const page = await session.open(NO_CLAIMS);
    expect(await eventually(() => session.hasReported(NO_CLAIMS), Boolean)).toBe(true);
    expect(await marked(page)).toEqual([]);
    expect(await session.badgeText(NO_CLAIMS)).toBe('');
  });

  test.skipIf(!available)('clicking a mark opens the card with the right claim and its source links; Escape closes it', async () => {
    const page = await session.open(CLICK);
    await eventually(() => marked(page), sameList(ARTICLE_MARKS));
    const point = await pointOnMark(page, 'pure lies');
    expect(point).not.toBeNull();
    await page.click(point!.x, point!.y);
    const card = await eventually(() => readCard(session, page), (c) => c !== null);
    expect(card?.text).toContain('pure lies');
    expect(card!.links.length).toBeGreaterThan(0);
    for (const link of card!.links) {
      expect(link.href).toMatch(/^https?:\/\//);
      expect(link.target).toBe('_blank');
      expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
    // The clicked mark is the current one.
    expect(await marked(page, CURRENT)).toEqual(['figures declared by enemy groups are pure lies']);
    // Our own UI is never marked, although the card quotes the claim.
    expect(await marked(page)).toEqual(ARTICLE_MARKS);
    await page.press('Escape');
    expect(await eventually(() => readCard(session, page), (c) => c === null)).toBeNull();
  });

  test.skipIf(!available)('resting the pointer on a mark opens its card', async () => {
    const page = await session.open(HOVER);
    await eventually(() => marked(page), sameList(ARTICLE_MARKS));
    const point = await pointOnMark(page, 'opinions');
    await page.hover(point!.x - 3, point!.y);
    await page.hover(point!.x, point!.y);
    const card = await eventually(() => readCard(session, page), (c) => c !== null);
    expect(card?.text).toContain('opinions');
  });

  test.skipIf(!available)('keyboard commands move between marks and open the card', async () => {
    const page = await session.open(KEYS);
    await eventually(() => marked(page), sameList(ARTICLE_MARKS));
    await page.evaluate(() => window.scrollTo(0, 0), null);
    await session.command(KEYS, 'next-mark');
    expect(await eventually(() => marked(page, CURRENT), (m) => m.length === 1)).toEqual([ARTICLE_MARKS[0]]);
    await session.command(KEYS, 'next-mark');
    expect(await eventually(() => marked(page, CURRENT), sameList([ARTICLE_MARKS[1]!]))).toEqual([ARTICLE_MARKS[1]]);
    await session.command(KEYS, 'previous-mark');
    expect(await eventually(() => marked(page, CURRENT), sameList([ARTICLE_MARKS[0]!]))).toEqual([ARTICLE_MARKS[0]]);
    await session.command(KEYS, 'open-card');
    const card = await eventually(() => readCard(session, page), (c) => c !== null);
    expect(card?.text).toContain('opinions');
    // The card took focus; Escape gives it back and closes the card.
    await page.press('Escape');
    expect(await eventually(() => readCard(session, page), (c) => c === null)).toBeNull();
  });

  test.skipIf(!available)('appended paragraphs get marked and the badge follows', async () => {
    const page = await session.open(DYNAMIC);
    await eventually(() => marked(page), sameList(ARTICLE_MARKS));
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Mortazavi told lawmakers that the detainees had died of meningitis.';
      document.querySelector('article')!.append(p);
    }, null);
    const expected = [...ARTICLE_MARKS, 'the detainees had died of meningitis'];
    expect(await eventually(() => marked(page), sameList(expected))).toEqual(expected);
    expect(await eventually(() => session.badgeText(DYNAMIC), (t) => t === '4')).toBe('4');
    // Text typed into the editable region is never marked.
    await page.evaluate(() => {
      document.getElementById('editor')!.append(' and figures declared by enemy groups are pure lies');
    }, null);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await marked(page)).toEqual(expected);
  });

  test.skipIf(!available)('a page that re-renders marked text keeps working', async () => {
    const page = await session.open(RERENDER);
    await eventually(() => marked(page), sameList(ARTICLE_MARKS));
    await page.evaluate(() => {
      // What a framework does: throw away the nodes and render the same words again, twice.
      const split = document.getElementById('split')!;
      const html = split.innerHTML;
      split.innerHTML = html;
      split.replaceChildren(...[...split.childNodes].map((n) => n.cloneNode(true)));
      const tolls = document.getElementById('tolls')!;
      tolls.textContent = 'The spokesman no longer commented on the toll.';
    }, null);
    const expected = [ARTICLE_MARKS[0]!, ARTICLE_MARKS[2]!];
    expect(await eventually(() => marked(page), sameList(expected))).toEqual(expected);
    // The rebuilt mark sits on the new nodes.
    const connected = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('right-to-truth-claim')!;
      return [...h].every((r) => r.startContainer.isConnected && r.endContainer.isConnected && !r.collapsed);
    }, null);
    expect(connected).toBe(true);
    expect(await eventually(() => session.badgeText(RERENDER), (t) => t === '2')).toBe('2');
  });

  test.skipIf(!available)('restores its highlights when the page clears CSS.highlights', async () => {
    const page = await session.open(CLEARED);
    await eventually(() => marked(page), sameList(ARTICLE_MARKS));
    await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.clear(), null);
    expect(await eventually(() => marked(page), sameList(ARTICLE_MARKS))).toEqual(ARTICLE_MARKS);
  });

  test.skipIf(!available)('"not this claim" hides the mark, and the page remembers it', async () => {
    const page = await session.open(DISMISS);
    await eventually(() => marked(page), sameList(ARTICLE_MARKS));
    const point = await pointOnMark(page, 'heart failure');
    await page.click(point!.x, point!.y);
    await eventually(() => readCard(session, page), (c) => c !== null);
    expect(await clickInCard(session, page, '.rtt-action--not-this')).toBe(true);
    const rest = ARTICLE_MARKS.slice(0, 2);
    expect(await eventually(() => marked(page), sameList(rest))).toEqual(rest);
    expect(await eventually(() => session.badgeText(DISMISS), (t) => t === '2')).toBe('2');
    expect(await readCard(session, page)).toBeNull();
    // Reloaded, the page keeps the choice.
    await page.evaluate(() => location.reload(), null);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await eventually(() => marked(page), sameList(rest))).toEqual(rest);
  });

  test.skipIf(!available)('the extension requested nothing from the network', async () => {
    // The proxy logs every request of the browser. The browsers' own service traffic (updates, safe
    // browsing, remote settings) is set aside by host; everything else must be a page a test opened.
    const opened = new Set([ARTICLE, PERSIAN, NO_CLAIMS, DYNAMIC, RERENDER, CLICK, KEYS, CLEARED, DISMISS, HOVER, REPORTED, HINTED]);
    const hostOf = (r: { method: string; url: string }) =>
      r.method === 'CONNECT' ? r.url.replace(/:\d+$/, '') : new URL(r.url).hostname;
    const browserOwn = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com)$/;
    const unexpected = server.requests.filter(
      (r) => !opened.has(r.url) && !r.url.endsWith('/favicon.ico') && !browserOwn.test(hostOf(r)),
    );
    expect(unexpected).toEqual([]);
    // And none of the addresses the extension carries (its dataset's sources) was ever asked for.
    const dataset = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/dataset.json'), 'utf8')) as {
      sources: { url: string }[];
    };
    const sourceHosts = new Set(dataset.sources.map((s) => new URL(s.url).hostname));
    expect(server.requests.filter((r) => sourceHosts.has(hostOf(r)))).toEqual([]);
  });
});
