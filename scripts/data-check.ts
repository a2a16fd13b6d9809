// npm run data:check [-- --root DIR]
// Validates every file in data/ and prints one line per problem: `<file>: <field>: <what is wrong>`.
// Exit codes: 0 ok, 1 data errors, 2 usage or I/O error.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateJsonSchemas } from '../data/schema/json-schemas';
import { validateDataset } from '../data/validate-dataset';
import type { DataProblem } from '../data/validate-dataset';
import { readKnownUrls, SOURCES_TSV } from './lib/known-urls';
import { readDataFiles } from './lib/read-data-files';

function usage(message: string): never {
  console.error(`data:check: ${message}\nusage: npm run data:check [-- --root DIR]`);
  process.exit(2);
}

function parseRoot(args: string[]): string {
  if (args.length === 0) return process.cwd();
  if (args.length === 2 && args[0] === '--root' && args[1]) return resolve(args[1]);
  usage(`unexpected arguments: ${args.join(' ')}`);
}

function main(): void {
  const root = parseRoot(process.argv.slice(2));
  if (!existsSync(join(root, 'data'))) usage(`no data/ folder in ${root}`);

  let files;
  let knownUrls;
  try {
    files = readDataFiles(root);
    knownUrls = readKnownUrls(root);
  } catch (error) {
    console.error(`data:check: cannot read the data files: ${(error as Error).message}`);
    process.exit(2);
  }

  const { dataset, problems } = validateDataset(files, knownUrls ? { knownUrls } : {});
  problems.push(...staleJsonSchemas(root));

  for (const p of problems) console.error(formatProblem(p));
  if (problems.length > 0) {
    console.error(`data:check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.path)).size} file(s)`);
    process.exit(1);
  }
  if (!dataset) process.exit(1);
  const withPersian = dataset.claims.filter((c) => c.phrasings.some((p) => p.lang === 'fa')).length;
  const urlNote = knownUrls ? `all URLs found in ${SOURCES_TSV}` : `URLs not checked (${SOURCES_TSV} not found)`;
  console.log(
    `data:check: ok: ${dataset.claims.length} claims (${withPersian} with Persian phrasings), ${dataset.sources.length} sources, ${dataset.incidents.length} incidents; ${urlNote}`,
  );
}

function formatProblem(p: DataProblem): string {
  return `${p.path}: ${p.field}: ${p.message}`;
}

/** The committed JSON Schemas must equal what the zod schemas generate now. */
function staleJsonSchemas(root: string): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const [path, text] of Object.entries(generateJsonSchemas())) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current !== text) problems.push({ path, field: '(file)', message: 'out of date with data/schema/*.ts; run npm run data:schema' });
  }
  return problems;
}

main();
