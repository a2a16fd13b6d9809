/**
 * Word tokens and light stemming over NORMALISED text (see normalize-text.ts).
 *
 * A token's `term` is what the index compares: a lower-case stem, with negations folded to one term
 * ("not", "no", "never", "n't", "cannot" → `not`). Persian verb prefixes (می/نمی) and plural suffixes
 * (ها/های) written as separate words are glued to their word, so "می شود", "می‌شود" and "میشود" agree.
 */

export interface Token {
  /** Offsets into the normalised text, UTF-16, end exclusive. */
  start: number;
  end: number;
  /** Stemmed comparison form; '' for a stop word. */
  term: string;
  /** The normalised word as read (initialisms without dots, Persian prefixes and clitics glued on). */
  word: string;
}

export const NEGATION = 'not';

const EN_STOP = new Set(
  (
    'a an the of to in on at by for with from into onto about as and or but nor so than then that this these those ' +
    'is are was were be been being am it its it\'s he she they them we i you his her hers their theirs our my your ' +
    'has have had having do does did doing would will could should may might must shall can ' +
    'there here which who whom whose what when where while also just very such any all some each other own same ' +
    'said says say saying told tells according claimed claims claim stated statement added insisted ' +
    'mr ms mrs dr s t one two up out over only if because again further once both few more most'
  ).split(' '),
);

const FA_STOP = new Set(
  (
    'و در به از که این آن را با است هست بود شد شده شود می نمی برای تا یک هم نیز اما یا بر خود ها های ای وی او ما ' +
    'آنها ایشان گفت گفته کرد کرده کند کنند کردند بودند اند ام ایم اید باشد باشند دارد دارند داشت ' +
    'همه هر چه چون اگر پس نیز بین روی زیر سوی طی ضمن اینکه آنکه بسیار همچنین افزود اعلام گفتهی مورد ' +
    'ان ذلک هذا هذه التی الذی فی من علی الی عن مع'
  ).split(' '),
);

const NEGATIONS = new Set(['not', 'no', 'never', 'cannot', 'nobody', 'none', 'neither', 'nor']);

const IRREGULAR = new Map<string, string>([
  ['died', 'die'],
  ['dies', 'die'],
  ['dying', 'die'],
  ['dead', 'die'],
  ['death', 'die'],
  ['deaths', 'die'],
  ['killed', 'kill'],
  ['killing', 'kill'],
  ['killings', 'kill'],
  ['shot', 'shoot'],
  ['shooting', 'shoot'],
  ['fell', 'fall'],
  ['fallen', 'fall'],
  ['falling', 'fall'],
  ['thrown', 'throw'],
  ['threw', 'throw'],
  ['men', 'man'],
  ['women', 'woman'],
  ['children', 'child'],
  ['people', 'people'],
  ['lies', 'lie'],
  ['lied', 'lie'],
  ['lying', 'lie'],
  ['riots', 'riot'],
  ['rioting', 'riot'],
  ['rioters', 'rioter'],
]);

/** Is this code unit part of a word (letter, digit, or a combining mark left in place)? */
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const wordAscii = new Uint8Array(128);
for (let c = 0; c < 128; c++) wordAscii[c] = WORD_RE.test(String.fromCharCode(c)) ? 1 : 0;
const wordCache = new Map<number, boolean>();

function isWordUnit(code: number, text: string, i: number): boolean {
  if (code < 128) return wordAscii[code] === 1;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let v = wordCache.get(code);
  if (v === undefined) {
    v = WORD_RE.test(text[i]!);
    wordCache.set(code, v);
  }
  return v;
}

function isAsciiWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) return false;
  return true;
}

function stemEnglish(w: string): string {
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (/\d/.test(w)) return w; // a figure or year is itself ("1988" is not "198")
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && /(sses|xes|ches|shes)$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  const before = s;
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  // -ly of an adverb ("falsely"), not of a stem left by -ing or -ed ("underlying" stays "underly", not "under")
  if (s === before && s.length > 5 && s.endsWith('ly')) s = s.slice(0, -2);
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  // doubled final consonant left by -ing/-ed ("stopped" → "stopp" → "stop")
  if (s.length > 3 && s[s.length - 1] === s[s.length - 2] && !/[aeiouls]/.test(s[s.length - 1]!)) s = s.slice(0, -1);
  return s;
}

