// Load the dataset's claims for the engine scripts (match, eval, bench, generate). Node only.
import { join } from 'node:path';
import { validateDataset, type DataProblem } from '../../data/validate-dataset';
import type { Dataset } from '../../data/schema/index';
import { buildMatchIndex, loadMatchIndex, type IndexableClaim, type MatchIndex, type SignatureData } from '../../utils/engine/index';
import { readKnownUrls } from './known-urls';
import { readDataFiles } from './read-data-files';

/** The repository root (this file lives in scripts/lib/). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/**
 * Validate data/ as data:check does (including the source URL list when ../shared/research is present).
 * `forMatching`: the matching tools' quick load — no URL list, no fuzzy near-duplicate check of phrasings.
 */
export function loadDataset(root = REPO_ROOT, forMatching = false): { dataset: Dataset | null; problems: DataProblem[] } {
  const known = forMatching ? null : readKnownUrls(root);
  return validateDataset(readDataFiles(root), { ...(known ? { knownUrls: known } : {}), skipNearDuplicates: forMatching });
}

/**
 * Claims to match against. Uses the validated dataset; if validation fails somewhere (e.g. a source file
 * being edited), falls back to the claim files that parse, so the maintainers' tools keep working, and
 * reports why on `warn`.
 */
export function loadClaims(root = REPO_ROOT, warn: (message: string) => void = () => {}): IndexableClaim[] {
  const { dataset, problems } = loadDataset(root, true);
  if (dataset) return dataset.claims;
  warn(`dataset has ${problems.length} problem(s) (run npm run data:check); matching with the claim files that parse`);
  const claims: IndexableClaim[] = [];
  for (const file of readDataFiles(root)) {
    if (!file.path.startsWith('data/claims/')) continue;
    try {
      const c = JSON.parse(file.text) as Partial<IndexableClaim>;
      if (typeof c.id === 'string' && Array.isArray(c.phrasings)) claims.push(c as IndexableClaim);
    } catch {
      warn(`${file.path}: not valid JSON, skipped`);
    }
  }
  return claims;
}

/**
 * The lexicons and incident cues the signatures need, from the files that parse (validity is data:check's
 * job), so the CLI keeps matching while a file is being edited.
 */
export function loadSignatureData(root = REPO_ROOT): Required<SignatureData> {
  const data: Required<SignatureData> = { lexicons: [], incidents: [] };
  for (const file of readDataFiles(root)) {
    const folder = file.path.startsWith('data/lexicons/') ? 'lexicons' : file.path.startsWith('data/incidents/') ? 'incidents' : null;
    if (!folder) continue;
    try {
      const value = JSON.parse(file.text) as { id?: unknown };
      if (typeof value.id === 'string') (data[folder] as unknown[]).push(value);
    } catch {
      // reported by data:check
    }
  }
  return data;
}

/**
 * The match index, built from data/ directly. Building takes milliseconds, and unlike generated/ it can
 * never be stale after a data or engine change, so the CLI works on a fresh clone right after `npm ci`.
 */
export function loadIndex(root = REPO_ROOT, warn?: (message: string) => void): MatchIndex {
  return loadMatchIndex(buildMatchIndex(loadClaims(root, warn), loadSignatureData(root)));
}
