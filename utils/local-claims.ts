import { ClaimSchema, type Claim, type Dataset } from '../data/schema/index';
import { canonicalJson, validateDataset, type DataFile, type DataProblem } from '../data/validate-dataset';

/**
 * Claims a maintainer writes in the options page, in exactly the format of data/claims/<id>.json, checked
 * by the same validator as `npm run data:check` (same file-and-field messages) against the bundled
 * sources, incidents and lexicons. Kept in storage.local on this device; marked on pages beside the dataset's.
 */

/** Where a local claim would live in the repository; problems are reported under this path. */
export function localClaimPath(id: unknown): string {
  return `data/claims/${typeof id === 'string' && id !== '' ? id : '(no id)'}.json`;
}

export interface LocalClaimsCheck {
  /** The valid claims, in input order; empty when any claim has a problem. */
  claims: Claim[];
  problems: DataProblem[];
}

/**
 * Validates local claims (parsed JSON values or file texts) against the bundled dataset. A problem in
 * any of them makes the whole set invalid: the caller then stores nothing.
 */
export function checkLocalClaims(inputs: readonly unknown[], dataset: Dataset): LocalClaimsCheck {
  const problems: DataProblem[] = [];
  const files: DataFile[] = [];
  const localPaths = new Set<string>();
  const datasetIds = new Set(dataset.claims.map((c) => c.id));
  inputs.forEach((input) => {
    let value: unknown = input;
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input);
      } catch (error) {
        problems.push({ path: localClaimPath(null), field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
        return;
      }
    }
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
    const path = localClaimPath(id);
    if (typeof id === 'string' && datasetIds.has(id)) {
      problems.push({ path, field: 'id', message: `id "${id}" is already used by the bundled dataset; choose another id` });
    }
    localPaths.add(path);
    // The editor re-indents what it stores, so canonical form is not the maintainer's concern here.
    files.push({ path, text: canonicalJson(value) });
  });
  for (const s of dataset.sources) files.push({ path: `data/sources/${s.id}.json`, text: canonicalJson(s) });
  for (const i of dataset.incidents) files.push({ path: `data/incidents/${i.id}.json`, text: canonicalJson(i) });
  // Local signatures may name the dataset's concepts; the lexicons' own checks are data:check's business.
  for (const l of dataset.lexicons ?? []) files.push({ path: `data/lexicons/${l.id}.json`, text: canonicalJson(l) });
  const result = validateDataset(files, { skipNearDuplicates: true });
  problems.push(...result.problems.filter((p) => localPaths.has(p.path)));
  if (problems.length > 0) return { claims: [], problems };
  return { claims: files.filter((f) => localPaths.has(f.path)).map((f) => ClaimSchema.parse(JSON.parse(f.text))), problems };
}

/** One line per problem, as data:check prints them. */
export function problemLines(problems: readonly DataProblem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.field}: ${p.message}`);
}

/** The editor's text for a claim: the canonical file text. */
export function claimFileText(claim: Claim): string {
  return canonicalJson(claim);
}

/** Replaces the claim with the same id, or appends; removes the claim `replacing` when its id changed. */
export function upsertClaim(claims: readonly Claim[], claim: Claim, replacing?: string): Claim[] {
  const rest = claims.filter((c) => c.id !== claim.id && c.id !== replacing);
  const at = claims.findIndex((c) => c.id === (replacing ?? claim.id));
  if (at < 0) return [...rest, claim];
  const out = [...rest];
  out.splice(Math.min(at, out.length), 0, claim);
  return out;
}
