/**
 * Rank dataset phrasings against a short query (popup search, "check a quote"). fuse.js suits this: the
 * query is short and the haystack is the dataset, not page text. Pure: no DOM, no `browser`.
 */
import Fuse from 'fuse.js';
import type { MatchIndex } from './match-index';
import { normalizeText } from './normalize-text';

export interface ClaimSearchResult {
  claimId: string;
  /** The best-ranked phrasing of that claim. */
  phrasing: string;
  /** Relevance between 0 and 1 (1 = identical). */
  score: number;
}

interface Entry {
  claimId: string;
  phrasing: string;
  norm: string;
}

const fuseCache = new WeakMap<MatchIndex, Fuse<Entry>>();

function fuseFor(index: MatchIndex): Fuse<Entry> {
  let fuse = fuseCache.get(index);
  if (!fuse) {
    const entries = index.json.phrasings.map((p) => ({
      claimId: index.json.claims[p.claim]!.id,
      phrasing: p.text,
      norm: p.norm,
    }));
    fuse = new Fuse(entries, {
      keys: ['norm'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.45,
      minMatchCharLength: 2,
    });
    fuseCache.set(index, fuse);
  }
  return fuse;
}

/** Claims whose phrasings best match `query`, best first, one result per claim, at most `limit`. */
export function searchClaims(query: string, index: MatchIndex, limit = 5): ClaimSearchResult[] {
  const q = normalizeText(query).text.trim();
  if (q.length < 2 || limit <= 0) return [];
  const results: ClaimSearchResult[] = [];
  const seen = new Set<string>();
  for (const r of fuseFor(index).search(q)) {
    if (seen.has(r.item.claimId)) continue;
    seen.add(r.item.claimId);
    results.push({ claimId: r.item.claimId, phrasing: r.item.phrasing, score: Math.round((1 - (r.score ?? 1)) * 1000) / 1000 });
    if (results.length >= limit) break;
  }
  return results;
}
