/**
 * Claim signatures: recognise a known claim in reported speech and paraphrase, where the official's words
 * are mostly gone, by the co-occurrence of its concepts in a sentence (or a sentence and its neighbour) and
 * of its incident's context in the block, a nearby block, the headline or elsewhere on the page.
 *
 * Per block, one pass spots every expression of every concept (lexicons, claim literals, incident cues);
 * sentences are segmented for English and Persian; each signature whose concepts are all present is tried
 * on each sentence window. Pure: no DOM, no `browser`.
 */
import { GAP_WORDS } from './concepts';
import type { MatchIndex } from './match-index';
import { NEGATION, stem, type Token } from './tokenize';
import type { WhyPlace } from './why';

/** A concept found in a block: token range [first, last]. */
export interface ConceptHit {
  concept: number;
  first: number;
  last: number;
}

/** What one block holds for the signatures. */
export interface BlockSignals {
  tokens: Token[];
  hits: ConceptHit[];
  /** Concept id → its hits in this block, in text order. */
  byConcept: Map<number, ConceptHit[]>;
  /** Sentence number of each token. */
  sentenceOf: Int32Array;
}

/** A signature that held in a block, before context and overlaps are settled. */
export interface SignatureCandidate {
  signature: number;
  /** One hit per slot, as chosen. */
  hits: ConceptHit[];
  /** Token range to mark: the clause that carries the claim. */
  first: number;
  last: number;
  /** Sentence window [from, to]. */
  from: number;
  to: number;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st gen col lt sgt maj capt cpl prof rev sen rep gov jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx inc ltd co'.split(
    ' ',
  ),
);
const SENTENCE_END = /[.!?؟]/;

/** Sentence number of each token: a new sentence after . ! ? ؟ followed by a space, unless an abbreviation. */
export function segmentSentences(text: string, tokens: readonly Token[]): Int32Array {
  const out = new Int32Array(tokens.length);
  let s = 0;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const gap = text.slice(prev.end, tokens[i]!.start);
    if (SENTENCE_END.test(gap) && /\s/.test(gap)) {
      const w = prev.word;
      // "U.S." reads as the word "us": its dots stand in the text it covers.
      const initialism = text.slice(prev.start, prev.end).includes('.');
      const abbreviation = initialism || ABBREVIATIONS.has(w) || (w.length === 1 && /[a-z]/.test(w));
      const decimal = /^\d+$/.test(w) && /^\.\d/.test(gap);
      if (!abbreviation && !decimal) s++;
    }
    out[i] = s;
  }
  return out;
}

/**
 * Endings Persian writes onto a word with the ZWNJ dropped or no space ("کشته‌اند" → "کشتهاند"): verb
 * person endings, plurals, ezafe and pronoun clitics. The stemmer keeps the common plural/ezafe ones; these
 * let a lexicon term match its inflected forms too. Longest first.
 */
const FA_INFLECTIONS = ['هایشان', 'هایمان', 'شدگان', 'هایی', 'های', 'اند', 'ایم', 'اید', 'گان', 'شان', 'مان', 'تان', 'ها', 'ای', 'ند', 'ام', 'ات', 'اش', 'ی', 'ش'];
const faStripCache = new Map<string, string[]>();

/** The stems of a Persian word with an inflection ending removed (none for Latin words). */
function persianAlternates(word: string): string[] {
  let v = faStripCache.get(word);
  if (v) return v;
  v = [];
  if (word.charCodeAt(0) >= 0x600) {
    for (const suffix of FA_INFLECTIONS) {
      if (word.length - suffix.length >= 3 && word.endsWith(suffix)) v.push(stem(word.slice(0, -suffix.length)));
    }
  }
  if (faStripCache.size < 100_000) faStripCache.set(word, v);
  return v;
}

function wordMatches(expr: { words: string[]; prefix: number }, k: number, token: Token, key: string): boolean {
  const want = expr.words[k]!;
  if (expr.prefix & (1 << k)) return token.word.startsWith(want);
  return key === want || persianAlternates(token.word).includes(want);
}

