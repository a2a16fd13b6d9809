import { matchBlocks, searchClaims, type MatchIndex, type MatchWhy } from './engine/index';

/**
 * "Check a quote": the claims closest to a selected passage, best first, even below the marking
 * threshold. The engine ranks first (with its reasons); fuse.js search over the phrasings fills in.
 * Pure: no DOM, no `browser`.
 */

/** Engine threshold for the quote check: well under the marking threshold, to rank near misses too. */
export const QUOTE_MIN_SCORE = 0.4;
/** Results below this closeness are not shown: "no known claim". */
export const QUOTE_MIN_SHOWN = 0.3;
export const QUOTE_MAX_RESULTS = 5;
/** Longest passage checked, in characters (a selection can be a whole page). */
export const QUOTE_MAX_CHARS = 5_000;

export interface QuoteResult {
  claimId: string;
  /** How close, between 0 and 1. */
  score: number;
  /** The dataset phrasing closest to the passage. */
  phrasing: string;
  /** Why the engine matched it; null for a result found by search only. */
  why: MatchWhy | null;
  /** Whether the passage would be marked on a page at the given threshold. */
  wouldMark: boolean;
}

export function checkQuote(text: string, indexes: readonly MatchIndex[], markThreshold: number): QuoteResult[] {
  const passage = text.replace(/\s+/g, ' ').trim().slice(0, QUOTE_MAX_CHARS);
  if (passage.length < 2) return [];
  const best = new Map<string, QuoteResult>();
  const offer = (r: QuoteResult) => {
    const had = best.get(r.claimId);
    if (!had || r.score > had.score || (r.score === had.score && had.why === null && r.why !== null)) best.set(r.claimId, r);
  };
  for (const index of indexes) {
    for (const m of matchBlocks([passage], index, { minScore: QUOTE_MIN_SCORE })) {
      offer({ claimId: m.claimId, score: m.score, phrasing: m.phrasing, why: m.why, wouldMark: m.score >= markThreshold });
    }
    // Search scores fuzzy closeness of the whole passage to a phrasing; it ranks after any engine match.
    for (const s of searchClaims(passage, index, QUOTE_MAX_RESULTS)) {
      if (best.has(s.claimId) || s.score < QUOTE_MIN_SHOWN) continue;
      offer({ claimId: s.claimId, score: Math.min(s.score, QUOTE_MIN_SCORE), phrasing: s.phrasing, why: null, wouldMark: false });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.claimId.localeCompare(b.claimId)).slice(0, QUOTE_MAX_RESULTS);
}
