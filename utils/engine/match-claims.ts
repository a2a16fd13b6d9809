/**
 * Find known denial claims in blocks of page text.
 *
 * Per block: normalise → tokenise → candidate generation through the inverted index (cost proportional to
 * the block's tokens and their postings, never to the number of phrasings) → sliding token window per
 * candidate phrasing → verification (typo-tolerant term completion with a bounded edit distance, order and
 * density, a near-verbatim check with Myers' algorithm) → context cues for generic phrasings → best match per
 * span. Pure: no DOM, no `browser`.
 */
import search from 'approx-string-match';
import { minTermsFor, type MatchIndex } from './match-index';
import { conceptRef } from './concepts';
import {
  evaluateSignatures,
  signatureScore,
  spotConcepts,
  type BlockSignals,
  type ConceptHit,
  type SignatureCandidate,
} from './match-signatures';
import { normalizeText, toOriginalRange, type NormalizedText } from './normalize-text';
import { stem, tokenize, type Token } from './tokenize';
import type { MatchWhy, WhyContext, WhyPlace } from './why';

/** One match. Offsets are UTF-16 indices into the ORIGINAL block text, end exclusive. */
export interface BlockMatch {
  /** Index into the `blocks` argument. */
  block: number;
  claimId: string;
  /** The dataset phrasing that matched (as written in the dataset). */
  phrasing: string;
  start: number;
  end: number;
  /** Confidence between 0 and 1 (1 = verbatim). */
  score: number;
  /** Why it fired: the words and the context cue (offsets into the block's original text). */
  why: MatchWhy;
}

export interface MatchOptions {
  /** Minimum score to report, between 0 and 1. Default {@link DEFAULT_MIN_SCORE}. */
  minScore?: number;
  /**
   * The page's headline (e.g. the document title): incident cues in it count as context for every block.
   * matchText passes the text's first line.
   */
  headline?: string;
}

export const DEFAULT_MIN_SCORE = 0.7;
/** Minimum weighted share of a phrasing's terms that must be present (after typo completion). */
const MIN_COVERAGE = 0.62;
/** Exact-term share a window needs before verification (typo completion may add the rest). */
const WINDOW_MIN_COVERAGE = 0.5;
/** Blocks either side whose incident cues count as "nearby" context for a signature. */
export const NEARBY_BLOCKS = 3;

interface Candidate {
  phrasing: number;
  /** Normalised offsets. */
  start: number;
  end: number;
  score: number;
  /** Token positions of the phrasing's words found in the window. */
  hits: number[];
  /** The context cue that allowed a phrasing marked needsContext (normalised offsets), if one was needed. */
  cue: { start: number; end: number } | null;
}

interface PreparedBlock {
  text: string;
  norm: NormalizedText;
  tokens: Token[];
  signals: BlockSignals | null;
}

/**
 * Match every block against the index. A match never crosses a block boundary, but a signature's incident
 * context may come from a nearby block or the headline. Results are ordered by block, then start offset;
 * overlapping matches within a block are resolved to the best-scoring one.
 */
