/**
 * Concept lexicons and claim signatures, compiled for the matcher (build time) and checked for editors.
 *
 * A lexicon term is a word or an expression as the language writes it. It is normalised and tokenised
 * exactly like page text, then each word is stemmed, so "fabrications", "fabricated" and "fabricate" meet
 * where the stemmer folds them, and Persian terms match with or without ZWNJ, with Arabic letter forms, and
 * with plural or ezafe endings. Two marks extend a term:
 *   `word*`  any word starting with `word` (on the normalised, unstemmed word): "fabricat*"
 *   `...`    up to {@link GAP_WORDS} words in between: "fell ... building"
 * Pure: no DOM, no `browser`.
 */
import { normalizeText } from './normalize-text';
import { stem, tokenize } from './tokenize';

/** How many words `...` may stand for. */
export const GAP_WORDS = 3;

/** One compiled expression: its words, each an exact stem or a prefix of the normalised word. */
export interface CompiledTerm {
  words: string[];
  /** Bit k set: word k is a prefix (written `word*`). */
  prefix: number;
  /** Bit k set: up to GAP_WORDS words may stand before word k (written `... word`). */
  gap: number;
}

const MAX_WORDS = 12;

/**
 * Compile one lexicon term or signature literal. Returns the variants to match (a Persian term with ZWNJ
 * also as separate words), or an error saying why it cannot match anything.
 */
export function compileTerm(text: string): { variants: CompiledTerm[] } | { error: string } {
  const raw = text.trim();
  if (!raw) return { error: 'empty term' };
  const spellings = new Set([raw]);
  if (raw.includes('\u200c')) spellings.add(raw.replace(/\u200c/g, ' '));
  const variants: CompiledTerm[] = [];
  for (const spelling of spellings) {
    const parts = spelling.split(/\s*\.\.\.\s*|\s*…\s*/);
    if (parts.some((p) => p.trim() === '')) return { error: '"..." must stand between two words' };
    const words: string[] = [];
    let prefix = 0;
    let gap = 0;
    for (let pi = 0; pi < parts.length; pi++) {
      const tokens = tokenize(normalizeText(parts[pi]!).text);
      if (tokens.length === 0) return { error: `"${parts[pi]}" has no letters or digits the matcher can read` };
      tokens.forEach((t, ti) => {
        const k = words.length;
        if (pi > 0 && ti === 0) gap |= 1 << k;
        // A trailing * on this word in the source text: prefix match on the normalised word.
        const after = parts[pi]!;
        const isLast = ti === tokens.length - 1;
        if (isLast && /\*\s*$/.test(after)) {
          prefix |= 1 << k;
          words.push(t.word);
        } else {
          words.push(stem(t.word));
        }
      });
    }
    if (words.length > MAX_WORDS) return { error: `too long: at most ${MAX_WORDS} words` };
    if (words.some((w, k) => (prefix & (1 << k)) !== 0 && w.length < 3)) {
      return { error: 'a word ending in * needs at least 3 letters before the *' };
    }
    variants.push({ words, prefix, gap });
  }
  return { variants };
}

/** A concept reference in a signature slot: "@denial-words" → "denial-words"; null for a literal. */
export function conceptRef(slot: string): string | null {
  return slot.startsWith('@') ? slot.slice(1) : null;
}
