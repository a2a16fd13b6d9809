// Every claim's own examples run through the engine: "match" sentences must match that claim,
// "noMatch" sentences must match nothing at all.
import { describe, expect, test } from 'vitest';
import { buildMatchIndex, loadMatchIndex, matchText } from '../../utils/engine/index';
import { loadDataset } from '../../scripts/lib/engine-data';

const { dataset, problems } = loadDataset(undefined, false);
const claims = dataset?.claims ?? [];
const index = loadMatchIndex(buildMatchIndex(claims));

test('the dataset validates, so its examples can run', () => {
  expect(problems.filter((p) => dataset === null)).toEqual([]);
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
