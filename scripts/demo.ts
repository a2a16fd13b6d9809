// npm run demo — builds the extension (package.json script), then shows it at work in headless Chromium:
// two demo pages written for the project (scripts/demo/pages/) are served under news host names, the claims
// the extension marked are printed (badge count and distinct claims), the evidence card is opened on the
// English page by clicking its first mark, and screenshots are saved as demo.png and demo-fa.png.
// Exit codes: 0 ok, 1 the demo failed (no build, no browser, no claim marked, no card).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  CHROME_BUILD,
  CHROMIUM_PATH,
  REPO_ROOT,
  callInClosedShadowRoot,
  eventually,
  launchChromium,
  startFixtureServer,
  type ChromiumSession,
} from '../tests/e2e/harness';

const PAGES_DIR = join(REPO_ROOT, 'scripts/demo/pages');
const DATASET = join(REPO_ROOT, 'generated/dataset.json');
const VIEWPORT = { width: 1280, height: 900 };
const HIGHLIGHT = 'right-to-truth-claim';

interface DemoPage {
  label: string;
  url: string;
  screenshot: string;
  openCard: boolean;
}

// Hosts on the site list (data/sites.json) and not HSTS-preloaded, so plain http reaches the local server.
const PAGES: DemoPage[] = [
  { label: 'English wire story', url: 'http://www.reuters.com/wire-story.html', screenshot: 'demo.png', openCard: true },
  { label: 'Persian news page (RTL)', url: 'http://www.radiofarda.com/persian-news.html', screenshot: 'demo-fa.png', openCard: false },
];

class DemoError extends Error {}

function fail(message: string): never {
  throw new DemoError(message);
}

/** The little of the extension API the demo calls inside the service worker. */
interface ChromeApi {
  storage: { session: { get(keys: null): Promise<Record<string, { url: string; frames: Record<string, string[]> }>> } };
}

function checkPrerequisites(): void {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    fail(`no built extension in ${CHROME_BUILD}. Run \`npm run build\` first (\`npm run demo\` does).`);
  }
  if (!existsSync(DATASET)) fail(`${DATASET} is missing. Run \`npm run generate\` first.`);
  if (!existsSync(CHROMIUM_PATH)) fail(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
  for (const page of PAGES) {
    const file = join(PAGES_DIR, new URL(page.url).pathname);
    if (!existsSync(file)) fail(`demo page ${file} is missing.`);
  }
}

function claimTitles(): Map<string, string> {
  const dataset = JSON.parse(readFileSync(DATASET, 'utf8')) as { claims: { id: string; title: string }[] };
  return new Map(dataset.claims.map((c) => [c.id, c.title]));
}


/** The text of each marked range, in document order, from the page's CSS.highlights. */
function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate((name) => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(name);
    if (!h) return [];
    return [...h]
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString().replace(/\s+/g, ' ').trim());
  }, HIGHLIGHT);
}

/** The distinct claim ids the content script reported for the tab showing `url` (background's session storage). */
function reportedClaims(session: ChromiumSession, url: string): Promise<string[] | null> {
  return session.serviceWorker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const stored = await api.storage.session.get(null);
    const entry = Object.entries(stored).find(([key, value]) => key.startsWith('tab-marks:') && value.url === pageUrl);
    if (!entry) return null;
    return [...new Set(Object.values(entry[1].frames ?? {}).flat())].sort();
  }, url);
}

/** Viewport point on the first line box of the first mark (scrolled into view), as the e2e test clicks. */
function pointOnFirstMark(page: Page): Promise<{ x: number; y: number; text: string } | null> {
  return page.evaluate((name) => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(name);
    const range = [...(h ?? [])].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    if (!range) return null;
    const rects = [...range.getClientRects()].filter((r) => r.width > 4);
    const first = rects[0];
    if (!first) return null;
    return { x: first.left + Math.min(first.width / 2, 20), y: first.top + first.height / 2, text: range.toString() };
  }, HIGHLIGHT);
}

/** Calls `fn` with `this` = the card's closed shadow root; its string result, or null. */
const inCard = (page: Page, fn: string) => callInClosedShadowRoot(page, 'right-to-truth-card', fn);

