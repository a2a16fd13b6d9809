import { describe, expect, test } from 'vitest';
import { normalizeText, toOriginalRange } from '../../utils/engine/index';
import { mulberry32 } from '../../scripts/lib/seeded-random';

const norm = (s: string): string => normalizeText(s).text;

describe('normalizeText rules', () => {
  test.each([
    ['case', 'Iran SAID', 'iran said'],
    ['Latin accents dropped', 'Résumé naïve', 'resume naive'],
    ['NFKC ligature', 'ﬁne', 'fine'],
    ['NFKC full-width', 'ＩＲＡＮ１２', 'iran12'],
    ['Arabic yeh → Persian yeh', 'علي', 'علی'],
    ['alef maksura → Persian yeh', 'مصطفى', 'مصطفی'],
    ['Arabic kaf → Persian keheh', 'كشته', 'کشته'],
    ['hamza on alef', 'أحمد إيران آزادی', 'احمد ایران ازادی'],
    ['hamza on waw and yeh', 'مؤمن مسئول', 'مومن مسیول'],
    ['standalone hamza dropped', 'اجزاء', 'اجزا'],
    ['teh marbuta → heh', 'مدرسة', 'مدرسه'],
    ['heh with yeh above', 'خانۀ', 'خانه'],
    ['harakat dropped', 'إِنَّ الْحَمْدَ', 'ان الحمد'],
    ['superscript alef dropped', 'هٰذا', 'هذا'],
    ['tatweel dropped', 'ایـــران', 'ایران'],
    ['ZWNJ dropped', 'می\u200Cشود', 'میشود'],
    ['ZWJ and zero-width space dropped', 'a\u200Db\u200Bc', 'abc'],
    ['bidi controls dropped', '\u202Bسلام\u202C \u200Fx\u200E \u2067y\u2069 \u061Cz', 'سلام x y z'],
    ['BOM and word joiner dropped', '\uFEFFa\u2060b', 'ab'],
    ['soft hyphen dropped', 'execu\u00ADtions', 'executions'],
    ['Persian digits', '۱۴۰۴ و ۳۱۱۷', '1404 و 3117'],
    ['Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Arabic punctuation', 'بله، نه؛ چرا؟ ۳٫۵', 'بله, نه; چرا? 3.5'],
    ['curly quotes', '\u201Cbig lie\u201D \u2018no\u2019', '"big lie" \'no\''],
    ['guillemets', '«دروغ بزرگ» ‹x›', '"دروغ بزرگ" "x"'],
    ['dashes', 'a\u2013b\u2014c\u2212d\u2010e', 'a-b-c-d-e'],
    ['whitespace collapsed', 'a \t\n\u00A0\u2003 b', 'a b'],
    ['whitespace with dropped chars between collapses once', 'a \u200C  b', 'a b'],
    ['Arabic presentation forms', '\uFEFB \uFEE3', 'لا م'],
    ['Latin digits untouched', 'Flight 752, 176 dead', 'flight 752, 176 dead'],
  ])('%s', (_name, input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  test('surrogate pairs survive', () => {
    expect(norm('a😀B')).toBe('a😀b');
  });

  test('lone surrogates are kept as they are', () => {
    expect(norm('a\uD800b\uDC00')).toBe('a\uD800b\uDC00');
  });

  test('mathematical alphanumerics (astral NFKC) fold', () => {
    expect(norm('𝐈𝐫𝐚𝐧')).toBe('iran');
  });
});

describe('offset map', () => {
  test('has one entry per normalised unit plus the end', () => {
    const r = normalizeText('Héllo  wörld');
    expect(r.toOriginal.length).toBe(r.text.length + 1);
    expect(r.toOriginal[r.text.length]).toBe('Héllo  wörld'.length);
  });

  test('maps words back exactly, through ZWNJ, harakat and collapsed spaces', () => {
    const original = 'گفت  «هواپیما  مورد اصابتِ موشک» نبود';
    const r = normalizeText(original);
    const i = r.text.indexOf('موشک');
    const range = toOriginalRange(r, i, i + 'موشک'.length);
    expect(original.slice(range.start, range.end)).toBe('موشک');
    const j = r.text.indexOf('اصابت');
    const range2 = toOriginalRange(r, j, j + 'اصابت'.length);
    expect(original.slice(range2.start, range2.end)).toBe('اصابتِ'); // the trailing kasra belongs to the word
  });

  test('a range ending inside a ligature extends to its end', () => {
    const original = 'x ﬁne';
    const r = normalizeText(original);
    expect(r.text).toBe('x fine');
    expect(toOriginalRange(r, 2, 3)).toEqual({ start: 2, end: 3 }); // "f" → the whole "ﬁ"
  });

  test('decomposed combining marks stay with their base letter', () => {
    const original = 'cafe\u0301 noir';
    const r = normalizeText(original);
    expect(r.text).toBe('cafe noir');
    expect(original.slice(...Object.values(toOriginalRange(r, 0, 4)))).toBe('cafe\u0301');
  });

  // Deterministic random strings from a pool with every kind of hard character.
  const POOL = [
    'a', 'Z', ' ', '\n', '\t', '\u00A0', 'é', 'e\u0301', 'ﬁ', 'Ａ', '😀', '👩\u200D🔬', '𝐈', '\uD800', '\uDC00',
    'ي', 'ك', 'أ', 'ۀ', 'ة', 'ء', 'ـ', '\u064E', '\u0651', '\u200C', '\u200F', '\u202E', '\u00AD', '۴', '٧',
    '«', '»', '\u201C', '\u2014', 'می', 'ایران', 'İ', 'ß', 'ﷲ', '\uFEFB',
  ];
  const rng = mulberry32;

  test.each(Array.from({ length: 200 }, (_, i) => i))('round-trips on random string #%i', (seed) => {
    const rand = rng(seed + 1);
    let original = '';
    const len = 1 + Math.floor(rand() * 30);
    for (let k = 0; k < len; k++) original += POOL[Math.floor(rand() * POOL.length)]!;
    const r = normalizeText(original);
    const map = r.toOriginal;
    expect(map.length).toBe(r.text.length + 1);
    expect(map[r.text.length]).toBe(original.length);
    for (let i = 0; i < r.text.length; i++) {
      // Non-decreasing, inside the original, never pointing at the low half of a surrogate pair.
      expect(map[i]!).toBeLessThanOrEqual(map[i + 1]!);
      expect(map[i]!).toBeLessThan(original.length);
      const c = original.charCodeAt(map[i]!);
      const prev = map[i]! > 0 ? original.charCodeAt(map[i]! - 1) : 0;
      expect(c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff).toBe(false);
    }
    // Normalising each mapped original unit-range reproduces the normalised text piece by piece.
    let rebuilt = '';
    let i = 0;
    while (i < r.text.length) {
      let j = i + 1;
      while (j < r.text.length && map[j] === map[i]) j++;
      const { start, end } = toOriginalRange(r, i, j);
      const piece = normalizeText(original.slice(start, end)).text;
      rebuilt += piece;
      i = j;
    }
    // Whitespace collapsing works across pieces, so compare with spaces collapsed.
    expect(rebuilt.replace(/ +/g, ' ')).toBe(r.text);
    // Idempotent.
    expect(normalizeText(r.text).text).toBe(r.text);
  });
});
