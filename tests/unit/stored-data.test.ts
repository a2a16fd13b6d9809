import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Claim, Dataset } from '../../data/schema/index';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, migrateSettings, parseSettings, storedVersion } from '../../utils/settings';
import { EXPORT_VERSION, STORAGE_KEYS, exportFile, importInto, parseImport, storedLocalClaims, type StorageArea } from '../../utils/stored-data';
import { checkLocalClaims } from '../../utils/local-claims';
import { harbourLanternsClaim } from '../fixtures/local-claim';

const dataset = JSON.parse(readFileSync(new URL('../../generated/dataset.json', import.meta.url), 'utf8')) as Dataset;
const base = dataset.claims.find((c) => c.id === '2019-death-tolls-are-pure-lies')!;
const localClaim: Claim = harbourLanternsClaim('unit-harbour-lanterns');

/** An in-memory storage.local that records every write. */
function memoryArea(initial: Record<string, unknown>): StorageArea & { data: Record<string, unknown>; writes: number } {
  const area = {
    data: structuredClone(initial),
    writes: 0,
    get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in area.data).map((k) => [k, structuredClone(area.data[k])])),
    set: async (items: Record<string, unknown>) => {
      area.writes++;
      Object.assign(area.data, structuredClone(items));
    },
  };
  return area;
}

describe('settings migrations', () => {
  test('there is one migration per version step, up to the current version', () => {
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number).sort()).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });

  test.each([
    ['v1 with hover off', { openCardOnHover: false }, { ...DEFAULT_SETTINGS, openCardOnHover: false }],
    ['v1 with hover on', { openCardOnHover: true }, DEFAULT_SETTINGS],
    ['v1 malformed', { openCardOnHover: 'yes' }, DEFAULT_SETTINGS],
    ['nothing stored', undefined, DEFAULT_SETTINGS],
  ])('v1 → v2: %s', (_name, stored, expected) => {
    expect(storedVersion(stored)).toBe(1);
    expect(parseSettings(stored)).toEqual(expected);
    expect(parseSettings(stored).version).toBe(2);
  });

  test('a v2 value is read as it is, and migrating it again changes nothing', () => {
    const v2 = { ...DEFAULT_SETTINGS, sensitivity: 'strict', language: 'fa', userSites: ['example.org'] };
    expect(migrateSettings(v2)).toEqual(v2);
    expect(parseSettings(v2)).toEqual(v2);
  });
});

describe('local claims', () => {
  test('a valid claim passes; problems carry the data:check file-and-field messages', () => {
    expect(checkLocalClaims([localClaim], dataset).problems).toEqual([]);
    const { claims, problems } = checkLocalClaims([{ ...localClaim, title: undefined, incident: 'no-such-incident' }], dataset);
    expect(claims).toEqual([]);
    expect(problems.map((p) => `${p.path}: ${p.field}: ${p.message}`)).toContain('data/claims/unit-harbour-lanterns.json: title: missing: this field is required');
  });

  test("a local claim's signatures may use the dataset's concepts; an unknown concept is named by field", () => {
    const signed = { ...localClaim, signatures: [{ id: 'reported', all: ['@denial-words', '@official-attribution'], context: 'none' }] };
    expect(checkLocalClaims([signed], dataset).problems).toEqual([]);
    const wrong = { ...signed, signatures: [{ id: 'reported', all: ['@denial-wordz', '@official-attribution'], context: 'none' }] };
    expect(checkLocalClaims([wrong], dataset).problems.map((p) => `${p.path}: ${p.field}: ${p.message}`)).toContain(
      'data/claims/unit-harbour-lanterns.json: signatures[0].all[0]: unknown concept "@denial-wordz": add data/lexicons/denial-wordz.json or fix the name',
    );
  });

  test('an id already in the bundled dataset is refused', () => {
    const problems = checkLocalClaims([{ ...localClaim, id: base.id }], dataset).problems;
    expect(problems.some((p) => p.field === 'id' && p.message.includes('already used by the bundled dataset'))).toBe(true);
  });
});

describe('import and export', () => {
  const settings = { ...DEFAULT_SETTINGS, sensitivity: 'broad' as const, logEnabled: true };

  test('an export followed by an import gives back the same data', async () => {
    const text = JSON.stringify(exportFile(settings, [localClaim]));
    const area = memoryArea({});
    const result = await importInto(area, text, dataset);
    expect(result.ok).toBe(true);
    expect(area.data[STORAGE_KEYS.settings]).toEqual(settings);
    expect(area.data[STORAGE_KEYS.localClaims]).toEqual(storedLocalClaims([localClaim]));
  });

  const before = { [STORAGE_KEYS.settings]: { openCardOnHover: false }, [STORAGE_KEYS.localClaims]: storedLocalClaims([localClaim]), [STORAGE_KEYS.visitLog]: { version: 1, entries: [] } };
  const good = exportFile(settings, [localClaim]);
  test.each([
    ['not JSON', '{ this is not json', '(file): not valid JSON'],
    ['another file format', JSON.stringify({ hello: 1 }), 'format'],
    ['a newer export version', JSON.stringify({ ...good, version: EXPORT_VERSION + 1 }), `version: this file is version ${EXPORT_VERSION + 1}`],
    ['a bad setting', JSON.stringify({ ...good, settings: { ...settings, sensitivity: 'loud' } }), 'settings.sensitivity'],
    ['an invalid claim', JSON.stringify({ ...good, localClaims: [{ ...localClaim, statements: [] }] }), 'localClaims: data/claims/unit-harbour-lanterns.json: statements'],
  ])('a file with %s changes nothing and says what is wrong', async (_name, text, problem) => {
    const area = memoryArea(before);
    const result = await importInto(area, text, dataset);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain(problem);
    expect(area.writes).toBe(0);
    expect(area.data).toEqual(before);
    expect(parseImport(text, dataset).ok).toBe(false);
  });
});
