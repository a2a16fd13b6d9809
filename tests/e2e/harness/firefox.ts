import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, FIREFOX_PATH, GECKO_ID, requireBuild } from './builds';
import { eventually } from './poll';

export interface FirefoxSession {
  browser: Browser;
  /** Internal UUID of the installed add-on, fixed by a preference so its pages have a known origin. */
  extensionUuid: string;
  open(url: string): Promise<Page>;
  /** The toolbar badge text of the tab showing `url`, read from one of the extension's own pages. */
  badgeText(url: string): Promise<string>;
  hasReported(url: string): Promise<boolean>;
  /** Sends `message` to the content script of the tab showing `url`, as the background does. */
  sendToTab(url: string, message: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Real Firefox ESR with the built add-on installed temporarily, every request sent through the fixture server. */
export async function launchFirefox(proxyPort: number): Promise<FirefoxSession> {
  const extensionDir = requireBuild(FIREFOX_BUILD, 'npm run build:firefox');
  const extensionUuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Lets the harness open the add-on's own page (moz-extension://) to read its badge.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
    },
  });
  await browser.installExtension(extensionDir);

  // Extension pages may use the add-on's APIs; the news page's tab is found by its URL.
  let extensionPage: Page | undefined;
  const inExtension = async <T>(fn: (pageUrl: string) => Promise<T>, pageUrl: string): Promise<T> => {
    if (!extensionPage) {
      extensionPage = await browser.newPage();
      // The popup page never reports "load" over BiDi, so the navigation is not awaited; instead the harness
      // polls until the page is the add-on's, with its API. Evaluating mid-navigation may throw: try again.
      const page = extensionPage;
      void page.goto(`moz-extension://${extensionUuid}/popup.html`).catch(() => undefined);
      const ready = await eventually(
        () => page.evaluate(() => location.protocol === 'moz-extension:' && 'browser' in globalThis).catch(() => false),
        Boolean,
        15_000,
      );
      if (!ready) throw new Error(`The add-on's page moz-extension://${extensionUuid}/popup.html did not open`);
    }
    return extensionPage.evaluate(fn, pageUrl);
  };

  const tabIdOf = (url: string) =>
    inExtension(async (pageUrl) => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      const stored = await api.storage.session.get(null);
      const entry = Object.entries(stored).find(([key, value]) => key.startsWith('tab-marks:') && value.url === pageUrl);
      return entry ? Number(entry[0].slice('tab-marks:'.length)) : null;
    }, url);

  return {
    browser,
    extensionUuid,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    async badgeText(url) {
      const tabId = await tabIdOf(url);
      if (tabId === null) return '';
      return inExtension(async (id) => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        return api.browserAction.getBadgeText({ tabId: Number(id) });
      }, String(tabId));
    },
    async hasReported(url) {
      return (await tabIdOf(url)) !== null;
    },
    async sendToTab(url, message) {
      const tabId = await tabIdOf(url);
      if (tabId === null) throw new Error(`No content script has reported from ${url}`);
      await inExtension(async (json) => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        const { id, msg } = JSON.parse(json) as { id: number; msg: unknown };
        await api.tabs.sendMessage(id, msg);
      }, JSON.stringify({ id: tabId, msg: message }));
    },
    close: () => browser.close(),
  };
}

/** The little of the add-on API the harness calls from an extension page. */
interface ExtensionApi {
  storage: { session: { get(keys: null): Promise<Record<string, { url: string }>> } };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}