/** The open card's heading and number of source links, or null when it is hidden. */
const READ_CARD = `function () {
  if (getComputedStyle(this.host).display === 'none') return 'null';
  const heading = this.querySelector('h1, h2, h3, [role="heading"]');
  return JSON.stringify({
    heading: heading ? heading.textContent.trim() : '',
    text: this.textContent,
    links: this.querySelectorAll('a[href]').length,
  });
}`;

interface CardInfo {
  heading: string;
  text: string;
  links: number;
}

async function readCard(page: Page): Promise<CardInfo | null> {
  const json = await inCard(page, READ_CARD);
  return json === null ? null : (JSON.parse(json) as CardInfo | null);
}

async function showPage(session: ChromiumSession, demo: DemoPage, titles: Map<string, string>): Promise<void> {
  console.log(`\n${demo.label}\n  ${demo.url}`);
  const page = await session.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(demo.url);

  // The content script runs at document_idle, annotates in idle slices and reports its claims to the
  // background: wait for a report with claims, then for the marks and the badge to settle.
  const firstReport = (await eventually(() => reportedClaims(session, demo.url), (c) => c !== null && c.length > 0)) ?? [];
  if (firstReport.length === 0) {
    fail(`no claim was marked on ${demo.url}. Is the build current? Try \`npm run build\`.`);
  }
  let previous = '';
  const marks = await eventually(
    () => markedTexts(page),
    (m) => {
      const now = JSON.stringify(m);
      const settled = m.length > 0 && now === previous;
      previous = now;
      return settled;
    },
  );
  // Later slices may have reported more claims meanwhile.
  const claims = (await reportedClaims(session, demo.url)) ?? firstReport;
  const badge = await eventually(() => session.badgeText(demo.url), (t) => t === String(claims.length), 5_000);
  if (marks.length === 0) fail(`the extension reported claims on ${demo.url} but no mark is visible on the page.`);

  console.log(`  badge: ${badge}   marks on the page: ${marks.length}   distinct claims: ${claims.length}`);
  claims.forEach((id, i) => {
    console.log(`  ${i + 1}. ${titles.get(id) ?? '(unknown claim)'}`);
    console.log(`     ${id}`);
  });
  console.log('  marked text:');
  for (const text of marks) console.log(`   - "${text}"`);
  if (badge !== String(claims.length)) console.warn(`  warning: badge "${badge}" differs from ${claims.length} claims reported`);

  if (demo.openCard) {
    await page.evaluate(() => window.scrollTo(0, 0));
    const point = await pointOnFirstMark(page);
    if (!point) fail(`could not find the first mark on ${demo.url} to click.`);
    await page.mouse.click(point.x, point.y);
    const card = await eventually(() => readCard(page), (c) => c !== null, 10_000);
    if (!card) fail(`clicking the mark "${point.text.trim()}" did not open the evidence card.`);
    console.log(`  card opened by clicking "${point.text.replace(/\s+/g, ' ').trim()}"`);
    if (card.heading) console.log(`    card heading: ${card.heading}`);
    console.log(`    source links in the card: ${card.links}`);
    // Let the card's entrance settle before the picture.
    await new Promise((resolve) => setTimeout(resolve, 500));
  } else {
    await page.evaluate(() => window.scrollTo(0, 0));
  }

  const path = join(REPO_ROOT, demo.screenshot);
  await page.screenshot({ path });
  console.log(`  screenshot: ${demo.screenshot}`);
  await page.close();
}

async function main(): Promise<void> {
  checkPrerequisites();
  const titles = claimTitles();
  const server = await startFixtureServer(PAGES_DIR);
  // Serves scripts/demo/pages/ under any host name; Chromium uses it as its proxy, so nothing leaves the machine.
  let session: ChromiumSession | undefined;
  try {
    session = await launchChromium(server.address);
    console.log(`Right to Truth demo — extension ${session.extensionId} in headless Chromium`);
    for (const demo of PAGES) await showPage(session, demo, titles);
    console.log('\nDone.');
  } finally {
    await session?.close().catch(() => undefined);
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof DemoError ? error.message : (error as Error)?.stack ?? String(error);
    console.error(`\ndemo: ${message}`);
    process.exit(1);
  },
);