/** Spot every concept expression in the block's tokens. `keys[i]` is the stem of token i's word. */
export function spotConcepts(text: string, tokens: Token[], keys: readonly string[], index: MatchIndex): BlockSignals {
  const { exprs } = index.json.sig;
  const hits: ConceptHit[] = [];
  /** Expression `e` anchored at token i on its word `slot`: match the words before it backwards, then after. */
  const tryExpr = (e: number, slot: number, i: number) => {
    const expr = exprs[e]!;
    let first = i;
    for (let k = slot - 1; k >= 0; k--) {
      const reach = expr.gap & (1 << (k + 1)) ? GAP_WORDS + 1 : 1;
      let found = -1;
      for (let d = 1; d <= reach && first - d >= 0; d++) {
        if (wordMatches(expr, k, tokens[first - d]!, keys[first - d]!)) {
          found = first - d;
          break;
        }
      }
      if (found < 0) return;
      first = found;
    }
    let last = i;
    for (let k = slot + 1; k < expr.words.length; k++) {
      const reach = expr.gap & (1 << k) ? GAP_WORDS + 1 : 1;
      let found = -1;
      for (let d = 1; d <= reach && last + d < tokens.length; d++) {
        if (wordMatches(expr, k, tokens[last + d]!, keys[last + d]!)) {
          found = last + d;
          break;
        }
      }
      if (found < 0) return;
      last = found;
    }
    hits.push({ concept: expr.concept, first, last });
  };
  for (let i = 0; i < tokens.length; i++) {
    const key = keys[i]!;
    const list = index.exprByAnchor.get(key);
    if (list) for (const a of list) tryExpr(a.expr, a.slot, i);
    const word = tokens[i]!.word;
    for (const alt of persianAlternates(word)) {
      if (alt === key) continue;
      const more = index.exprByAnchor.get(alt);
      if (more) for (const a of more) tryExpr(a.expr, a.slot, i);
    }
    if (word.length >= 3) {
      const pl = index.exprByPrefix3.get(word.slice(0, 3));
      if (pl) for (const a of pl) if (word.startsWith(a.prefix!)) tryExpr(a.expr, a.slot, i);
    }
  }
  // Hits in text order (an expression anchored late may start before one anchored earlier).
  hits.sort((x, y) => x.first - y.first || y.last - x.last);
  const byConcept = new Map<number, ConceptHit[]>();
  for (const h of hits) {
    const list = byConcept.get(h.concept);
    if (list) {
      // One concept, overlapping expressions ("lie", "sheer lie"): keep the longest.
      const last = list[list.length - 1]!;
      if (h.first <= last.last) {
        if (h.last - h.first > last.last - last.first) list[list.length - 1] = h;
        continue;
      }
      list.push(h);
    } else byConcept.set(h.concept, [h]);
  }
  return { tokens, hits, byConcept, sentenceOf: segmentSentences(text, tokens) };
}

function hasSentenceIn(set: Set<number>, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (set.has(k)) return true;
  return false;
}

function hitsIn(list: ConceptHit[] | undefined, sentenceOf: Int32Array, from: number, to: number): ConceptHit[] {
  if (!list) return [];
  return list.filter((h) => sentenceOf[h.first]! >= from && sentenceOf[h.last]! <= to);
}

/**
 * Every signature that holds in the block, per sentence window. Where the context stood is the caller's
 * business (it sees the page); `contextAvailable` lets it skip signatures whose incident has no cue in reach.
 * `unless` slots are checked here.
 */
export function evaluateSignatures(
  block: BlockSignals,
  index: MatchIndex,
  contextAvailable: (concept: number) => boolean = () => true,
): SignatureCandidate[] {
  const { signatures } = index.json.sig;
  const tried = new Set<number>();
  const out: SignatureCandidate[] = [];
  const lastSentence = block.tokens.length > 0 ? block.sentenceOf[block.tokens.length - 1]! : 0;
  for (const concept of block.byConcept.keys()) {
    for (const s of index.signaturesByConcept[concept] ?? []) {
      if (tried.has(s)) continue;
      tried.add(s);
      const sig = signatures[s]!;
      if (!sig.slots.every((slot) => slot.some((c) => block.byConcept.has(c)))) continue;
      // No cue of its incident (nor a hint of it) anywhere it could count: the signature cannot hold here.
      if (
        sig.context >= 0 &&
        !contextAvailable(sig.context) &&
        !(sig.hint >= 0 && contextAvailable(sig.hint)) &&
        !(sig.sharedHint >= 0 && contextAvailable(sig.sharedHint))
      )
        continue;
      // Sentences where each slot has a hit; only windows holding every slot are examined.
      const slotSentences = sig.slots.map((slot) => {
        const set = new Set<number>();
        for (const c of slot) for (const h of block.byConcept.get(c) ?? []) set.add(block.sentenceOf[h.first]!);
        return set;
      });
      const starts = new Set<number>();
      for (const sn of slotSentences[0]!) for (let from = Math.max(0, sn - sig.within); from <= sn; from++) starts.add(from);
      let lastEmitted = -1;
      for (const from of [...starts].sort((a, b) => a - b)) {
        const to = Math.min(lastSentence, from + sig.within);
        if (from <= lastEmitted) continue;
        if (!slotSentences.every((set) => hasSentenceIn(set, from, to))) continue;
        const perSlot = sig.slots.map((slot) => slot.flatMap((c) => hitsIn(block.byConcept.get(c), block.sentenceOf, from, to)));
        if (perSlot.some((h) => h.length === 0)) continue;
        if (
          sig.unless.some((slot) =>
            slot.some((c) => hitsIn(block.byConcept.get(c), block.sentenceOf, from, to).some((h) => !deniedAt(block, h.first))),
          )
        )
          continue;
        const chosen = chooseHits(perSlot);
        if (!chosen) continue;
        const span = clauseSpan(chosen, block.sentenceOf);
        out.push({ signature: s, hits: chosen, first: span.first, last: span.last, from, to });
        lastEmitted = to;
      }
    }
  }
  return out;
}

