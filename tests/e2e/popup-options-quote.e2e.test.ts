import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CHROMIUM_PATH,
  FIXTURES,
  REPO_ROOT,
  browserAvailable,
  eventually,
  launchChromium,
  startFixtureServer,
  type ChromiumSession,
  type FixtureServer,
  callInClosedShadowRoot,
} from './harness';
import type { Dataset } from '../../data/schema/index';
import { claimBundle } from '../../utils/claim-bundle';
import { harbourLanternsClaim } from '../fixtures/local-claim';
import { checkQuote } from '../../utils/quote-check';
import { DEFAULT_MIN_SCORE } from '../../utils/engine/index';

// The extension's own pages (popup, options, quote check) in real Chromium: what a reader sees and does,
// with axe-core on every surface in English and Persian, and a screenshot of each into docs/screenshots/.
const ARTICLE = 'http://www.reuters.com/annotate-article.html';
const PERSIAN = 'http://www.reuters.com/annotate-persian.html';
const LOCAL = 'http://www.reuters.com/local-claim.html';
const SHOTS = join(REPO_ROOT, 'docs/screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const dataset = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/dataset.json'), 'utf8')) as Dataset;

declare const chrome: {
  tabs: { create(p: { url: string }): Promise<{ id?: number }> };
};
declare const axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> };

const run = browserAvailable(CHROMIUM_PATH);

