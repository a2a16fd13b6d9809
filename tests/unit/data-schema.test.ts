import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimSchema, IncidentSchema, SourceSchema, urlProblem } from '../../data/schema/index';
import { formatFieldPath } from '../../data/validate-dataset';

const ROOT = join(import.meta.dirname, '..', '..');
const goodClaim = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'data/claims/ps752-not-hit-by-missile.json'), 'utf8')) as Record<string, unknown>;
const goodSource = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'data/sources/tass-ap-shot-down-unintentionally.json'), 'utf8')) as Record<string, unknown>;
const goodIncident = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'data/incidents/ps752-shootdown.json'), 'utf8')) as Record<string, unknown>;

/** Field paths and messages of a failed parse, as data:check prints them. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return (result.error?.issues ?? []).map((i) => `${formatFieldPath(i.path)}: ${i.message}`);
}

describe('data schemas accept the committed examples', () => {
  it.each([
    ['claim', ClaimSchema, goodClaim],
    ['source', SourceSchema, goodSource],
    ['incident', IncidentSchema, goodIncident],
  ] as const)('%s', (_name, schema, make) => {
    expect(issues(schema.safeParse(make()))).toEqual([]);
  });
});

describe('ClaimSchema rejects bad input', () => {
  const cases: [string, (c: Record<string, unknown>) => void, string][] = [
    ['missing title', (c) => delete c.title, 'title'],
    ['missing statements', (c) => delete c.statements, 'statements'],
    ['title of the wrong type', (c) => (c.title = 42), 'title'],
    ['unknown kind', (c) => (c.kind = 'lie'), 'kind'],
    ['id not kebab-case', (c) => (c.id = 'Not_Kebab'), 'id'],
    ['statement date with a day but no month', (c) => ((c.statements as { date: string }[])[0]!.date = '2020-13'), 'statements[0].date'],
    ['statement date in another format', (c) => ((c.statements as { date: string }[])[0]!.date = '10 Jan 2020'), 'statements[0].date'],
    ['review date without a day', (c) => (c.reviewed = '2026-11'), 'reviewed'],
    ['only two English phrasings', (c) => (c.phrasings = (c.phrasings as unknown[]).slice(0, 2)), 'phrasings'],
    ['phrasing language not en/fa/ar', (c) => ((c.phrasings as { lang: string }[])[0]!.lang = 'de'), 'phrasings[0].lang'],
    ['one must-match example', (c) => ((c.examples as { match: string[] }).match = ['x']), 'examples.match'],
    ['a misspelt field', (c) => (c.rebutal = { en: 'x' }), '(file)'],
    ['verbatim statement without quote', (c) => delete (c.statements as { quote?: string }[])[0]!.quote, 'statements[0].quote'],
    ['empty evidence', (c) => (c.evidence = []), 'evidence'],
    ['phrasing with padding spaces', (c) => ((c.phrasings as { text: string }[])[0]!.text = ' padded '), 'phrasings[0].text'],
  ];
  it.each(cases)('%s', (_name, mutate, field) => {
    const claim = goodClaim();
    mutate(claim);
    const found = issues(ClaimSchema.safeParse(claim));
    expect(found.some((line) => line.startsWith(`${field}:`)), found.join('\n')).toBe(true);
  });

  it('explains a bad date in plain words', () => {
    const claim = goodClaim();
    (claim.statements as { date: string }[])[0]!.date = '2020/01/09';
    expect(issues(ClaimSchema.safeParse(claim))).toContain('statements[0].date: use YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it.each(['2020', '2020-01', '2020-01-09'])('accepts the honest date %s', (date) => {
    const claim = goodClaim();
    (claim.statements as { date: string }[])[0]!.date = date;
    expect(ClaimSchema.safeParse(claim).success).toBe(true);
  });
});

describe('SourceSchema URLs', () => {
  it.each([
    ['javascript:alert(1)', 'only https:// or http://'],
    ['data:text/html,hi', 'only https:// or http://'],
    ['ftp://example.org/x', 'only https:// or http://'],
    ['not a url', 'not a valid URL'],
    ['http://34.235.236.144/mahallati', 'bare IP address'],
    ['https://issuu.com./amnestynorway/docs/x', 'ends with a dot'],
    ['https://www.lranintl.com/en/20211112048072', 'look-alike'],
  ])('rejects %s', (url, words) => {
    expect(urlProblem(url)).toContain(words);
    const source = goodSource();
    source.url = url;
    expect(issues(SourceSchema.safeParse(source)).join('\n')).toContain(`url: `);
  });

  it.each(['https://tass.com/world/1107319', 'http://www.bssnews.net/?p=331969'])('accepts %s', (url) => {
    expect(urlProblem(url)).toBeNull();
  });

  it('requires the mirror and interested-party flags', () => {
    const source = goodSource();
    delete source.mirror;
    delete source.interestedParty;
    expect(issues(SourceSchema.safeParse(source))).toEqual(expect.arrayContaining([expect.stringMatching(/^mirror:/), expect.stringMatching(/^interestedParty:/)]));
  });
});

describe('IncidentSchema', () => {
  it('rejects a figure without sources and a bad start date', () => {
    const incident = goodIncident();
    (incident.figures as { sources: string[] }[])[0]!.sources = [];
    (incident.dates as { start: string }).start = 'January 2020';
    const found = issues(IncidentSchema.safeParse(incident));
    expect(found).toContain('dates.start: use YYYY, YYYY-MM or YYYY-MM-DD');
    expect(found.some((l) => l.startsWith('figures[0].sources:'))).toBe(true);
  });
});
