import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatCitation, sourceLine } from '../../utils/citation';
import { aminiClaim, sources, tribunalClaim } from '../components/claim-card-fixtures';

describe('formatCitation, plain text', () => {
  const plain = formatCitation(aminiClaim, sources, 'plain');

  it('starts with the claim title and says who said it, when and where', () => {
    expect(plain.split('\n')[0]).toBe(aminiClaim.title);
    expect(plain).toContain(
      '- Tehran police (Greater Tehran police command), 2022-09-16, Police statement carried by Iranian media: “suffered sudden heart failure” (as reported by the BBC)',
    );
    expect(plain).toContain("“Mahsa Amini's death was not caused by blows to the head and vital organs and limbs of the body” (verbatim)");
  });

  it('gives the rebuttal, the strength and every source with its exact URL', () => {
    expect(plain).toContain(`What the evidence shows: ${aminiClaim.rebuttal.en}`);
    expect(plain).toContain('Strength of evidence: corroborated by two or more independent sources');
    const ids = new Set([...aminiClaim.evidence.map((e) => e.source), ...aminiClaim.statements.flatMap((s) => s.sources)]);
    for (const id of ids) expect(plain).toContain(sources[id]!.url);
    // A source cited for both a statement and the evidence is listed once.
    expect(plain.split(sources['bbc-healthadviserpro-amini-unfortunate']!.url)).toHaveLength(2);
  });

  it('ends with the dataset and review date, and has no Markdown markup', () => {
    expect(plain.trimEnd().split('\n').at(-1)).toBe(`Right to Truth dataset, reviewed 2026-11-20 (claim ${aminiClaim.id}).`);
    expect(plain).not.toMatch(/\*\*|\]\(/);
  });

  it('marks a reportedly statement, caveats, single source and flags', () => {
    const text = formatCitation(tribunalClaim, sources, 'plain');
    expect(text).toContain('(reportedly; not confirmed; attributed to him by unnamed European sources in a tweet by the Aban Tribunal; denied by the UK)');
    expect(text).toContain('Strength of evidence: single source');
    expect(text).toContain('Caveat: The remark is known only through unnamed European sources');
    expect(text).toContain('https://justice4iran.org/16449/ [interested party]');
    expect(text).toContain('https://justice4iran.org/16150/ [mirror copy]');
  });

  it('leaves out sources that are missing from the map', () => {
    const text = formatCitation(aminiClaim, {}, 'plain');
    expect(text).not.toContain('Evidence sources:');
    expect(text).toContain('Right to Truth dataset, reviewed');
  });
});

describe('formatCitation, Markdown', () => {
  const md = formatCitation(aminiClaim, sources, 'markdown');

  it('bolds the title and links each source title to its URL', () => {
    expect(md.split('\n')[0]).toBe('**Officials say Mahsa Amini died of illness, not of blows**');
    expect(md).toContain(
      '- JURIST, [UN fact-finding mission concludes death of Mahsa Amini in Iranian custody unlawful](https://jurist.org/news/2024/03/un-fact-finding-mission-concludes-death-of-mahsa-amini-in-iranian-custody-unlawful), 2024-03',
    );
    expect(md).toContain('*Right to Truth dataset, reviewed 2026-11-20 (claim `2022-amini-died-of-underlying-disease`).*');
  });

  it('escapes text that would otherwise become markup', () => {
    expect(md).toContain('DW \\(via National Herald\\)');
    expect(escapeMarkdown('a *b* [c](d) _e_')).toBe('a \\*b\\* \\[c\\]\\(d\\) \\_e\\_');
  });

  it('keeps parentheses inside a URL from ending the link', () => {
    const line = sourceLine({ ...sources['jurist-ffm-amini-unlawful']!, url: 'https://example.org/a_(b)' }, 'markdown');
    expect(line).toContain('](https://example.org/a_\\(b\\))');
  });
});
