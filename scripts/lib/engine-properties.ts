// Property-based checks of the engine on random Unicode, shared by the unit tests (a few seconds' worth of
// cases inside `npm test`) and the nightly fuzz run (`npm run fuzz`, FUZZ_RUNS cases). Node and vitest.
import fc from 'fast-check';
import {
  matchBlocks,
  matchText,
  normalizeText,
  toOriginalRange,
  type IndexableClaim,
  type MatchIndex,
  type MatchWhy,
} from '../../utils/engine/index';

/**
 * Characters that break naive text code: surrogate pairs (emoji, ZWJ sequences, mathematical letters), lone
 * surrogates, combining marks, Arabic harakat and tatweel, bidi controls and isolates, ZWNJ/ZWJ, soft hyphen,
 * BOM, ligatures that expand under NFKC, case folds that change length, Persian and Arabic letter variants and
 * digits, every kind of space and line break.
 */
export const HARD_PIECES: readonly string[] = [
  '😀', '👩\u200D🔬', '🇮🇷', '𝐈', '𝕒', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
  'e\u0301', '\u0301', '\u0300\u0323', 'ﬁ', 'ﬃ', 'Ａ', 'İ', 'ß', 'ẞ', 'ǅ', 'ﷲ', '\uFEFB', '\uFDFA',
  'ي', 'ك', 'ى', 'ئ', 'أ', 'إ', 'آ', 'ۀ', 'ة', 'ء', 'ـ', '\u064E', '\u064B', '\u0651', '\u0670', '۴', '٧', '٫',
  '\u200C', '\u200D', '\u200B', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
  '\u2066', '\u2067', '\u2068', '\u2069', '\u061C', '\u00AD', '\uFEFF', '\u034F',
  ' ', '  ', '\t', '\n', '\r\n', '\u2028', '\u2029', '\u00A0', '\u3000', '\u2009',
  '«', '»', '\u201C', '\u201D', '\u2019', '\u2014', '\u2212', '.', '!', '؟', '،', '"', "'", '(', ')',
  'می', 'نمی', 'ایران', 'دروغ', 'محض', 'مرگ', 'اعدام', 'کشته', 'زندان',
];

/** Words of the dataset's phrasings (English and Persian), so random text comes near real claims. */
export function phrasingWords(claims: readonly IndexableClaim[]): string[] {
  const words = new Set<string>();
  for (const c of claims) for (const p of c.phrasings) for (const w of p.text.split(/\s+/)) if (w) words.add(w);
  return [...words].sort();
}

/** The dataset's phrasings themselves, to be garbled. */
export function phrasingTexts(claims: readonly IndexableClaim[]): string[] {
  return claims.flatMap((c) => c.phrasings.map((p) => p.text));
}

/**
 * Random text: any code points (lone surrogates included), graphemes, hard pieces, phrasing words, and whole
 * phrasings with hard pieces pushed between their characters (so the matcher fires on garbled input and its
 * offsets get checked, not only its silence).
 */
export function textArbitrary(words: readonly string[], phrasings: readonly string[], maxPieces = 60): fc.Arbitrary<string> {
  const hard = fc.constantFrom(...HARD_PIECES);
  const garbled = fc
    .tuple(fc.constantFrom(...phrasings), fc.array(fc.tuple(fc.nat(), hard), { maxLength: 4 }))
    .map(([text, inserts]) => {
      let out = text;
      for (const [at, piece] of inserts) {
        const i = at % (out.length + 1);
        out = out.slice(0, i) + piece + out.slice(i);
      }
      return out;
    });
  const piece = fc.oneof(
    { weight: 3, arbitrary: hard },
    { weight: 3, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: garbled },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 8 }) },
  );
  return fc.array(piece, { maxLength: maxPieces, size: 'max' }).map((pieces) => pieces.join(''));
}

/** One very long text (hundreds of thousands of UTF-16 units) built from a short random one repeated. */
export function longTextArbitrary(words: readonly string[], phrasings: readonly string[], minLength = 100_000): fc.Arbitrary<string> {
  return fc
    .tuple(textArbitrary(words, phrasings, 40), fc.boolean())
    .map(([seed, oneLine]) => {
      const unit = (seed.length > 0 ? seed : 'x') + (oneLine ? ' ' : '\n');
      return unit.repeat(Math.ceil(minLength / unit.length));
    });
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether offset `i` falls between the two halves of a surrogate pair of `s`. */
const splitsPair = (s: string, i: number) => i > 0 && i < s.length && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1));

/** Throws with a readable message; fast-check shrinks the input that made it throw. */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

/** An offset range [start, end) inside a text of `length` units, in order. */
function checkRange(what: string, start: number, end: number, length: number): void {
  check(
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length,
    () => `${what}: [${start}, ${end}) is not an ordered range inside the text (length ${length})`,
  );
}

