import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '../settings';
import { STORAGE_KEYS } from '../stored-data';

/** Reads the settings of any stored version (migrated on read, see utils/settings.ts). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.settings);
  return parseSettings(stored[STORAGE_KEYS.settings]);
}

/** Writes the settings at the current version. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.settings]: parseSettings(settings) });
}
