import { describe, expect, it } from 'vitest';
import { canonicalJson, validateDataset } from '../../data/validate-dataset';
import type { DataFile } from '../../data/validate-dataset';
import { readDataFiles } from '../../scripts/lib/read-data-files';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const real = (): DataFile[] => readDataFiles(ROOT);

/** The real dataset with one file's parsed JSON changed (and re-serialised canonically). */
function withEdit(path: string, edit: (value: Record<string, unknown>) => void): DataFile[] {
  return real().map((file) => {
    if (file.path !== path) return file;
    const value = JSON.parse(file.text) as Record<string, unknown>;
    edit(value);
    return { path, text: canonicalJson(value) };
  });
}

const CLAIM = 'data/claims/ps752-not-hit-by-missile.json';
const lines = (files: DataFile[], options = {}): string[] =>
  validateDataset(files, options).problems.map((p) => `${p.path}: ${p.field}: ${p.message}`);

describe('validateDataset', () => {
  it('accepts the committed dataset', () => {
    const { dataset, problems } = validateDataset(real());
    expect(problems).toEqual([]);
    expect(dataset?.claims.length).toBeGreaterThan(0);
  });

  it('names an unknown source reference and returns no dataset', () => {
    const files = withEdit(CLAIM, (c) => ((c.evidence as { source: string }[])[0]!.source = 'no-such-source'));
    const result = validateDataset(files);
    expect(result.dataset).toBeNull();
    expect(lines(files)).toContain(`${CLAIM}: evidence[0].source: no source "no-such-source": add data/sources/no-such-source.json or fix the id`);
  });

  it('names an unknown incident', () => {
    expect(lines(withEdit(CLAIM, (c) => (c.incident = 'nowhere'))).join('\n')).toContain(`${CLAIM}: incident: no incident "nowhere"`);
  });

  it('requires id to equal the file name', () => {
    expect(lines(withEdit(CLAIM, (c) => (c.id = 'another-id')))).toContain(`${CLAIM}: id: must equal the file name "ps752-not-hit-by-missile"`);
  });

  it('reports an unused source', () => {
    const files = [...real(), { path: 'data/sources/orphan.json', text: real().find((f) => f.path.startsWith('data/sources/'))!.text.replace(/"id": "[^"]+"/, '"id": "orphan"') }];
    expect(lines(files)).toContain('data/sources/orphan.json: id: no claim uses this source; remove the file or cite it');
  });

  it('checks URLs against the research list when given', () => {
    const found = lines(real(), { knownUrls: new Set<string>() });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((l) => l.includes(': url: this URL is not in ../shared/research/sources.tsv'))).toBe(true);
  });

  it('flags a generic two-word phrasing without needsContext', () => {
    const files = withEdit(CLAIM, (c) => (c.phrasings as unknown[]).push({ text: 'missile hoax', lang: 'en' }));
    expect(lines(files).join('\n')).toMatch(/phrasings\[\d+\]\.needsContext: a one- or two-word phrasing is too generic/);
  });

  it('asks for context cues when a phrasing needs them', () => {
    const files = withEdit(CLAIM, (c) => delete c.context);
    expect(lines(files)).toContain(`${CLAIM}: context: some phrasings need context; add context.cues (words that must appear nearby)`);
  });

  it('flags a phrasing shared by two claims', () => {
    const files = withEdit(CLAIM, (c) => (c.phrasings as unknown[]).push({ text: 'Pure  Lies!', lang: 'en', needsContext: true }));
    expect(lines(files).join('\n')).toContain('is also a phrasing of claim "2019-death-tolls-are-pure-lies"');
  });

  it('flags near-duplicate phrasings (fuzzy)', () => {
    const files = withEdit(CLAIM, (c) => (c.phrasings as unknown[]).push({ text: 'impossible that a missile hit the Ukrainian planes', lang: 'en' }));
    expect(lines(files).join('\n')).toContain('nearly duplicates');
  });

  it('flags files that are not in canonical form', () => {
    const files = real().map((f) => (f.path === CLAIM ? { ...f, text: f.text.replace(/\n$/, '') } : f));
    expect(lines(files)).toContain(`${CLAIM}: (file): not in canonical form; run npm run data:format`);
  });

  it('reports invalid JSON with the file name', () => {
    const files = real().map((f) => (f.path === CLAIM ? { ...f, text: '{ "id": ' } : f));
    expect(lines(files).join('\n')).toContain(`${CLAIM}: (file): not valid JSON`);
  });

  it('reports a missing field in plain words', () => {
    expect(lines(withEdit(CLAIM, (c) => delete c.rebuttal))).toContain(`${CLAIM}: rebuttal: missing: this field is required`);
  });
});

describe('validateDataset wording for editors', () => {
  it('names a misspelt field by its own path', () => {
    expect(lines(withEdit(CLAIM, (c) => (c.rebutal = { en: 'x' })))).toContain(`${CLAIM}: rebutal: unknown field "rebutal" (check its spelling in data/README.md)`);
  });
});

describe('validateDataset sources', () => {
  it('flags two source files for the same URL', () => {
    const files = withEdit('data/sources/afp-france24-up-to-225-killed.json', (s) => (s.url = 'https://tass.com/world/1107319'));
    expect(lines(files)).toContain('data/sources/tass-ap-shot-down-unintentionally.json: url: source "afp-france24-up-to-225-killed" already has this URL; cite that id instead');
  });

  describe('lexicons and signatures', () => {
    const SARINA = 'data/claims/2022-sarina-esmailzadeh-suicide.json';
    const SUICIDE = 'data/lexicons/suicide.json';
    type Sig = { id: string; all: (string | string[])[]; context?: string };
    const sigs = (c: Record<string, unknown>) => c.signatures as Sig[];

    it('names an unknown concept in a signature slot, by file and field', () => {
      const files = withEdit(SARINA, (c) => (sigs(c)[0]!.all[1] = '@suicde'));
      expect(lines(files)).toContain(`${SARINA}: signatures[0].all[1]: unknown concept "@suicde": add data/lexicons/suicde.json or fix the name`);
    });

    it('names an unknown concept inside a list of alternatives', () => {
      const files = withEdit(SARINA, (c) => (sigs(c)[0]!.all[0] = ['@suicide', '@nowhere']));
      expect(lines(files)).toContain(`${SARINA}: signatures[0].all[0][1]: unknown concept "@nowhere": add data/lexicons/nowhere.json or fix the name`);
    });

    it('refuses an empty lexicon term', () => {
      const files = withEdit(SUICIDE, (l) => ((l.terms as { en: string[] }).en[0] = ''));
      expect(lines(files).join('\n')).toContain(`${SUICIDE}: terms.en[0]: must not be empty`);
    });

    it('refuses a term the normaliser turns into nothing', () => {
      const files = withEdit(SUICIDE, (l) => (l.terms as { fa: string[] }).fa.push('\u200c\u064b'));
      expect(lines(files).join('\n')).toMatch(/data\/lexicons\/suicide\.json: terms\.fa\[\d+\]: ".*": ".*" has no letters or digits the matcher can read/);
    });

    it('refuses a literal slot with nothing to match', () => {
      const files = withEdit(SARINA, (c) => (sigs(c)[0]!.all[1] = '!!'));
      expect(lines(files)).toContain(`${SARINA}: signatures[0].all[1]: "!!": "!!" has no letters or digits the matcher can read`);
    });

    it('refuses a term listed twice', () => {
      const files = withEdit(SUICIDE, (l) => (l.terms as { en: string[] }).en.push('Suicide'));
      expect(lines(files).join('\n')).toMatch(/terms\.en\[\d+\]: "Suicide" is listed twice \(also terms\.en\[0\]\)/);
    });

    it('reports a lexicon no signature uses', () => {
      const text = real().find((f) => f.path === SUICIDE)!.text.replace('"id": "suicide"', '"id": "orphan-concept"');
      expect(lines([...real(), { path: 'data/lexicons/orphan-concept.json', text }])).toContain(
        'data/lexicons/orphan-concept.json: id: no claim signature uses this concept; remove the file or use it',
      );
    });

    it('refuses a signature that needs context its claim can never have', () => {
      const files = withEdit(SARINA, (c) => delete c.context).map((f) =>
        f.path === 'data/incidents/2022-death-of-sarina-esmailzadeh.json' ? { path: f.path, text: canonicalJson({ ...JSON.parse(f.text), cues: undefined }) } : f,
      );
      expect(lines(files).join('\n')).toContain(`${SARINA}: signatures[0].context: needs incident context`);
    });

    const NIKA_INCIDENT = 'data/incidents/2022-death-of-nika-shakarami.json';

    it('names a partOf that is unknown, the incident itself, or two levels deep', () => {
      expect(lines(withEdit(NIKA_INCIDENT, (i) => (i.partOf = 'nowhere')))).toContain(
        `${NIKA_INCIDENT}: partOf: no incident "nowhere": add data/incidents/nowhere.json or fix the id`,
      );
      expect(lines(withEdit(NIKA_INCIDENT, (i) => (i.partOf = '2022-death-of-nika-shakarami')))).toContain(
        `${NIKA_INCIDENT}: partOf: an incident cannot be part of itself`,
      );
      const deep = withEdit('data/incidents/2022-killing-of-kian-pirfalak.json', (i) => (i.partOf = '2022-death-of-nika-shakarami'));
      expect(lines(deep).join('\n')).toContain(
        'data/incidents/2022-killing-of-kian-pirfalak.json: partOf: "2022-death-of-nika-shakarami" is itself part of "2022-woman-life-freedom-crackdown"',
      );
    });

    it('names a hint that cannot match or that is already a cue', () => {
      const files = withEdit(NIKA_INCIDENT, (i) => {
        const cue = (i.cues as { text: string }[])[0]!.text;
        i.hints = [
          { text: '...', lang: 'en' },
          { text: cue, lang: 'en' },
        ];
      });
      const out = lines(files).join('\n');
      expect(out).toMatch(new RegExp(`${NIKA_INCIDENT}: hints\\[0\\]\\.text: `));
      expect(out).toMatch(new RegExp(`${NIKA_INCIDENT}: hints\\[1\\]\\.text: ".+" is already a cue of this incident`));
    });

    it('names a one-word Persian cue or hint the stemmer shortens, and accepts it written with *', () => {
      const AMINI = 'data/incidents/2022-death-of-mahsa-amini.json';
      const withCue = (text: string) => withEdit(AMINI, (i) => (i.cues as { text: string; lang: string }[]).push({ text, lang: 'fa' }));
      expect(lines(withCue('پزشکیان')).join('\n')).toContain(
        `"پزشکیان" is matched on its stem «پزشک», which other words share; write "پزشکیان*" to match the name as written`,
      );
      expect(lines(withCue('پزشکیان*'))).toEqual([]);
      // A word the stemmer leaves whole, and a name of two words, are fine as they are.
      expect(lines(withCue('ایذه'))).toEqual([]);
      expect(lines(withCue('نیکا شاکرمی'))).toEqual([]);
    });

    it('accepts context "none" without cues', () => {
      const files = withEdit(SARINA, (c) => sigs(c).forEach((s) => (s.context = 'none')));
      expect(lines(files).filter((l) => l.includes('.context'))).toEqual([]);
    });
  });
});
