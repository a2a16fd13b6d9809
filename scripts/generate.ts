// npm run generate
// Validates data/ and writes the build-time artefacts the extension loads:
//   generated/dataset.json      the validated Dataset {claims, sources, incidents} for the evidence cards
//   generated/match-index.json  the prebuilt match index (utils/engine), so pages never compile phrasings
// Exit codes: 0 ok, 1 dataset problems, 2 I/O error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatchIndex } from '../utils/engine/index';
import { loadDataset, REPO_ROOT } from './lib/engine-data';

function main(): void {
  const { dataset, problems } = loadDataset(REPO_ROOT);
  if (!dataset) {
    for (const p of problems) console.error(`${p.path}: ${p.field}: ${p.message}`);
    console.error(`generate: ${problems.length} problem(s) in data/; nothing written`);
    process.exit(1);
  }
  const index = buildMatchIndex(dataset.claims);
  const out = join(REPO_ROOT, 'generated');
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'dataset.json'), JSON.stringify(dataset) + '\n');
    writeFileSync(join(out, 'match-index.json'), JSON.stringify(index) + '\n');
  } catch (error) {
    console.error(`generate: cannot write ${out}: ${(error as Error).message}`);
    process.exit(2);
  }
  console.log(
    `generate: ${dataset.claims.length} claims, ${index.phrasings.length} phrasings, ${index.terms.length} terms → generated/`,
  );
}

main();
