import { z } from 'zod';

/** Reader settings, stored locally; never synced, never sent anywhere. */
export const SettingsSchema = z.object({
  /** Open the evidence card when the pointer rests on a mark, not only on click. */
  openCardOnHover: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads stored settings, falling back to defaults field by field when a value is missing or malformed. */
export function parseSettings(stored: unknown): Settings {
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(SettingsSchema.shape)) {
    const parsed = field.safeParse(input[name]);
    result[name] = parsed.success ? parsed.data : DEFAULT_SETTINGS[name as keyof Settings];
  }
  return result as Settings;
}
