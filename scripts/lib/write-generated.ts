// Validate data/ and write the build-time artefacts the extension loads. Node only; used by
// `npm run generate` and by WXT's build hook (wxt.config.ts), so every WXT command works on a fresh clone.
//   generated/dataset.json      the validated Dataset {claims, sources, incidents} for the evidence cards
//   generated/match-index.json  the prebuilt match index (utils/engine), so pages never compile phrasings
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataProblem } from '../../data/validate-dataset';
import { buildMatchIndex } from '../../utils/engine/index';
import { loadDataset, REPO_ROOT } from './engine-data';

export type GenerateResult =
  | { ok: true; summary: string }
  | { ok: false; problems: DataProblem[] };

/** Validate data/ under `root` and write generated/. Returns the problems and writes nothing if data/ is invalid. */
export function writeGenerated(root = REPO_ROOT): GenerateResult {
  const { dataset, problems } = loadDataset(root);
  if (!dataset) return { ok: false, problems };
  const index = buildMatchIndex(dataset.claims, dataset);
  const out = join(root, 'generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'dataset.json'), JSON.stringify(dataset) + '\n');
  writeFileSync(join(out, 'match-index.json'), JSON.stringify(index) + '\n');
  return {
    ok: true,
    summary: `${dataset.claims.length} claims, ${index.phrasings.length} phrasings, ${index.terms.length} terms → generated/`,
  };
}

/** One line per problem, as data:check prints them. */
export function formatProblems(problems: DataProblem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.field}: ${p.message}`);
}