describe.runIf(run)('Chromium: popup, quote check, options', () => {
  let server: FixtureServer;
  let s: ChromiumSession;
  const page = (path: string) => `chrome-extension://${s.extensionId}/${path}`;

  /** Opens `url` in a new tab from the background and returns the tab's id (tabs have no readable URL without the tabs permission). */
  const openTab = async (url: string): Promise<number> => {
    const id = await s.serviceWorker.evaluate(async (u) => (await chrome.tabs.create({ url: u })).id ?? null, url);
    if (id === null) throw new Error(`could not open ${url}`);
    return id;
  };

  /** Serious and critical axe-core violations of the page (WCAG 2.1 AA rules and best practices). */
  const axeProblems = async (p: Page): Promise<string[]> => {
    await p.evaluate(AXE_SOURCE);
    const result = await p.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  };

  const shot = async (p: Page, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  const openArticle = async (url: string) => {
    const p = await s.open(url);
    const badge = await eventually(() => s.badgeText(url), (b) => b !== '');
    return { p, badge };
  };

  beforeAll(async () => {
    server = await startFixtureServer(FIXTURES);
    s = await launchChromium(server.address);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  test('the popup lists the claims marked on the tab, in English and Persian, and passes axe', async () => {
    const id = await openTab(`${ARTICLE}?popup`);
    const badge = await eventually(() => s.badgeText(`${ARTICLE}?popup`), (b) => b !== '');
    expect(Number(badge)).toBeGreaterThan(0);
    for (const lang of ['en', 'fa'] as const) {
      const popup = await s.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(page(`popup.html?tab=${id}&lang=${lang}`));
      const items = popup.locator('[data-testid="marked-claims"] li');
      await expect.poll(() => items.count()).toBe(Number(badge));
      expect(await popup.getAttribute('main', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
      expect(await popup.locator('[data-testid="site-switch"]').isChecked()).toBe(true);
      expect(await popup.textContent('[data-testid="dataset-info"]')).toContain(String(dataset.claims.length));
      expect(await axeProblems(popup)).toEqual([]);
      await shot(popup, `popup-${lang}`);
      await popup.close();
    }
  });

  test('from the popup: "show on page" opens the claim\'s card at its mark; "hide marks" clears them and they come back', async () => {
    const url = `${ARTICLE}?show`;
    const id = await openTab(url);
    const badge = await eventually(() => s.badgeText(url), (b) => b !== '');
    const article = s.context.pages().find((p) => p.url() === url)!;
    const popup = await s.context.newPage();
    await popup.goto(page(`popup.html?tab=${id}&lang=en`));
    const first = popup.locator('[data-testid="marked-claims"] li').first();
    const claimId = await first.getAttribute('data-claim-id');
    const closed = popup.waitForEvent('close');
    await first.locator('button').click();
    await closed; // the popup closes itself, as a toolbar popup would
    const shown = await eventually(
      () => callInClosedShadowRoot(article, 'right-to-truth-card', "function () { return this.querySelector('.rtt-card')?.getAttribute('data-claim-id') ?? ''; }"),
      (v) => v !== null && v !== '',
    );
    expect(shown).toBe(claimId);

    const again = await s.context.newPage();
    await again.goto(page(`popup.html?tab=${id}&lang=en`));
    await again.click('[data-testid="hide-marks"]');
    expect(await eventually(() => s.badgeText(url), (b) => b === '')).toBe('');
    await expect.poll(() => again.getAttribute('[data-testid="hide-marks"]', 'aria-pressed')).toBe('true');
    await again.click('[data-testid="hide-marks"]');
    expect(await eventually(() => s.badgeText(url), (b) => b !== '')).toBe(badge);
    await again.close();
  });

  test('the popup search finds a claim from a misspelled English and a Persian query, and opens its card', async () => {
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(page('popup.html?lang=en'));
    const search = popup.locator('[data-testid="search"]');
    await search.fill('propoganda');
    const results = popup.locator('[data-testid="search-results"] li');
    await expect.poll(() => results.first().getAttribute('data-claim-id')).toBe('1988-reports-are-misinformation-propaganda');
    await search.fill('خودکشی سارینا');
    await expect.poll(async () => (await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim-id')))).includes('2022-sarina-esmailzadeh-suicide')).toBe(true);
    // Keyboard only: Tab into the first result and open it.
    await popup.locator('[data-testid="search-results"] li button').first().focus();
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.rtt-card');
    expect(await popup.locator('.rtt-card .rtt-action--copy-claimreview').count()).toBe(1);
    expect(await axeProblems(popup)).toEqual([]);
    await shot(popup, 'popup-card-en');
    await popup.close();

    const fa = await s.context.newPage();
    await fa.setViewportSize({ width: 400, height: 600 });
    await fa.goto(page('popup.html?lang=fa'));
    await fa.locator('[data-testid="search"]').fill('خودکشی');
    await fa.locator('[data-testid="search-results"] li button').first().click();
    await fa.waitForSelector('.rtt-card');
    expect(await fa.getAttribute('.rtt-card', 'dir')).toBe('rtl');
    expect(await axeProblems(fa)).toEqual([]);
    await shot(fa, 'popup-card-fa');
    await fa.close();
  });

  test('the context-menu quote check lists the right claim for a selection, and "no known claim" for other text', async () => {
    const p = await s.open(`${ARTICLE}?quote`);
    const selection = await p.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('tolls')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    const expected = checkQuote(selection, claimBundle().indexes, DEFAULT_MIN_SCORE).map((r) => r.claimId);
    expect(expected[0]).toBe('2019-death-tolls-are-pure-lies');

    const opened = s.context.waitForEvent('page', (pg) => pg.url().includes('quote-check.html'));
    await s.serviceWorker.evaluate(
      (text) =>
        (globalThis as unknown as { rightToTruthMenuClicked(info: unknown): Promise<void> }).rightToTruthMenuClicked({ menuItemId: 'check-quote', selectionText: text }),
      selection,
    );
    const quote = await opened;
    await quote.waitForSelector('[data-testid="quote-results"] li');
    const shown = await quote.locator('[data-testid="quote-results"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim-id')));
    expect(shown).toEqual(expected);
    expect(await quote.textContent('[data-testid="quote-results"] li')).toMatch(/\d+% close/);
    expect(await quote.textContent('[data-testid="quote-results"] li')).toContain('close because:');
    expect(await axeProblems(quote)).toEqual([]);
    await quote.locator('[data-testid="quote-results"] li button').first().click();
    await quote.waitForSelector('.rtt-card');
    expect(await axeProblems(quote)).toEqual([]);
    await shot(quote, 'quote-check-en');

    // Persian: the same panel, right to left.
    const fa = await s.context.newPage();
    await fa.goto(page('quote-check.html?lang=fa'));
    await fa.waitForSelector('[data-testid="quote-results"] li');
    expect(await fa.getAttribute('main', 'dir')).toBe('rtl');
    expect(await axeProblems(fa)).toEqual([]);
    await shot(fa, 'quote-check-fa');
    await fa.close();

    const none = s.context.waitForEvent('page', (pg) => pg.url().includes('quote-check.html'));
    await s.serviceWorker.evaluate(
      () =>
        (globalThis as unknown as { rightToTruthMenuClicked(info: unknown): Promise<void> }).rightToTruthMenuClicked({
          menuItemId: 'check-quote',
          selectionText: 'Forecasters expect rain across the region on Thursday',
        }),
    );
    const nonePage = await none;
    await nonePage.waitForSelector('[data-testid="quote-none"]');
    expect(await nonePage.textContent('[data-testid="quote-none"]')).toBe('No known claim is close to this text.');
  });

  test('options: accessible in both languages; a local claim added there is marked on a page at once', async () => {
    const options = await s.context.newPage();
    for (const lang of ['fa', 'en'] as const) {
      await options.goto(page(`options.html?lang=${lang}`));
      await options.waitForSelector('[data-testid="local-claims"]');
      expect(await options.getAttribute('main', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
      expect(await axeProblems(options)).toEqual([]);
      await shot(options, `options-${lang}`);
    }
    const local = harbourLanternsClaim('e2e-harbour-lanterns');
    // A page already open when the claim is saved gets marked too, without a reload.
    const live = `${LOCAL}?live`;
    await s.open(live);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await s.badgeText(live)).toBe('');
    await options.click('text=New claim');
    // First a broken claim: nothing is saved and the problem names file and field.
    await options.fill('#claim-editor', JSON.stringify({ ...local, title: undefined }, null, 2));
    await options.click('text=Check and save');
    await expect.poll(() => options.textContent('[data-testid="local-status"]')).toContain('data/claims/e2e-harbour-lanterns.json: title: missing');
    await options.fill('#claim-editor', JSON.stringify(local, null, 2));
    await options.click('text=Check and save');
    await expect.poll(() => options.textContent('[data-testid="local-status"]')).toContain('Saved: e2e-harbour-lanterns');

    expect(await eventually(() => s.badgeText(live), (b) => b !== '')).toBe('1');
    await s.open(LOCAL);
    expect(await eventually(() => s.badgeText(LOCAL), (b) => b !== '')).toBe('1');
    await options.close();
  });

  test('a site switched off gets no marks; the private log records a visit only when switched on', async () => {
    const options = await s.context.newPage();
    await options.goto(page('options.html?lang=en'));
    await options.waitForSelector('[data-testid="visit-log"]');
    // Log off (the default): a visit leaves no entry.
    await openArticle(`${PERSIAN}?log-off`);
    await options.reload();
    await options.waitForSelector('[data-testid="log-empty"]');

    await options.check('input[name="logEnabled"]');
    await openArticle(`${PERSIAN}?log-on`);
    await expect
      .poll(async () => {
        await options.reload();
        return options.locator('[data-testid="visit-log"] tbody tr').count();
      })
      .toBeGreaterThan(0);
    expect(await options.textContent('[data-testid="visit-log"] tbody')).toContain(`${PERSIAN}?log-on`);
    expect(await options.textContent('[data-testid="visit-log"] tbody')).not.toContain('log-off');

    // Switch reuters.com off: a new page there gets no marks, while the content script still answers.
    await options.locator('details summary').click();
    await options.uncheck('input[role="switch"] >> xpath=..//span[text()="Work on reuters.com"]/../input');
    const off = `${ARTICLE}?off`;
    const id = await openTab(off);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await s.badgeText(off)).toBe('');
    const popup = await s.context.newPage();
    await popup.goto(page(`popup.html?tab=${id}&lang=en`));
    await expect.poll(() => popup.locator('[data-testid="site-switch"]').isChecked()).toBe(false);
    // "Check this page now" marks it anyway, this once.
    await popup.click('[data-testid="check-now"]');
    expect(await eventually(() => s.badgeText(off), (b) => b !== '')).not.toBe('');
    await popup.close();
    await options.close();
  });
});
