import { browser } from 'wxt/browser';
import type { Claim, Dataset } from '../../data/schema/index';
import { parseSettings, type Settings } from '../settings';
import { STORAGE_KEYS, parseLocalClaims, parseVisitLog, storedLocalClaims, type StorageArea } from '../stored-data';
import { addVisits, type VisitEntry } from '../visit-log';

/** browser.storage.local as the pure layer's StorageArea. Everything stays on this device. */
export const localArea: StorageArea = {
  get: (keys) => browser.storage.local.get(keys) as Promise<Record<string, unknown>>,
  set: (items) => browser.storage.local.set(items),
};

export async function loadLocalClaims(dataset: Dataset): Promise<Claim[]> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.localClaims);
  return parseLocalClaims(stored[STORAGE_KEYS.localClaims], dataset);
}

export async function saveLocalClaims(claims: readonly Claim[]): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.localClaims]: storedLocalClaims(claims) });
}

export async function loadVisits(): Promise<VisitEntry[]> {
  return parseVisitLog((await browser.storage.local.get(STORAGE_KEYS.visitLog))[STORAGE_KEYS.visitLog]);
}

let logQueue: Promise<unknown> = Promise.resolve();

/** Appends to the private log when the reader turned it on; one write at a time. */
export function logVisits(url: string, claimIds: readonly string[], now: Date): Promise<void> {
  const run = logQueue.then(async () => {
    const stored = await browser.storage.local.get([STORAGE_KEYS.settings, STORAGE_KEYS.visitLog]);
    if (!parseSettings(stored[STORAGE_KEYS.settings]).logEnabled || claimIds.length === 0) return;
    const entries = addVisits(parseVisitLog(stored[STORAGE_KEYS.visitLog]), url, claimIds, now);
    await browser.storage.local.set({ [STORAGE_KEYS.visitLog]: { version: 1, entries } });
  });
  logQueue = run.catch(() => undefined);
  return run;
}

export async function clearVisits(): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.visitLog]: { version: 1, entries: [] } });
}

/** Calls `listener` whenever settings or local claims change (another page saved them). */
export function onStoredDataChanged(listener: (what: { settings: boolean; localClaims: boolean; visitLog: boolean }) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    const what = {
      settings: STORAGE_KEYS.settings in changes,
      localClaims: STORAGE_KEYS.localClaims in changes,
      visitLog: STORAGE_KEYS.visitLog in changes,
    };
    if (what.settings || what.localClaims || what.visitLog) listener(what);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export type { Settings };