export function matchBlocks(blocks: readonly string[], index: MatchIndex, options: MatchOptions = {}): BlockMatch[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const scratch: Scratch = { anchorHits: new Uint8Array(index.json.phrasings.length), touched: [] };
  const headline = options.headline ? prepare(options.headline, index) : null;
  // Blocks are prepared (normalised, tokenised, concepts spotted) NEARBY_BLOCKS ahead and released
  // NEARBY_BLOCKS behind: a signature sees its neighbours' cues, and a long page is never held whole.
  const prepared: (PreparedBlock | null | undefined)[] = new Array(blocks.length);
  const at = (k: number): PreparedBlock | null => {
    let p = prepared[k];
    if (p === undefined) p = prepared[k] = blocks[k]!.length < 3 ? null : prepare(blocks[k]!, index);
    return p;
  };
  const out: BlockMatch[] = [];
  const near = (k: number) => (k >= 0 && k < blocks.length ? at(k) : null);
  const reach: Reach = { near, headline, index, minScore };
  // A block's matches are settled once the next block is seen: a signature may take its last sentence
  // together with the next paragraph's first ("the prosecutor said on Monday." ¶ "She fell from the roof.").
  let pending: { block: number; phrased: Omit<BlockMatch, 'block'>[]; signed: Omit<BlockMatch, 'block'>[] } | null = null;
  const flush = () => {
    if (!pending) return;
    const { block, phrased, signed } = pending;
    for (const m of resolveOverlaps([...phrased, ...settleHints(signed, index)], index)) out.push({ block, ...m });
    pending = null;
  };
  for (let b = 0; b < blocks.length; b++) {
    if (b > NEARBY_BLOCKS) prepared[b - NEARBY_BLOCKS - 1] = null;
    const p = at(b);
    if (!p) continue;
    const phrased = matchBlock(p, index, minScore, scratch);
    const signed: Omit<BlockMatch, 'block'>[] = p.signals ? signatureMatches(b, p, reach) : [];
    // The previous paragraph (an empty line between them does not count as one).
    const prev = pending as { block: number; signed: Omit<BlockMatch, 'block'>[] } | null;
    if (prev && b - prev.block <= 2 && p.signals && at(prev.block)?.signals) {
      for (const bridged of bridgeMatches(prev.block, at(prev.block)!, b, p, reach)) {
        (bridged.block === b ? signed : prev.signed).push(bridged.match);
      }
    }
    flush();
    pending = { block: b, phrased, signed };
  }
  flush();
  return out;
}

function prepare(text: string, index: MatchIndex): PreparedBlock {
  const norm = normalizeText(text);
  const tokens = tokenize(norm.text);
  let signals: BlockSignals | null = null;
  if (tokens.length > 0 && index.json.sig.exprs.length > 0) {
    const keys = tokens.map((t) => stem(t.word));
    signals = spotConcepts(norm.text, tokens, keys, index);
    if (signals.hits.length === 0) signals = null;
  }
  return { text, norm, tokens, signals };
}

/**
 * Best score wins each span; ordered by start. Overlapping matches compete when they name the same claim or
 * claims of unrelated incidents (one sentence is about one event); two claims of one incident, or of an event
 * and a death within it, may share words ("terrorists sent by the US killed protesters" carries both the
 * foreign-plot and the terrorists claims).
 */