const FA_SUFFIXES = ['هایی', 'های', 'ها', 'ترین', 'گران', 'یان', 'ان', 'ات', 'ی'];

function stemPersian(w: string): string {
  let s = w;
  if (s.length >= 5 && s.startsWith('ال')) s = s.slice(2); // Arabic article
  for (const suf of FA_SUFFIXES) {
    if (s.endsWith(suf) && s.length - suf.length >= 3) {
      if (suf === 'ان' && (s.endsWith('ایران') || s.length < 6)) continue;
      if (suf === 'گران') return s.slice(0, -4) + 'گر';
      s = s.slice(0, -suf.length);
      break;
    }
  }
  return s;
}

const stemCache = new Map<string, string>();

/** Comparison form of one normalised word (no stop-word filtering). */
export function stem(word: string): string {
  let v = stemCache.get(word);
  if (v !== undefined) return v;
  if (NEGATIONS.has(word) || word.endsWith("n't")) v = NEGATION;
  else if (isAsciiWord(word)) v = stemEnglish(word.endsWith("'s") ? word.slice(0, -2) : word.replace(/'/g, ''));
  else v = stemPersian(word);
  if (stemCache.size < 200_000) stemCache.set(word, v);
  return v;
}

/** Words that carry no meaning for matching (checked on the unstemmed normalised word). */
export function isStopWord(word: string): boolean {
  return EN_STOP.has(word) || FA_STOP.has(word);
}

/** Is `t` a run of single letters each followed by a dot ("u", "u.s" so far)? */
function isInitials(text: string, t: { start: number; end: number }): boolean {
  for (let i = t.start; i < t.end; i += 2) {
    if (!/[a-z]/.test(text[i]!) || (i + 1 < t.end && text[i + 1] !== '.')) return false;
  }
  return true;
}

const FA_PREFIXES = new Set(['می', 'نمی']);
const FA_CLITICS = new Set(['ها', 'های', 'هایی', 'ای', 'اند', 'ام', 'ایم', 'اید', 'تر', 'ترین']);

/**
 * Split normalised text into word tokens. An apostrophe between letters stays inside the word ("iran's",
 * "didn't"). Persian prefixes and plural suffixes separated by a single space are glued on.
 * Stop words are kept (the caller decides); `term` is the stem.
 */
export function tokenize(text: string): Token[] {
  // One pass: scan words, merging initialisms and Persian prefixes/clitics into the previous token as we go.
  // `word` is kept only until the end; terms come from a cache so repeated words cost one lookup.
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let pendingPrefix = false; // previous token is a Persian prefix (می/نمی) waiting for its verb
  while (i < n) {
    while (i < n && !isWordUnit(text.charCodeAt(i), text, i)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordUnit(c, text, i)) i++;
      else if (c === 39 && i + 1 < n && i > start && isWordUnit(text.charCodeAt(i + 1), text, i + 1)) i++;
      else break;
    }
    const word = text.slice(start, i);
    const prev = out[out.length - 1];
    const adjacent = prev !== undefined && start === prev.end + 1;
    if (adjacent && word.length === 1 && text[prev.end] === '.' && /^[a-z]+$/.test(prev.word) && isInitials(text, prev)) {
      // Initialisms written with dots ("U.S.", "U.N.") read as one word ("us", "un"), as written without.
      prev.end = i;
      prev.word += word;
      pendingPrefix = false;
      continue;
    }
    const ascii = isAsciiWord(word);
    if (adjacent && !ascii && (pendingPrefix || (FA_CLITICS.has(word) && !isAsciiWord(prev.word)))) {
      // Persian prefix + verb ("می شود") or word + plural/clitic ("تروریست های") written apart.
      prev.end = i;
      prev.word += word;
      pendingPrefix = false;
      continue;
    }
    pendingPrefix = !ascii && FA_PREFIXES.has(word);
    out.push({ start, end: i, term: '', word });
  }
  for (const t of out) t.term = termOf(t.word);
  return out;
}

const termCache = new Map<string, string>();

/** Stem, or '' for a stop word; cached. */
function termOf(word: string): string {
  let v = termCache.get(word);
  if (v === undefined) {
    v = isStopWord(word) ? '' : stem(word);
    if (termCache.size < 200_000) termCache.set(word, v);
  }
  return v;
}
