import datasetJson from '../generated/dataset.json';
import indexJson from '../generated/match-index.json';
import type { Claim, Dataset, Incident, Source } from '../data/schema/index';
import { cyrb53 } from './cyrb53';
import { buildMatchIndex, loadMatchIndex, matchBlocks, type BlockMatch, type MatchIndex, type MatchIndexJson, type MatchOptions } from './engine/index';

/**
 * The bundled dataset with its prebuilt index, plus the maintainer's local claims, indexed at run time
 * (buildMatchIndex) and matched beside the dataset's. Pure: the local claims come in as an argument.
 */
export const DATASET = datasetJson as unknown as Dataset;
let datasetIndex: MatchIndex | null = null;

export function bundledIndex(): MatchIndex {
  datasetIndex ??= loadMatchIndex(indexJson as unknown as MatchIndexJson);
  return datasetIndex;
}

export interface ClaimBundle {
  claims: ReadonlyMap<string, Claim>;
  sources: Record<string, Source>;
  incidents: Record<string, Incident>;
  /** The dataset's index, then the local claims' (when there are any). */
  indexes: MatchIndex[];
  localClaims: readonly Claim[];
}

export function claimBundle(localClaims: readonly Claim[] = []): ClaimBundle {
  const claims = new Map<string, Claim>(DATASET.claims.map((c) => [c.id, c]));
  for (const c of localClaims) if (!claims.has(c.id)) claims.set(c.id, c);
  const indexes = [bundledIndex()];
  const local = localClaims.filter((c) => !DATASET.claims.some((d) => d.id === c.id));
  // Local claims may use the dataset's lexicons and incident cues in their signatures.
  if (local.length > 0) indexes.push(loadMatchIndex(buildMatchIndex(local, DATASET)));
  return {
    claims,
    sources: Object.fromEntries(DATASET.sources.map((s) => [s.id, s])),
    incidents: Object.fromEntries(DATASET.incidents.map((i) => [i.id, i])),
    indexes,
    localClaims: local,
  };
}

/** Matches blocks against every index of the bundle, ordered by block then start offset. */
export function matchBundle(blocks: readonly string[], bundle: ClaimBundle, options: MatchOptions = {}): BlockMatch[] {
  const all = bundle.indexes.flatMap((index) => matchBlocks(blocks, index, options));
  return bundle.indexes.length === 1 ? all : all.sort((a, b) => a.block - b.block || a.start - b.start);
}

/**
 * A short, stable fingerprint of the bundled dataset (cyrb53 of its JSON, 14 hex digits): the popup shows it
 * so two readers can tell whether they have the same data.
 */
export function datasetHash(dataset: Dataset = DATASET): string {
  return cyrb53(JSON.stringify(dataset));
}

/** The dataset's version: the latest review date of any claim. */
export function datasetVersion(dataset: Dataset = DATASET): string {
  return dataset.claims.map((c) => c.reviewed).sort().at(-1) ?? '';
}
