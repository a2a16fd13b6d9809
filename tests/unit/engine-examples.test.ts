// Every claim's own examples run through the engine: "match" sentences must match that claim,
// "noMatch" sentences must match nothing at all.
import { describe, expect, test } from 'vitest';
import { buildMatchIndex, loadMatchIndex, matchText } from '../../utils/engine/index';
import { loadClaims, loadSignatureData } from '../../scripts/lib/engine-data';
import type { Claim } from '../../data/schema/index';

// Validity itself is data:check's job; here every claim file that parses takes part, as in the CLI.
const all = loadClaims();
const claims = all.filter((c): c is typeof c & Pick<Claim, 'examples'> => 'examples' in c && c.examples !== undefined);
const index = loadMatchIndex(buildMatchIndex(all, loadSignatureData()));

test('there are claims with examples to run', () => {
  expect(claims.length).toBeGreaterThan(0);
});

describe.each(claims.map((c) => [c.id, c] as const))('%s', (id, claim) => {
  test.each(claim.examples.match)('matches: %s', (sentence) => {
    expect(matchText(sentence, index).map((m) => m.claimId)).toContain(id);
  });
  test.each(claim.examples.noMatch)('stays silent: %s', (sentence) => {
    expect(matchText(sentence, index).map((m) => `${m.claimId}: ${sentence.slice(m.start, m.end)}`)).toEqual([]);
  });
});
