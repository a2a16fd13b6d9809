import Fuse from 'fuse.js';
import type { Claim, Dataset } from '../data/schema/index';
import { normalizeText } from './engine/index';

/**
 * Search over the whole dataset for the popup: titles, speakers, phrasings, rebuttals and incidents, in
 * English and Persian, typo-tolerant (fuse.js), with the engine's normaliser applied to the query and the
 * data alike (Arabic/Persian letter forms, digits, joiners, case). Pure.
 */
export interface DatasetHit {
  claim: Claim;
  /** Relevance between 0 and 1 (1 = identical). */
  score: number;
}

interface Doc {
  claim: Claim;
  title: string;
  speakers: string;
  phrasings: string;
  rebuttal: string;
  incident: string;
}

const norm = (s: string) => normalizeText(s).text;

export function createDatasetSearch(dataset: Dataset, extraClaims: readonly Claim[] = []): (query: string, limit?: number) => DatasetHit[] {
  const incidents = new Map(dataset.incidents.map((i) => [i.id, i.title]));
  const docs: Doc[] = [...dataset.claims, ...extraClaims].map((claim) => ({
    claim,
    title: norm(claim.title),
    speakers: norm(claim.statements.map((s) => `${s.who.name} ${s.who.role}`).join(' | ')),
    phrasings: norm(claim.phrasings.map((p) => p.text).join(' | ')),
    rebuttal: norm(`${claim.rebuttal.en} ${claim.rebuttal.fa ?? ''}`),
    incident: norm(`${claim.incident} ${incidents.get(claim.incident) ?? ''}`),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'phrasings', weight: 3 },
      { name: 'speakers', weight: 2 },
      { name: 'incident', weight: 1 },
      { name: 'rebuttal', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
    minMatchCharLength: 2,
    // Word by word: "propoganda 1988" finds a claim with both words anywhere.
    useExtendedSearch: false,
  });
  return (query, limit = 10) => {
    const q = norm(query).trim();
    if (q.length < 2) return [];
    return fuse.search(q, { limit }).map((r) => ({ claim: r.item.claim, score: Math.round((1 - (r.score ?? 1)) * 1000) / 1000 }));
  };
}

/** Sources cited as evidence (distinct), shown in search results. */
export function evidenceCount(claim: Claim): number {
  return new Set(claim.evidence.map((e) => e.source)).size;
}
