// Bad input for the engine: random Unicode through the normaliser and the matcher (with the real index built
// from data/). A few seconds' worth of cases here; `npm run fuzz` runs the same properties 100,000 times.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadClaims, loadIndex } from '../../scripts/lib/engine-data';
import { checkMatchText, engineProperties } from '../../scripts/lib/engine-properties';

const claims = loadClaims();
const index = loadIndex();
const properties = engineProperties(index, claims);
// A fixed seed: the same cases on every run, so a failure reproduces; the nightly run varies it.
const SEED = 20_261_203;

describe('engine on random Unicode (fast-check)', () => {
  test('normalizeText / toOriginalRange: full, ordered offset map inside the text, never inside a surrogate pair', () => {
    fc.assert(properties.normalize, { numRuns: 3_000, seed: SEED });
  });

  test('matchText: no exception, matches and their why offsets inside the text, ordered', () => {
    fc.assert(properties.matchText, { numRuns: 1_500, seed: SEED });
  });

  test('matchBlocks: block indices valid, offsets inside their block, ordered by block then start', () => {
    fc.assert(properties.matchBlocks, { numRuns: 600, seed: SEED });
  });

  test('very long texts (100,000+ UTF-16 units) normalise and match', () => {
    fc.assert(properties.longText, { numRuns: 5, seed: SEED });
  });

  test('the random input reaches the matcher: garbled phrasings do get matched', () => {
    // Without this, the properties above could pass on a matcher that never fires.
    console.log(`property-engine: ${properties.counts.matches} matches checked`);
    expect(properties.counts.matches).toBeGreaterThan(20);
  });

  test('a real phrasing passes the checks, and a claim id the index does not know fails them', () => {
    // The checker itself can fail.
    const phrasing = claims[0]!.phrasings[0]!.text;
    expect(checkMatchText(phrasing, index, new Set(claims.map((c) => c.id)))).toBeGreaterThan(0);
    const shortIndex = { ...index };
    expect(() => checkMatchText(phrasing, shortIndex, new Set())).toThrow(/unknown claim id/);
  });
});
