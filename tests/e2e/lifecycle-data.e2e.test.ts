// No data loss across an update and a restart: the reader's settings, the maintainer's local claims and the
// private log are exactly as they were afterwards, and they still work — the local claim marks its page again.
// Chromium with a kept profile: the browser is closed, the extension's manifest gets a higher version (an
// update, as the browser sees it at start), and the browser starts again on the same profile. (runtime.reload()
// cannot be used here: Chromium does not bring a command-line-loaded extension back after it.) Across versions
// the stored formats are migrated on read; tests/unit/stored-data.test.ts tests every migration step and the
// failed-import cases.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Worker } from 'playwright-core';
import {
  CHROME_BUILD,
  CHROMIUM_PATH,
  FIXTURES,
  browserAvailable,
  eventually,
  launchChromium,
  marked,
  startFixtureServer,
  type ChromiumSession,
  type FixtureServer,
} from './harness';
import { DEFAULT_SETTINGS, parseSettings } from '../../utils/settings';
import { STORAGE_KEYS, storedLocalClaims } from '../../utils/stored-data';
import { harbourLanternsClaim } from '../fixtures/local-claim';

const LOCAL = 'http://www.reuters.com/local-claim.html?lifecycle';
const MARKED = ['the harbour lanterns were never lit that winter'];

declare const chrome: {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }; session: { get(keys: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { getManifest(): { version: string } };
};

const localClaim = () => harbourLanternsClaim('e2e-lifecycle-harbour-lanterns');

/** Everything the extension keeps in storage.local. */
const readAll = (worker: Worker) => worker.evaluate(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;

/** The badge of the tab showing `url`, read through the (current) service worker. */
const badgeOf = (worker: Worker, url: string) =>
  worker.evaluate(async (pageUrl) => {
    const stored = (await chrome.storage.session.get(null)) as Record<string, { url?: string }>;
    const entry = Object.entries(stored).find(([key, value]) => key.startsWith('tab-marks:') && value.url === pageUrl);
    return entry ? chrome.action.getBadgeText({ tabId: Number(entry[0].slice('tab-marks:'.length)) }) : '';
  }, url);

describe('stored data across an update and a browser restart (Chromium)', () => {
  const available = browserAvailable(CHROMIUM_PATH);
  let server: FixtureServer;
  let s: ChromiumSession;
  let work: string;
  const extensionDir = () => join(work, 'extension');
  const userDataDir = () => join(work, 'profile');
  const launch = () => launchChromium(server.address, { extensionDir: extensionDir(), userDataDir: userDataDir() });

  beforeAll(async () => {
    if (!available) return;
    server = await startFixtureServer(FIXTURES);
    work = mkdtempSync(join(tmpdir(), 'rtt-lifecycle-'));
    cpSync(CHROME_BUILD, extensionDir(), { recursive: true });
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test.skipIf(!available)('settings, local claims and the private log are kept, and still work', async () => {
    const settings = parseSettings({ ...DEFAULT_SETTINGS, sensitivity: 'strict', markStyle: 'underline', language: 'fa', logEnabled: true });
    await s.serviceWorker.evaluate(
      (items) => chrome.storage.local.set(items),
      { [STORAGE_KEYS.settings]: settings, [STORAGE_KEYS.localClaims]: storedLocalClaims([localClaim()]) },
    );
    // The local claim marks its page, and the log (switched on) records the visit.
    await s.open(LOCAL);
    expect(await eventually(() => badgeOf(s.serviceWorker, LOCAL), (b) => b === '1')).toBe('1');
    const logged = await eventually(
      () => readAll(s.serviceWorker),
      (all) => ((all[STORAGE_KEYS.visitLog] as { entries?: unknown[] } | undefined)?.entries?.length ?? 0) > 0,
    );
    const before = Object.fromEntries(Object.values(STORAGE_KEYS).map((k) => [k, logged[k]]));
    expect(Object.values(before).every((v) => v !== undefined)).toBe(true);

    await s.close();

    // An update: the same extension at a higher version, and the browser starts again on the same profile.
    const manifestPath = join(extensionDir(), 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const [major, minor, patch] = manifest.version.split('.').map(Number);
    const updated = `${major}.${minor}.${(patch ?? 0) + 1}`;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: updated }));
    s = await launch();
    expect(await s.serviceWorker.evaluate(() => chrome.runtime.getManifest().version)).toBe(updated);
    const after = await readAll(s.serviceWorker);
    expect(Object.fromEntries(Object.values(STORAGE_KEYS).map((k) => [k, after[k]]))).toEqual(before);

    // The options page shows the local claim; the local claim marks its page again.
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="local-claims"]');
    expect(await options.textContent('body')).toContain('e2e-lifecycle-harbour-lanterns');
    const again = await s.open(LOCAL);
    expect(await eventually(() => marked(again as never), (m) => m.join() === MARKED.join())).toEqual(MARKED);
  });
});