/** The normaliser's offset map on `input`: full length, non-decreasing, inside the input, never mid-pair. */
export function checkNormalize(input: string, cut: [number, number]): void {
  const norm = normalizeText(input);
  const map = norm.toOriginal;
  check(map.length === norm.text.length + 1, () => `map length ${map.length} for text length ${norm.text.length}`);
  check(map[norm.text.length] === input.length, () => `map ends at ${map[norm.text.length]}, not ${input.length}`);
  for (let i = 0; i < norm.text.length; i++) {
    check(map[i]! <= map[i + 1]!, () => `map decreases at ${i}`);
    check(map[i]! >= 0 && map[i]! < input.length, () => `map[${i}] = ${map[i]} outside the input`);
    check(!splitsPair(input, map[i]!), () => `map[${i}] points into a surrogate pair`);
  }
  // Any normalised range maps to an ordered original range that does not cut a surrogate pair.
  const n = norm.text.length;
  const a = n === 0 ? 0 : cut[0] % (n + 1);
  const b = n === 0 ? 0 : a + (cut[1] % (n - a + 1));
  const range = toOriginalRange(norm, a, b);
  checkRange(`toOriginalRange(${a}, ${b})`, range.start, range.end, input.length);
  check(!splitsPair(input, range.start) && !splitsPair(input, range.end), () => `toOriginalRange(${a}, ${b}) cuts a surrogate pair`);
  if (b > a) check(range.end > range.start, () => `non-empty range ${a}..${b} maps to an empty one`);
}

/** The why field's offsets (terms, and the context cue when it has offsets), inside the text they belong to. */
function checkWhy(why: MatchWhy | undefined, length: number, blockLength?: (block: number) => number | undefined): void {
  if (!why) return;
  for (const t of why.terms ?? []) {
    // A term in another block (a signature across a paragraph break) is inside that block.
    const len = t.block !== undefined && blockLength ? blockLength(t.block) : length;
    check(len !== undefined, () => `why term in block ${t.block}, which does not exist`);
    checkRange(`why term "${t.text}"`, t.start, t.end, len!);
  }
  const c = why.context;
  if (c && c.start !== undefined && c.end !== undefined) {
    const len = c.block !== undefined && blockLength ? blockLength(c.block) : length;
    check(len !== undefined, () => `why context in block ${c.block}, which does not exist`);
    checkRange(`why context "${c.text}"`, c.start, c.end, len!);
  }
}

/** matchText on `text`: no exception, every match (and its why offsets) inside the text, ordered by start. */
export function checkMatchText(text: string, index: MatchIndex, claimIds: ReadonlySet<string>): number {
  const matches = matchText(text, index);
  let previous = -1;
  for (const m of matches) {
    checkRange(`match ${m.claimId}`, m.start, m.end, text.length);
    check(m.end > m.start, () => `empty match ${m.claimId} at ${m.start}`);
    check(m.start >= previous, () => `match ${m.claimId} at ${m.start} comes after one at ${previous}`);
    check(m.score >= 0 && m.score <= 1, () => `score ${m.score} outside [0, 1]`);
    check(claimIds.has(m.claimId), () => `unknown claim id ${m.claimId}`);
    checkWhy(m.why, text.length);
    previous = m.start;
  }
  return matches.length;
}

/** matchBlocks on `blocks`: block indices valid, offsets inside their block, ordered by block then start. */
export function checkMatchBlocks(blocks: readonly string[], index: MatchIndex, claimIds: ReadonlySet<string>): number {
  const matches = matchBlocks(blocks, index, { headline: blocks[0] ?? '' });
  let previous: [number, number] = [-1, -1];
  for (const m of matches) {
    const block = blocks[m.block];
    check(block !== undefined, () => `match in block ${m.block} of ${blocks.length}`);
    checkRange(`match ${m.claimId} in block ${m.block}`, m.start, m.end, block!.length);
    check(m.end > m.start, () => `empty match ${m.claimId}`);
    check(
      m.block > previous[0] || (m.block === previous[0] && m.start >= previous[1]),
      () => `match at block ${m.block}:${m.start} comes after ${previous.join(':')}`,
    );
    check(claimIds.has(m.claimId), () => `unknown claim id ${m.claimId}`);
    checkWhy(m.why, block!.length, (b) => blocks[b]?.length);
    previous = [m.block, m.start];
  }
  return matches.length;
}

/** The properties with their inputs, for `fc.assert` with any number of runs. */
export function engineProperties(index: MatchIndex, claims: readonly IndexableClaim[]) {
  const words = phrasingWords(claims);
  const phrasings = phrasingTexts(claims);
  const claimIds = new Set(claims.map((c) => c.id));
  const text = textArbitrary(words, phrasings);
  const counts = { matches: 0 };
  return {
    counts,
    normalize: fc.property(text, fc.tuple(fc.nat(), fc.nat()), (s, cut) => checkNormalize(s, cut)),
    matchText: fc.property(text, (s) => {
      counts.matches += checkMatchText(s, index, claimIds);
    }),
    matchBlocks: fc.property(fc.array(text, { maxLength: 8, size: 'max' }), (blocks) => {
      counts.matches += checkMatchBlocks(blocks, index, claimIds);
    }),
    /** Few runs: each case is 100,000+ units. */
    longText: fc.property(longTextArbitrary(words, phrasings), fc.tuple(fc.nat(), fc.nat()), (s, cut) => {
      checkNormalize(s, cut);
      counts.matches += checkMatchText(s, index, claimIds);
    }),
  };
}
