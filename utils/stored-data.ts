import { z } from 'zod';
import { ClaimSchema, type Claim, type Dataset } from '../data/schema/index';
import { checkLocalClaims, problemLines } from './local-claims';
import { SettingsSchema, SETTINGS_VERSION, parseSettings, type Settings } from './settings';
import { VisitLogSchema, type VisitEntry } from './visit-log';

/**
 * Everything the extension keeps in storage.local, as typed, versioned items, and the one-file
 * import/export of settings and local claims. Pure: the storage area comes in as an argument.
 */

/** The part of `browser.storage.local` this module uses. */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const STORAGE_KEYS = { settings: 'settings', localClaims: 'local-claims', visitLog: 'visit-log' } as const;

export const LOCAL_CLAIMS_VERSION = 1;
const StoredLocalClaims = z.object({ version: z.literal(1), claims: z.array(z.unknown()) });

/**
 * Stored local claims. They were checked in full (checkLocalClaims) when saved or imported, so pages only
 * re-check their shape: the full validator would run over every bundled source on every page load. A claim
 * that no longer parses, or whose id the dataset now uses, is left out.
 */
export function parseLocalClaims(stored: unknown, dataset: Dataset): Claim[] {
  const parsed = StoredLocalClaims.safeParse(stored);
  if (!parsed.success) return [];
  const taken = new Set(dataset.claims.map((c) => c.id));
  return parsed.data.claims.flatMap((raw) => {
    const claim = ClaimSchema.safeParse(raw);
    return claim.success && !taken.has(claim.data.id) ? [claim.data] : [];
  });
}

export function storedLocalClaims(claims: readonly Claim[]): z.infer<typeof StoredLocalClaims> {
  return { version: 1, claims: [...claims] };
}

export function parseVisitLog(stored: unknown): VisitEntry[] {
  const parsed = VisitLogSchema.safeParse(stored);
  return parsed.success ? parsed.data.entries : [];
}

export async function readSettings(area: StorageArea): Promise<Settings> {
  return parseSettings((await area.get([STORAGE_KEYS.settings]))[STORAGE_KEYS.settings]);
}

export async function readLocalClaims(area: StorageArea, dataset: Dataset): Promise<Claim[]> {
  return parseLocalClaims((await area.get([STORAGE_KEYS.localClaims]))[STORAGE_KEYS.localClaims], dataset);
}

/** The export file: one JSON document, versioned on its own. */
export const EXPORT_FORMAT = 'right-to-truth-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  settings: Settings;
  localClaims: Claim[];
}

export function exportFile(settings: Settings, localClaims: readonly Claim[]): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, settings, localClaims: [...localClaims] };
}

export type ImportResult = { ok: true; settings: Settings; localClaims: Claim[] } | { ok: false; problems: string[] };

const ExportShape = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.number(),
  settings: z.unknown(),
  localClaims: z.array(z.unknown()),
});

/**
 * Reads an export file. Every problem is listed (file, field, what is wrong); nothing is returned to store
 * unless the whole file is valid, so a failed import changes nothing.
 */
export function parseImport(text: string, dataset: Dataset): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  const shape = ExportShape.safeParse(raw);
  if (!shape.success) {
    return {
      ok: false,
      problems: shape.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.code === 'invalid_value' ? `should be ${JSON.stringify(i.values[0])}` : i.message}`),
    };
  }
  if (shape.data.version !== EXPORT_VERSION) {
    return { ok: false, problems: [`version: this file is version ${shape.data.version}; this extension reads version ${EXPORT_VERSION}`] };
  }
  const problems: string[] = [];
  // Settings are checked strictly on import (a typo must be reported, not silently replaced by a default).
  const settings = SettingsSchema.strict().safeParse(shape.data.settings);
  if (!settings.success) {
    for (const i of settings.error.issues) problems.push(`settings.${i.path.join('.') || '(all)'}: ${i.message}`);
  } else if (settings.data.version !== SETTINGS_VERSION) {
    problems.push(`settings.version: should be ${SETTINGS_VERSION}`);
  }
  const claims = checkLocalClaims(shape.data.localClaims, dataset);
  problems.push(...problemLines(claims.problems).map((line) => `localClaims: ${line}`));
  if (problems.length > 0 || !settings.success) return { ok: false, problems };
  return { ok: true, settings: settings.data, localClaims: claims.claims };
}

/** Applies a valid import in one write; an invalid one writes nothing. */
export async function importInto(area: StorageArea, text: string, dataset: Dataset): Promise<ImportResult> {
  const result = parseImport(text, dataset);
  if (result.ok) {
    await area.set({ [STORAGE_KEYS.settings]: result.settings, [STORAGE_KEYS.localClaims]: storedLocalClaims(result.localClaims) });
  }
  return result;
}
