// The whole committed dataset, loaded as data:check loads it, plus the content rules.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../data/validate-dataset';
import { readKnownUrls } from '../../scripts/lib/known-urls';
import { readDataFiles } from '../../scripts/lib/read-data-files';

const ROOT = join(import.meta.dirname, '..', '..');
const knownUrls = readKnownUrls(ROOT);
const { dataset, problems } = validateDataset(readDataFiles(ROOT), knownUrls ? { knownUrls } : {});

describe('the committed dataset', () => {
  it('has no problems (URLs checked when ../shared/research/sources.tsv is present)', () => {
    expect(problems.map((p) => `${p.path}: ${p.field}: ${p.message}`)).toEqual([]);
    expect(dataset).not.toBeNull();
  });

  const claims = dataset?.claims ?? [];
  const sources = new Map((dataset?.sources ?? []).map((s) => [s.id, s]));

  it.each(claims.map((c) => [c.id, c] as const))('%s: Persian phrasings come with Persian examples', (_id, claim) => {
    if (!claim.phrasings.some((p) => p.lang === 'fa')) return;
    const persian = /[\u0600-\u06FF]/;
    expect(claim.examples.match.some((s) => persian.test(s))).toBe(true);
  });

  it.each(claims.map((c) => [c.id, c] as const))('%s: "reportedly" statements carry a caveat', (_id, claim) => {
    if (claim.statements.some((s) => s.status === 'reportedly')) expect(claim.caveats?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(claims.map((c) => [c.id, c] as const))('%s: corroborated claims cite evidence from two or more sources', (_id, claim) => {
    if (claim.strength === 'corroborated') expect(new Set(claim.evidence.map((e) => e.source)).size).toBeGreaterThanOrEqual(2);
  });

  it('shows no source with a bare IP host or a look-alike domain', () => {
    for (const source of sources.values()) expect(source.url).not.toMatch(/^https?:\/\/(\d+\.){3}\d+|lranintl|\.com\.\//);
  });
});