function resolveOverlaps(matches: Omit<BlockMatch, 'block'>[], index: MatchIndex): Omit<BlockMatch, 'block'>[] {
  if (matches.length <= 1) return matches;
  const { group } = incidentsOf(index);
  matches.sort((x, y) => y.score - x.score || y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: Omit<BlockMatch, 'block'>[] = [];
  for (const c of matches) {
    const clash = (k: Omit<BlockMatch, 'block'>) =>
      c.start < k.end && k.start < c.end && (k.claimId === c.claimId || group(k.claimId) !== group(c.claimId));
    if (!kept.some(clash)) kept.push(c);
  }
  return kept.sort((x, y) => x.start - y.start);
}

/**
 * The sentence window (original offsets) each signature match was found in, and how it was tied to its
 * incident (2: a cue; 1: a hint; 0: a shared hint), for settleHints.
 */
const windows = new WeakMap<object, { start: number; end: number; tier: number }>();

/**
 * A match tied to its incident by a hint only stands when it is the only reading of its sentences at its
 * strength: another signature match of another incident in the same sentence window (other than the larger
 * event it is part of), tied as strongly or more, makes it ambiguous, and it is dropped. "Officials said the
 * 16-year-old took her own life" fits two deaths of that autumn, and neither is marked; "President Rouhani"
 * (one incident) wins over "Khamenei" (quoted on every wave).
 */
function settleHints(matches: Omit<BlockMatch, 'block'>[], index: MatchIndex): Omit<BlockMatch, 'block'>[] {
  if (!matches.some((m) => m.why.context?.hint)) return matches;
  const { incident, parent } = incidentsOf(index);
  const tierOf = (m: Omit<BlockMatch, 'block'>) => windows.get(m)?.tier ?? 2;
  return matches.filter((c) => {
    if (!c.why.context?.hint) return true;
    const w = windows.get(c) ?? c;
    const mine = incident(c.claimId);
    return !matches.some((d) => {
      if (d === c || incident(d.claimId) === mine || incident(d.claimId) === parent(c.claimId) || tierOf(d) < tierOf(c)) return false;
      const v = windows.get(d) ?? d;
      return w.start < v.end && v.start < w.end;
    });
  });
}

interface Incidents {
  incident: (claimId: string) => number | string;
  parent: (claimId: string) => number | null;
  group: (claimId: string) => number | string;
}

const incidentCache = new WeakMap<MatchIndex, Incidents>();

/**
 * Claim id → its incident (its context concept; a claim with no shared incident context is its own), the
 * context concept of the larger event its incident is part of (null when none), and its group (the larger
 * event's, or its own incident's).
 */
function incidentsOf(index: MatchIndex): Incidents {
  let f = incidentCache.get(index);
  if (!f) {
    const { claimContext, claimParent, claimGroup } = index.json.sig;
    const at = new Map(index.json.claims.map((c, i) => [c.id, i]));
    const get = (id: string, list: number[]) => {
      const i = at.get(id);
      return i === undefined ? -1 : list[i]!;
    };
    f = {
      incident: (id) => {
        const c = get(id, claimContext);
        return c >= 0 ? c : id;
      },
      parent: (id) => {
        const c = get(id, claimParent);
        return c >= 0 ? c : null;
      },
      group: (id) => {
        const g = get(id, claimGroup);
        return g >= 0 ? g : id;
      },
    };
    incidentCache.set(index, f);
  }
  return f;
}

/** Original-text range and words of a normalised range of a block. */
function originalOf(p: PreparedBlock, start: number, end: number): { text: string; start: number; end: number } {
  const o = toOriginalRange(p.norm, start, end);
  return { text: p.text.slice(o.start, o.end), start: o.start, end: o.end };
}

/** The signature matches of block b, with their context found in the block, nearby blocks or the headline. */
function signatureMatches(b: number, p: PreparedBlock, reach: Reach): Omit<BlockMatch, 'block'>[] {
  const { near, headline, index } = reach;
  const signals = p.signals!;
  const out: Omit<BlockMatch, 'block'>[] = [];
  const available = new Map<number, boolean>();
  const contextAvailable = (concept: number): boolean => {
    let v = available.get(concept);
    if (v === undefined) {
      v = signals.byConcept.has(concept) || headline?.signals?.byConcept.has(concept) === true;
      for (let d = 1; !v && d <= NEARBY_BLOCKS; d++) {
        v = near(b - d)?.signals?.byConcept.has(concept) === true || near(b + d)?.signals?.byConcept.has(concept) === true;
      }
      available.set(concept, v);
    }
    return v;
  };
  for (const cand of evaluateSignatures(signals, index, contextAvailable)) {
    const inWindow = sentenceRange(signals, cand.from, cand.to);
    const match = signatureMatch(cand, b, p, reach, (h) => ({ p, block: b, first: h.first, last: h.last }), inWindow);
    if (match) out.push(match);
  }
  return out;
}

/** What a signature match can reach besides its block: the blocks around it and the headline. */
interface Reach {
  near: (block: number) => PreparedBlock | null;
  headline: PreparedBlock | null;
  index: MatchIndex;
  minScore: number;
}

/** Where a hit of a signature candidate stands: its block and token range there. */
type HitPlace = (hit: ConceptHit) => { p: PreparedBlock; block: number; first: number; last: number };

/**
 * The match a signature candidate makes in block b (its span's block), with its context (a cue, else a hint)
 * and why; null when no context is in reach or the score is too low. `place` maps the candidate's hits to their
 * blocks (a candidate bridging two paragraphs has hits in both); `inWindow` is its sentence window in block b.
 */
function signatureMatch(
  cand: SignatureCandidate,
  b: number,
  p: PreparedBlock,
  reach: Reach,
  place: HitPlace,
  inWindow: { start: number; end: number } | null,
): Omit<BlockMatch, 'block'> | null {
  const { near, headline, index, minScore } = reach;
  const { signatures, concepts } = index.json.sig;
  const sig = signatures[cand.signature]!;
  let context: WhyContext | null = null;
  let tier = 2;
  if (sig.context >= 0) {
    context = findSignatureContext(sig.context, b, cand, p, near, headline);
    for (const [concept, t] of [[sig.hint, 1], [sig.sharedHint, 0]] as const) {
      if (context || concept < 0) continue;
      const hint = findSignatureContext(concept, b, cand, p, near, headline);
      if (hint) {
        context = { ...hint, hint: true };
        tier = t;
      }
    }
    if (!context) return null;
  }
  const hintKind = tier === 2 ? false : tier === 1 ? 'hint' : 'shared';
  const score = Math.round(signatureScore(sig.slots.length, context?.where ?? null, hintKind) * 1000) / 1000;
  if (score < minScore) return null;
  const tokens = p.signals!.tokens;
  const span = originalOf(p, tokens[cand.first]!.start, tokens[cand.last]!.end);
  const window = inWindow ? originalOf(p, inWindow.start, inWindow.end) : span;
  const match: Omit<BlockMatch, 'block'> = {
    claimId: index.json.claims[sig.claim]!.id,
    phrasing: `signature ${sig.id}`,
    start: span.start,
    end: span.end,
    score,
    why: {
      kind: 'signature',
      rule: sig.id,
      terms: cand.hits.map((h) => {
        const at = place(h);
        const t = at.p.signals!.tokens;
        return {
          // "@suicide" → "suicide"; literals ("=…") and incident cues ("#…") have no concept name.
          concept: conceptRef(concepts[h.concept]!),
          ...originalOf(at.p, t[at.first]!.start, t[at.last]!.end),
          ...(at.block !== b ? { block: at.block } : {}),
        };
      }),
      context,
    },
  };
  windows.set(match, { start: window.start, end: window.end, tier });
  return match;
}

/**
 * Signatures "within neighbours" across a paragraph break: the last sentence of block a with the first of block
 * b. Only candidates that need both sentences are kept (the rest were found in their own block); each is
 * reported in the block of its marked clause, with the other paragraph's words carrying their block.
 */
function bridgeMatches(a: number, pa: PreparedBlock, b: number, pb: PreparedBlock, reach: Reach): { block: number; match: Omit<BlockMatch, 'block'> }[] {
  const { headline, index } = reach;
  const sa = pa.signals!;
  const sb = pb.signals!;
  const lastA = sa.sentenceOf[sa.tokens.length - 1]!;
  let a0 = sa.tokens.length;
  while (a0 > 0 && sa.sentenceOf[a0 - 1] === lastA) a0--;
  let nB = 0;
  while (nB < sb.tokens.length && sb.sentenceOf[nB] === 0) nB++;
  const nA = sa.tokens.length - a0;
  // Nothing to join unless both sentences hold a concept (most paragraph breaks).
  if (!sa.hits.some((h) => h.first >= a0) || !sb.hits.some((h) => h.last < nB)) return [];
  const hits: ConceptHit[] = [];
  for (const h of sa.hits) if (h.first >= a0) hits.push({ concept: h.concept, first: h.first - a0, last: h.last - a0 });
  for (const h of sb.hits) if (h.last < nB) hits.push({ concept: h.concept, first: h.first + nA, last: h.last + nA });
  const byConcept = new Map<number, ConceptHit[]>();
  for (const h of hits) (byConcept.get(h.concept) ?? byConcept.set(h.concept, []).get(h.concept)!).push(h);
  const sentenceOf = new Int32Array(nA + nB);
  sentenceOf.fill(1, nA);
  const joined: BlockSignals = { tokens: [...sa.tokens.slice(a0), ...sb.tokens.slice(0, nB)], hits, byConcept, sentenceOf };
  const available = (concept: number) =>
    sa.byConcept.has(concept) || sb.byConcept.has(concept) || headline?.signals?.byConcept.has(concept) === true;
  const out: { block: number; match: Omit<BlockMatch, 'block'> }[] = [];
  const { signatures } = index.json.sig;
  for (const cand of evaluateSignatures(joined, index, available)) {
    if (signatures[cand.signature]!.within !== 1) continue;
    if (!cand.hits.some((h) => h.first < nA) || !cand.hits.some((h) => h.first >= nA)) continue;
    // The marked clause is in one paragraph: report the candidate there, in that block's token numbers.
    const inA = cand.first < nA;
    const [block, p, shift, sentence] = inA ? [a, pa, a0, lastA] : [b, pb, -nA, 0];
    const local: SignatureCandidate = { ...cand, first: cand.first + shift, last: cand.last + shift, from: sentence, to: sentence };
    const place: HitPlace = (h) => (h.first < nA ? { p: pa, block: a, first: h.first + a0, last: h.last + a0 } : { p: pb, block: b, first: h.first - nA, last: h.last - nA });
    const match = signatureMatch(local, block, p, reach, place, sentenceRange(p.signals!, sentence, sentence));
    if (match) out.push({ block, match });
  }
  return out;
}

/** Normalised offsets of sentences [from, to] of a block: from the first word of one to the last of the other. */
function sentenceRange(signals: BlockSignals, from: number, to: number): { start: number; end: number } | null {
  const { tokens, sentenceOf } = signals;
  let start = -1;
  let end = -1;
  for (let i = 0; i < tokens.length; i++) {
    const sn = sentenceOf[i]!;
    if (sn < from) continue;
    if (sn > to) break;
    if (start < 0) start = tokens[i]!.start;
    end = tokens[i]!.end;
  }
  return start < 0 ? null : { start, end };
}

function findSignatureContext(
  concept: number,
  b: number,
  cand: SignatureCandidate,
  p: PreparedBlock,
  near: (block: number) => PreparedBlock | null,
  headline: PreparedBlock | null,
): WhyContext | null {
  const inBlock = p.signals!.byConcept.get(concept);
  const cue = (q: PreparedBlock, h: ConceptHit, where: WhyPlace, block?: number): WhyContext => {
    const o = originalOf(q, q.tokens[h.first]!.start, q.tokens[h.last]!.end);
    return block === undefined ? { text: o.text, where } : { ...o, where, block };
  };
  if (inBlock && inBlock.length > 0) {
    const s = p.signals!.sentenceOf;
    const near = inBlock.find((h) => s[h.first]! >= cand.from && s[h.first]! <= cand.to);
    return near ? cue(p, near, 'same-sentence', b) : cue(p, inBlock[0]!, 'same-block', b);
  }
  const headHit = headline?.signals?.byConcept.get(concept)?.[0];
  if (headline && headHit) return cue(headline, headHit, 'headline');
  // The nearest block within NEARBY_BLOCKS either side holding a cue (the earlier one on a tie).
  for (let d = 1; d <= NEARBY_BLOCKS; d++) {
    for (const k of [b - d, b + d]) {
      const q = near(k);
      const hit = q?.signals?.byConcept.get(concept)?.[0];
      if (q && hit) return cue(q, hit, 'nearby', k);
    }
  }
  return null;
}

/** Per-call scratch space, reused across blocks: anchor hits per phrasing, and which entries to reset. */
interface Scratch {
  anchorHits: Uint8Array;
  touched: number[];
}

function matchBlock(prepared: PreparedBlock, index: MatchIndex, minScore: number, scratch: Scratch): Omit<BlockMatch, 'block'>[] {
  const { text, norm, tokens } = prepared;
  if (tokens.length === 0) return [];
  const { termIds, postingStart, postings } = index;
  const tids = new Int32Array(tokens.length);
  const termPositions = new Map<number, number[]>();
  const { anchorHits, touched } = scratch;
  const needed = index.anchorHitsNeeded;
  const phrasingsHit: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const term = tokens[i]!.term;
    const id = term ? (termIds.get(term) ?? -1) : -1;
    tids[i] = id;
    if (id < 0) continue;
    const list = termPositions.get(id);
    if (list) {
      list.push(i);
      continue; // a repeated word adds no new anchor hit
    }
    termPositions.set(id, [i]);
    for (let k = postingStart[id]!, end = postingStart[id + 1]!; k < end; k++) {
      const p = postings[k]!;
      const h = anchorHits[p]!;
      if (h === 0) touched.push(p);
      anchorHits[p] = h + 1;
      if (h + 1 === needed[p]) phrasingsHit.push(p);
    }
  }
  for (const p of touched) anchorHits[p] = 0;
  touched.length = 0;
  if (phrasingsHit.length === 0) return [];
  const weights = index.json.weights;
  const candidates: Candidate[] = [];
  const block: BlockState = { norm, tokens, tids, termPositions };
  for (const p of phrasingsHit) {
    // Cheap reject: too few of the phrasing's terms anywhere in the block.
    const distinct = index.distinctTerms[p]!;
    const need = distinct.length >= 3 ? minTermsFor(distinct.length) - 1 : distinct.length;
    let present = 0;
    let presentWeight = 0;
    for (const t of distinct) {
      if (termPositions.has(t)) {
        present++;
        presentWeight += weights[t]!;
      }
    }
    if (present < need || presentWeight < WINDOW_MIN_COVERAGE * index.phrasingWeight[p]!) continue;
    // Every position in the block of any of the phrasing's terms, in text order.
    const positions: number[] = [];
    for (const t of distinct) {
      const l = termPositions.get(t);
      if (l) for (const i of l) positions.push(i);
    }
    positions.sort((x, y) => x - y);
    findInPhrasing(p, positions, block, index, minScore, candidates);
  }
  if (candidates.length === 0) return [];

  candidates.sort((x, y) => y.score - x.score || y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  kept.sort((x, y) => x.start - y.start);
  return kept.map((c) => {
    const p = index.json.phrasings[c.phrasing]!;
    const r = toOriginalRange(norm, c.start, c.end);
    const original = (a: number, b: number) => {
      const o = toOriginalRange(norm, a, b);
      return { text: text.slice(o.start, o.end), start: o.start, end: o.end };
    };
    const why: MatchWhy = {
      kind: 'phrasing',
      rule: p.text,
      terms: c.hits.map((i) => ({ concept: null, ...original(tokens[i]!.start, tokens[i]!.end) })),
      context: c.cue ? { where: 'same-block', ...original(c.cue.start, c.cue.end) } : null,
    };
    return {
      claimId: index.json.claims[p.claim]!.id,
      phrasing: p.text,
      start: r.start,
      end: r.end,
      score: Math.round(c.score * 1000) / 1000,
      why,
    };
  });
}

interface BlockState {
  norm: NormalizedText;
  tokens: Token[];
  tids: Int32Array;
  /** term id → token positions in the block. */
  termPositions: Map<number, number[]>;
}

function findInPhrasing(
  p: number,
  positions: number[],
  block: BlockState,
  index: MatchIndex,
  minScore: number,
  out: Candidate[],
): void {
  const phr = index.json.phrasings[p]!;
  const weights = index.json.weights;
  const nTerms = index.distinctTerms[p]!.length;
  // One term may still be completed by the typo check in verify().
  const minMatched = nTerms >= 3 ? minTermsFor(nTerms) - 1 : nTerms;
  if (positions.length < minMatched) return;
  const total = index.phrasingWeight[p]!;
  const maxSpan = Math.ceil(phr.terms.length * 2.5) + 4;
  const tids = block.tids;
  const distinct = index.distinctTerms[p]!;
  // Slot of each position's term within the phrasing's distinct terms (few, so a linear search).
  const slots = new Int8Array(positions.length);
  for (let k = 0; k < positions.length; k++) slots[k] = distinct.indexOf(tids[positions[k]!]!);
  const counts = new Int32Array(distinct.length);
  let covered = 0;
  let matched = 0;
  let l = 0;
  let lastEmitEnd = -1;
  for (let r = 0; r < positions.length; r++) {
    const sr = slots[r]!;
    if (counts[sr]!++ === 0) {
      covered += weights[distinct[sr]!]!;
      matched++;
    }
    while (positions[r]! - positions[l]! > maxSpan || (l < r && counts[slots[l]!]! > 1)) {
      const sl = slots[l]!;
      if (--counts[sl]! === 0) {
        covered -= weights[distinct[sl]!]!;
        matched--;
      }
      l++;
    }
    if (matched < minMatched || covered / total < WINDOW_MIN_COVERAGE) continue;
    // Only verify a window that the next position would not extend (the densest end of a run).
    const next = positions[r + 1];
    if (next !== undefined && next - positions[l]! <= maxSpan && counts[slots[r + 1]!] === 0) continue;
    if (positions[l]! <= lastEmitEnd && next !== undefined) continue;
    const c = verify(p, positions[l]!, positions[r]!, block, index);
    if (c && c.score >= minScore) {
      out.push(c);
      lastEmitEnd = positions[r]!;
    }
  }
}

/** Score the token window [a, b] for phrasing p, or null if it does not hold the claim. */
function verify(p: number, a: number, b: number, block: BlockState, index: MatchIndex): Candidate | null {
  const phr = index.json.phrasings[p]!;
  const { weights, terms } = index.json;
  const { tokens, tids } = block;
  const total = index.phrasingWeight[p]!;
  const slotOf = new Map<number, number>();
  phr.terms.forEach((t, i) => {
    if (!slotOf.has(t)) slotOf.set(t, i);
  });
  // Exact (stem) hits in the window, first occurrence per term.
  const found = new Map<number, number>(); // term id → token position
  for (let i = a; i <= b; i++) {
    const t = tids[i]!;
    if (t >= 0 && slotOf.has(t) && !found.has(t)) found.set(t, i);
  }
  let covered = 0;
  for (const t of found.keys()) covered += weights[t]!;
  // Early exit: even completing every missing term by typo could not reach the thresholds.
  let possible = covered;
  let possibleTerms = found.size;
  for (const t of slotOf.keys()) {
    if (!found.has(t) && terms[t]!.length >= 4) {
      possible += weights[t]!;
      possibleTerms++;
    }
  }
  if (possibleTerms < minTermsFor(slotOf.size) || possible / total < MIN_COVERAGE) return null;
  // Typo / inflection completion for missing terms, near the window.
  let start = a;
  let end = b;
  const lo = Math.max(0, a - 3);
  const hi = Math.min(tokens.length - 1, b + 3);
  for (const t of slotOf.keys()) {
    if (found.has(t)) continue;
    const want = terms[t]!;
    if (want.length < 4) continue;
    const maxErr = want.length >= 8 ? 2 : 1;
    for (let i = lo; i <= hi; i++) {
      const got = tokens[i]!.term;
      if (!got || (tids[i]! >= 0 && slotOf.has(tids[i]!))) continue;
      // A compound written as two words in the text ("اسماعیل زاده" for "اسماعیل‌زاده").
      const next = i < hi ? tokens[i + 1]!.term : '';
      // Persian "به" written onto the next word ("به‌اصطلاح" with its ZWNJ dropped) hides the word.
      const joined = (next && stem(got + next) === want) || (got.startsWith('به') && got.slice(2) === want);
      if (joined || withinDistance(want, got, maxErr)) {
        covered += weights[t]! * (joined ? 1 : 0.85);
        found.set(t, i);
        if (i < start) start = i;
        if (joined && i + 1 > end) end = i + 1;
        else if (i > end) end = i;
        break;
      }
    }
  }
  // A compound the phrasing writes as two words, joined in the text: two consecutive missing terms.
  for (let k = 0; k + 1 < phr.terms.length; k++) {
    const t1 = phr.terms[k]!;
    const t2 = phr.terms[k + 1]!;
    if (found.has(t1) || found.has(t2)) continue;
    const want = stem(terms[t1]! + terms[t2]!);
    for (let i = lo; i <= hi; i++) {
      if (tokens[i]!.term !== want) continue;
      covered += weights[t1]! + weights[t2]!;
      found.set(t1, i);
      found.set(t2, i);
      if (i < start) start = i;
      if (i > end) end = i;
      break;
    }
  }
  if (found.size < minTermsFor(slotOf.size)) return null;
  let coverage = covered / total;
  // Negation must agree: a denial phrasing needs its "not", and a negated window is not the plain claim.
  const neg = index.negationId;
  if (neg >= 0) {
    if (slotOf.has(neg) && !found.has(neg)) return null;
    if (!slotOf.has(neg)) {
      for (let i = start; i <= end; i++) if (tids[i] === neg || tokens[i]!.term === 'not') coverage -= 0.3;
    }
  }
  if (coverage < MIN_COVERAGE) return null;
  // Order: longest increasing run of phrasing slots, read in text order.
  const seq = [...found.entries()].sort((x, y) => x[1] - y[1]).map(([t]) => slotOf.get(t)!);
  const order = seq.length > 0 ? lis(seq) / seq.length : 0;
  let content = 0;
  for (let i = start; i <= end; i++) if (tokens[i]!.term) content++;
  const density = content > 0 ? Math.min(1, found.size / content) : 0;
  let score = Math.min(1, 0.7 * Math.min(1, coverage) + 0.15 * order + 0.15 * density);
  let s = tokens[start]!.start;
  let e = tokens[end]!.end;

  // Near-verbatim check (Myers' bit-parallel edit distance) around the window.
  const pat = phr.norm;
  if (pat.length >= 6 && pat.length <= 400 && score >= 0.6) {
    const from = Math.max(0, s - Math.ceil(pat.length / 2));
    const to = Math.min(block.norm.text.length, e + Math.ceil(pat.length / 2));
    const maxErrors = Math.floor(pat.length * 0.15);
    const hits = search(block.norm.text.slice(from, to), pat, maxErrors);
    if (hits.length > 0) {
      const best = hits.reduce((x, y) => (y.errors < x.errors ? y : x));
      const v = 1 - best.errors / pat.length;
      if (v >= 0.9 || v > score) {
        // Prefer the phrasing-shaped span (it includes leading/trailing stop words), snapped to whole words.
        score = Math.max(score, v);
        s = snapStart(block.tokens, from + best.start);
        e = snapEnd(block.tokens, from + best.end);
      }
    }
  }
  let cue: Candidate['cue'] = null;
  if (phr.needsContext) {
    cue = findContext(phr.claim, s, e, block, index);
    if (!cue) return null;
  }
  const hits = [...new Set(found.values())].sort((x, y) => x - y);
  return { phrasing: p, start: s, end: e, score, hits, cue };
}

/** Move a normalised offset back to the start of the word it falls in. */
function snapStart(tokens: Token[], offset: number): number {
  for (const t of tokens) if (t.end > offset) return Math.min(t.start, offset);
  return offset;
}

/** Move a normalised offset forward to the end of the word it falls in. */
function snapEnd(tokens: Token[], offset: number): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i]!.start < offset) return Math.max(tokens[i]!.end, offset);
  return offset;
}

/** The first of the claim's cues whose every term stands within its window of [s, e) (normalised offsets). */
function findContext(
  claim: number,
  s: number,
  e: number,
  block: BlockState,
  index: MatchIndex,
): { start: number; end: number } | null {
  const c = index.json.claims[claim]!;
  const lo = s - c.window;
  const hi = e + c.window;
  const tp = block.termPositions;
  for (const cue of c.cues) {
    let start = Infinity;
    let end = -1;
    const ok = cue.every((t) => {
      const i = (tp.get(t) ?? []).find((k) => block.tokens[k]!.start >= lo && block.tokens[k]!.end <= hi);
      if (i === undefined) return false;
      start = Math.min(start, block.tokens[i]!.start);
      end = Math.max(end, block.tokens[i]!.end);
      return true;
    });
    if (ok && end > start) return { start, end };
  }
  return null;
}

function lis(seq: number[]): number {
  const tails: number[] = [];
  for (const x of seq) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

/** Levenshtein distance ≤ max? Bounded, O(len · max). */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! <= max;
}
