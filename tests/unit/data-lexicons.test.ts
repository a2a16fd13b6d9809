// The lexicons are tested like code: every term of every concept, written as a page would write it, is
// spotted as that concept by the engine — per language, so no term is silently dead (a stemming or
// normalisation change that broke one would show here, by file and term).
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, loadMatchIndex, normalizeText } from '../../utils/engine/index';
import { spotConcepts } from '../../utils/engine/match-signatures';
import { stem, tokenize } from '../../utils/engine/tokenize';
import { loadClaims, loadSignatureData } from '../../scripts/lib/engine-data';

const data = loadSignatureData();
const index = loadMatchIndex(buildMatchIndex(loadClaims(), data));
const conceptId = new Map(index.json.sig.concepts.map((c, i) => [c, i]));

/** A term as page text: `...` stands for two other words, `*` for an ending. */
function asPageText(term: string, lang: string): string {
  const filler = lang === 'en' ? ' and then ' : ' و سپس ';
  return term.replace(/\s*(\.\.\.|…)\s*/g, filler).replace(/\*/g, lang === 'en' ? 'ed' : 'ها');
}

function spotted(text: string): Set<number> {
  const norm = normalizeText(text);
  const tokens = tokenize(norm.text);
  return new Set(spotConcepts(norm.text, tokens, tokens.map((t) => stem(t.word)), index).byConcept.keys());
}

const cases = data.lexicons.flatMap((lexicon) =>
  Object.entries(lexicon.terms).flatMap(([lang, terms]) => (terms ?? []).map((term) => ({ id: lexicon.id, lang, term }))),
);

describe.each(['en', 'fa'])('lexicon terms (%s)', (lang) => {
  const mine = cases.filter((c) => c.lang === lang);
  it('has terms', () => expect(mine.length).toBeGreaterThan(50));
  it.each(mine.map((c) => [`${c.id}: ${c.term}`, c] as const))('%s', (_name, c) => {
    const id = conceptId.get(`@${c.id}`);
    expect(id, `data/lexicons/${c.id}.json is used by a signature`).toBeDefined();
    expect(spotted(`${lang === 'en' ? 'Yesterday' : 'دیروز'} ${asPageText(c.term, lang)} ${lang === 'en' ? 'again' : 'دوباره'}.`).has(id!)).toBe(true);
  });
});
