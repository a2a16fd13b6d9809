import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_PATH, FIXTURES, browserAvailable, eventually, launchFirefox, startFixtureServer, type FirefoxSession, type FixtureServer } from './harness';

// Core popup flows in Firefox ESR (the MV2 build): the popup lists the page's claims and the search finds a
// claim from a misspelled query.
const ARTICLE = 'http://www.reuters.com/annotate-article.html?firefox-popup';

const run = browserAvailable(FIREFOX_PATH);

describe.runIf(run)('Firefox: popup', () => {
  let server: FixtureServer;
  let s: FirefoxSession;

  beforeAll(async () => {
    server = await startFixtureServer(FIXTURES);
    s = await launchFirefox(server.port);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  /** Opens one of the add-on's pages; BiDi never reports "load" for them, so poll until it has rendered. */
  const openExtensionPage = async (path: string, ready: string): Promise<Page> => {
    const page = await s.browser.newPage();
    void page.goto(`moz-extension://${s.extensionUuid}/${path}`).catch(() => undefined);
    const ok = await eventually(
      () => page.evaluate((sel) => document.querySelector(sel) !== null, ready).catch(() => false),
      Boolean,
      15_000,
    );
    if (!ok) throw new Error(`${path} did not render ${ready}`);
    return page;
  };

  test('the popup lists the claims marked on the tab and its search finds a misspelled claim', async () => {
    await s.open(ARTICLE);
    const badge = await eventually(() => s.badgeText(ARTICLE), (b) => b !== '');
    expect(Number(badge)).toBeGreaterThan(0);
    const probe = await openExtensionPage('popup.html?lang=en', '[data-testid="search"]');
    const tabId = await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, { url: string }>> } } } }).browser;
      const stored = await api.storage.session.get(null);
      const entry = Object.entries(stored).find(([k, v]) => k.startsWith('tab-marks:') && v.url === url);
      return entry ? Number(entry[0].slice('tab-marks:'.length)) : null;
    }, ARTICLE);
    expect(tabId).not.toBeNull();
    await probe.close();

    const popup = await openExtensionPage(`popup.html?tab=${tabId}&lang=en`, '[data-testid="marked-claims"]');
    expect(await popup.$$eval('[data-testid="marked-claims"] li', (els) => els.length)).toBe(Number(badge));
    await popup.type('[data-testid="search"]', 'propoganda');
    const ids = await eventually(
      () => popup.$$eval('[data-testid="search-results"] li', (els) => els.map((e) => e.getAttribute('data-claim-id'))),
      (list) => list.length > 0,
    );
    expect(ids).toContain('1988-reports-are-misinformation-propaganda');
    await popup.close();
  });
});
