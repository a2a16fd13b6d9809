import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH, requireBuild } from './builds';

/** The little of the extension API the harness calls inside the service worker. */
declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, { url: string }>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

export interface ChromiumSession {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens `url` in a new tab and waits for the page to load. */
  open(url: string): Promise<Page>;
  /** The toolbar badge text of the tab showing `url` ('' when empty or when the content script never reported). */
  badgeText(url: string): Promise<string>;
  /** Whether the background has heard from the content script in the tab showing `url`. */
  hasReported(url: string): Promise<boolean>;
  /** Sends `message` to the content script of the tab showing `url`, as the background does. */
  sendToTab(url: string, message: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * Real Chromium with the built extension, headless, every request sent
 * through the fixture server acting as proxy.
 */
export async function launchChromium(
  proxyAddress: string,
  options: { extensionDir?: string; userDataDir?: string } = {},
): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? requireBuild(CHROME_BUILD, 'npm run build');
  // '' = a fresh temporary profile; a directory keeps the profile (and the extension's storage) across launches.
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--proxy-server=http://${proxyAddress}`,
      // Plain-http fixtures: do not try https first.
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;

  const tabIdOf = (url: string) =>
    serviceWorker.evaluate(async (pageUrl) => {
      const stored: Record<string, { url: string }> = await chrome.storage.session.get(null);
      const entry = Object.entries(stored).find(([key, value]) => key.startsWith('tab-marks:') && value.url === pageUrl);
      return entry ? Number(entry[0].slice('tab-marks:'.length)) : null;
    }, url);

  return {
    context,
    serviceWorker,
    extensionId,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async badgeText(url) {
      const tabId = await tabIdOf(url);
      if (tabId === null) return '';
      return serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async hasReported(url) {
      return (await tabIdOf(url)) !== null;
    },
    async sendToTab(url, message) {
      const tabId = await tabIdOf(url);
      if (tabId === null) throw new Error(`No content script has reported from ${url}`);
      await serviceWorker.evaluate(([id, msg]) => chrome.tabs.sendMessage(id, msg), [tabId, message] as const);
    },
    close: () => context.close(),
  };
}

/**
 * Bytes of JavaScript heap in use by a page's renderer after a full garbage collection (DevTools protocol):
 * the page's and the content script's worlds together, as they share one V8 isolate.
 */
export async function jsHeapUsedAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}
