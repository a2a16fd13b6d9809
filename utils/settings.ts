import { z } from 'zod';
import { DEFAULT_MIN_SCORE } from './engine/index';

/** How readily a passage is marked: the engine's minimum score. */
export const SENSITIVITIES = ['strict', 'normal', 'broad'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export const MARK_STYLES = ['both', 'underline', 'background'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
/** `auto` follows the browser's interface language. */
export const UI_LANGUAGES = ['auto', 'en', 'fa'] as const;
export type UiLanguageSetting = (typeof UI_LANGUAGES)[number];

/** Engine threshold (`MatchOptions.minScore`, between 0 and 1) of each sensitivity. */
export const MIN_SCORE_OF: Readonly<Record<Sensitivity, number>> = {
  strict: 0.85,
  normal: DEFAULT_MIN_SCORE,
  broad: 0.55,
};

const host = z.string().min(1).max(253);

/**
 * Reader settings, version 2, stored locally; never synced, never sent anywhere. Version 1 (issue 3) had only
 * `openCardOnHover` and no `version` field; {@link SETTINGS_MIGRATIONS} turns it into version 2.
 */
export const SettingsSchema = z.object({
  version: z.literal(2).default(2),
  /** Open the evidence card when the pointer rests on a mark, not only on click. */
  openCardOnHover: z.boolean().default(true),
  sensitivity: z.enum(SENSITIVITIES).default('normal'),
  markStyle: z.enum(MARK_STYLES).default('both'),
  highContrast: z.boolean().default(false),
  language: z.enum(UI_LANGUAGES).default('auto'),
  /** Hosts the reader added beyond data/sites.json (each needs its optional host permission). */
  userSites: z.array(host).max(500).default([]),
  /** Hosts of either list where the reader switched the extension off. */
  disabledSites: z.array(host).max(1000).default([]),
  /** Private log of where each claim was seen; off unless the reader turns it on. */
  logEnabled: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
export const SETTINGS_VERSION = 2;

/** Version n-1 → version n. Each step takes what the previous step wrote. */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  // v1 {openCardOnHover} → v2: keep the reader's choice, every new field at its default.
  2: (old) => ({ ...DEFAULT_SETTINGS, openCardOnHover: typeof old.openCardOnHover === 'boolean' ? old.openCardOnHover : true, version: 2 }),
};

/** The stored version: settings written before versions existed are version 1. */
export function storedVersion(stored: unknown): number {
  if (typeof stored !== 'object' || stored === null) return 1;
  const v = (stored as { version?: unknown }).version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Runs every migration step from the stored version up to the current one. */
export function migrateSettings(stored: unknown): Record<string, unknown> {
  let value: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
  for (let v = storedVersion(stored) + 1; v <= SETTINGS_VERSION; v++) value = SETTINGS_MIGRATIONS[v]!(value);
  return value;
}

/**
 * Reads stored settings of any version: migrates them, then falls back to defaults field by field when a
 * value is missing or malformed (storage is ours, but a half-written value must not lock the reader out).
 */
export function parseSettings(stored: unknown): Settings {
  const input = migrateSettings(stored);
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(SettingsSchema.shape)) {
    const parsed = field.safeParse(input[name]);
    result[name] = parsed.success ? parsed.data : DEFAULT_SETTINGS[name as keyof Settings];
  }
  return result as Settings;
}

/** The engine's minimum score for these settings. */
export function minScoreOf(settings: Settings): number {
  return MIN_SCORE_OF[settings.sensitivity];
}
