import { describe, expect, it } from 'vitest';
import { buildWrongMatchReport, describeMatchScore, MAX_EXCERPT } from '../../utils/report-text';

describe('describeMatchScore', () => {
  it.each([
    [1, 'exact', 100],
    [0.996, 'exact', 100],
    [0.99, 'close', 99],
    [0.85, 'close', 85],
    [0.849, 'loose', 85],
    [0.7, 'loose', 70],
    [1.4, 'exact', 100],
    [-1, 'loose', 0],
    [Number.NaN, 'loose', 0],
  ])('%s → %s %s%%', (score, level, percent) => {
    expect(describeMatchScore(score)).toEqual({ level, percent });
  });
});

describe('buildWrongMatchReport', () => {
  const base = { claimId: '2019-death-tolls-are-pure-lies', phrasing: 'pure lies', matchedText: 'the figures are  pure\nlies', score: 0.93 };

  it('holds the claim, the phrasing, the marked text and the score, on single lines', () => {
    const report = buildWrongMatchReport(base);
    expect(report).toContain('Claim id: 2019-death-tolls-are-pure-lies');
    expect(report).toContain('Known wording that matched: "pure lies"');
    expect(report).toContain('Text marked on the page: "the figures are pure lies"');
    expect(report).toContain('Match: close (93%, score 0.93)');
    expect(report).toContain('nothing has been sent');
  });

  it('includes the page address only when the caller passes it', () => {
    expect(buildWrongMatchReport(base)).not.toMatch(/^Page:/m);
    expect(buildWrongMatchReport(base)).toContain('It does not include the page address.');
    const withUrl = buildWrongMatchReport({ ...base, pageUrl: 'https://news.example/article' });
    expect(withUrl).toContain('Page: https://news.example/article');
    expect(withUrl).toContain('remove it if it could identify you');
  });

  it('shortens a long excerpt', () => {
    const report = buildWrongMatchReport({ ...base, matchedText: 'x'.repeat(MAX_EXCERPT + 50) });
    expect(report).toContain(`"${'x'.repeat(MAX_EXCERPT)}…"`);
  });
});