/** Words that, just before an `unless` hit, deny it rather than assert it ("rather than police brutality"). */
const DENYING = new Set([NEGATION, 'rather', 'instead', 'without', 'نه', 'بدون', 'بی']);

/**
 * True when one of the three words before token i denies what follows: "not beaten", "rather than due to police
 * brutality", «نه ضرب و شتم». An `unless` hit so denied is part of the official's denial, not a counter-claim.
 */
function deniedAt(block: BlockSignals, i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    if (block.sentenceOf[k] !== block.sentenceOf[i]) continue;
    const t = block.tokens[k]!;
    if (t.term === NEGATION || DENYING.has(t.word)) return true;
  }
  return false;
}

/**
 * One hit per slot, as close together as possible, and no two slots on the same words (a slot's hit may
 * not be inside another slot's hit: "terrorists" cannot be both the perpetrator and the attribution).
 */
function chooseHits(perSlot: ConceptHit[][]): ConceptHit[] | null {
  let best: ConceptHit[] | null = null;
  let bestWidth = Infinity;
  // Anchor on each hit of the rarest slot; pick the nearest free hit of every other slot.
  const order = perSlot.map((h, i) => i).sort((a, b) => perSlot[a]!.length - perSlot[b]!.length);
  for (const anchor of perSlot[order[0]!]!) {
    const chosen: ConceptHit[] = new Array(perSlot.length);
    chosen[order[0]!] = anchor;
    let ok = true;
    for (const k of order.slice(1)) {
      let pick: ConceptHit | null = null;
      let dist = Infinity;
      for (const h of perSlot[k]!) {
        if (chosen.some((c) => c && h.first <= c.last && c.first <= h.last)) continue;
        const d = Math.abs(h.first - anchor.first);
        if (d < dist) {
          dist = d;
          pick = h;
        }
      }
      if (!pick) {
        ok = false;
        break;
      }
      chosen[k] = pick;
    }
    if (!ok) continue;
    const width = Math.max(...chosen.map((h) => h.last)) - Math.min(...chosen.map((h) => h.first));
    if (width < bestWidth) {
      bestWidth = width;
      best = chosen;
    }
  }
  return best;
}

/** The span to mark: the chosen hits in the sentence holding most of them. */
function clauseSpan(hits: ConceptHit[], sentenceOf: Int32Array): { first: number; last: number } {
  const count = new Map<number, number>();
  for (const h of hits) count.set(sentenceOf[h.first]!, (count.get(sentenceOf[h.first]!) ?? 0) + 1);
  let core = sentenceOf[hits[0]!.first]!;
  for (const [s, n] of count) if (n > (count.get(core) ?? 0)) core = s;
  let first = Infinity;
  let last = -1;
  for (const h of hits) {
    if (sentenceOf[h.first] !== core) continue;
    first = Math.min(first, h.first);
    last = Math.max(last, h.last);
  }
  return { first, last };
}

/**
 * Score of a signature match by the slots it has and where its context stood; between 0 and 1. A match tied
 * to its incident by a hint only scores below the strict sensitivity (0.85) and above the normal one (0.7).
 */
export function signatureScore(slots: number, where: WhyPlace | null, hint: false | 'hint' | 'shared' = false): number {
  const base = 0.74 + 0.02 * Math.min(3, slots - 2);
  if (hint) return Math.min(0.82, base + (hint === 'hint' ? 0.02 : 0));
  const bonus: Record<WhyPlace, number> = { 'same-sentence': 0.12, 'same-block': 0.1, nearby: 0.07, headline: 0.07, page: 0.04 };
  return Math.min(0.95, base + (where ? bonus[where] : 0.06));
}
