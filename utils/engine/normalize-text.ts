/**
 * One-pass text normaliser for matching English, Persian and Arabic news copy.
 *
 * Pure: no DOM, no `browser`, no node:* imports (runs in the content script, vitest and the CLI).
 *
 * Rules, applied per code point (results are cached per code point, so a megabyte costs a few ms):
 * - Unicode compatibility folding (NFKD, then combining marks dropped, recomposed with NFC): covers NFKC's
 *   width/ligature/presentation-form folding, and also strips Latin accents and Arabic harakat.
 * - Case folding (toLowerCase).
 * - Arabic/Persian letters: ي ى ئ → ی, ك → ک, أ إ آ ٱ → ا, ؤ → و, ة ۀ ە → ه, standalone hamza ء dropped.
 * - Dropped: combining marks (harakat, accents), tatweel, ZWNJ/ZWJ and every other format control
 *   (zero-width space, word joiner, BOM, LRM/RLM/ALM, bidi embeddings and isolates), soft hyphen.
 * - Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII; Arabic comma/semicolon/question mark/decimal
 *   separators → ASCII forms.
 * - Curly quotes and guillemets → `"` or `'`; every dash and minus → `-`.
 * - Whitespace runs (incl. NBSP, line breaks and any dropped characters between them) → one space.
 */

/** Result of {@link normalizeText}. */
export interface NormalizedText {
  /** The normalised string. */
  text: string;
  /**
   * Offset map, length `text.length + 1`. `toOriginal[i]` is the UTF-16 offset in the original string of
   * the code point that produced normalised unit `i`; `toOriginal[text.length]` is the original length.
   * Non-decreasing. Characters dropped by normalisation belong to the preceding output unit, so a
   * normalised range `[s, e)` maps to the original range `[toOriginal[s], toOriginal[e])` — use
   * {@link toOriginalRange}, which also handles ranges ending inside a one-to-many expansion (e.g. "ﬁ").
   */
  toOriginal: Int32Array;
}

const DROP = '';

/** Characters whose mapping is fixed by our rules (checked before the generic Unicode path). */
const SPECIAL = new Map<number, string>([
  // Arabic/Persian letter variants
  [0x064a, '\u06cc'], // ي Arabic yeh → Persian yeh
  [0x0649, '\u06cc'], // ى alef maksura → Persian yeh
  [0x0626, '\u06cc'], // ئ yeh with hamza above
  [0x06d2, '\u06cc'], // ے yeh barree
  [0x0643, '\u06a9'], // ك Arabic kaf → Persian keheh
  [0x0623, '\u0627'], // أ
  [0x0625, '\u0627'], // إ
  [0x0622, '\u0627'], // آ
  [0x0671, '\u0627'], // ٱ alef wasla
  [0x0624, '\u0648'], // ؤ
  [0x0629, '\u0647'], // ة teh marbuta → heh (our call: Persian writes ه for the same morpheme)
  [0x06c0, '\u0647'], // ۀ heh with yeh above
  [0x06d5, '\u0647'], // ە ae
  [0x06c1, '\u0647'], // ہ heh goal
  [0x0621, DROP], // ء standalone hamza: spelt or omitted freely
  [0x0640, DROP], // tatweel
  // punctuation
  [0x060c, ','],
  [0x061b, ';'],
  [0x061f, '?'],
  [0x066b, '.'], // Arabic decimal separator
  [0x066c, ','], // Arabic thousands separator
  [0x066a, '%'],
  [0x00ad, DROP], // soft hyphen
  [0x2018, "'"],
  [0x2019, "'"],
  [0x201a, "'"],
  [0x201b, "'"],
  [0x2039, '"'],
  [0x203a, '"'],
  [0x201c, '"'],
  [0x201d, '"'],
  [0x201e, '"'],
  [0x201f, '"'],
  [0x00ab, '"'],
  [0x00bb, '"'],
  [0x2032, "'"],
  [0x2033, '"'],
]);
for (let d = 0; d < 10; d++) {
  SPECIAL.set(0x06f0 + d, String(d)); // Persian digits
  SPECIAL.set(0x0660 + d, String(d)); // Arabic-Indic digits
}
// Dashes and minus signs
for (const cp of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]) SPECIAL.set(cp, '-');

const MARK_OR_FORMAT = /[\p{M}\p{Cf}]/gu;
const SPACE = /^[\s\p{Z}]$/u;
const FORMAT = /^\p{Cf}$/u;

/** Output for one code point: a string, '' to drop it, or ' ' for whitespace (collapsed by the caller). */
function foldCodePoint(cp: number): string {
  const special = SPECIAL.get(cp);
  if (special !== undefined) return special;
  const ch = String.fromCodePoint(cp);
  if (FORMAT.test(ch)) return DROP; // before SPACE: JS counts U+FEFF as whitespace
  if (SPACE.test(ch)) return ' ';
  let out = ch.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARK_OR_FORMAT, '');
  if (out.length === 0) return DROP;
  // Compatibility decompositions can yield characters our table folds further (e.g. presentation forms).
  let folded = '';
  for (const part of out) {
    const p = part.codePointAt(0)!;
    const s = SPECIAL.get(p);
    folded += s !== undefined ? s : SPACE.test(part) ? ' ' : part;
  }
  out = folded.normalize('NFC');
  return out;
}

// ASCII fast path, then a cache for everything else.
const ASCII = new Array<string>(128);
for (let c = 0; c < 128; c++) ASCII[c] = foldCodePoint(c);
const cache = new Map<number, string>();

function fold(cp: number): string {
  if (cp < 128) return ASCII[cp]!;
  let v = cache.get(cp);
  if (v === undefined) {
    v = foldCodePoint(cp);
    if (cache.size < 65536) cache.set(cp, v);
  }
  return v;
}

/**
 * Normalise `input` for matching (rules in the module comment) and return the offset map back to it.
 * Lone surrogates are kept as they are. Leading/trailing whitespace is kept (collapsed), never trimmed.
 */
export function normalizeText(input: string): NormalizedText {
  const n = input.length;
  const out: string[] = [];
  // Worst case every code point expands; grow when needed.
  let map = new Int32Array(n + 1);
  let len = 0;
  let lastWasSpace = false;

  for (let i = 0; i < n; ) {
    const c = input.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const f = c >= 0xd800 && c <= 0xdfff && width === 1 ? input[i]! : fold(cp);
    if (f.length > 0) {
      const isSpace = f === ' ';
      if (!(isSpace && lastWasSpace)) {
        if (len + f.length + 1 > map.length) {
          const bigger = new Int32Array(Math.max(map.length * 2, len + f.length + 1));
          bigger.set(map);
          map = bigger;
        }
        out.push(f);
        for (let k = 0; k < f.length; k++) map[len++] = i;
      }
      lastWasSpace = isSpace;
    }
    i += width;
  }
  map[len] = n;
  return { text: out.join(''), toOriginal: map.length === len + 1 ? map : map.slice(0, len + 1) };
}

/**
 * Map a normalised range `[start, end)` (UTF-16 offsets into `norm.text`, `start < end`) to the original
 * string's UTF-16 range. The end is extended past any one-to-many expansion it falls inside, and past
 * characters dropped right after the range (e.g. harakat or ZWNJ on the last letter).
 */
export function toOriginalRange(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const map = norm.toOriginal;
  const s = map[start]!;
  if (end <= start) return { start: s, end: s };
  const last = map[end - 1]!;
  let j = end;
  while (j < norm.text.length && map[j]! === last) j++;
  return { start: s, end: map[j]! };
}
