// npm run data:export -- --format claimreview [--out FILE] [--base-url URL]
// Writes schema.org ClaimReview JSON-LD for every claim to stdout or FILE. Refuses to export invalid data.
// Exit codes: 0 ok, 1 data errors, 2 usage or I/O error.
import { writeFileSync } from 'node:fs';
import { DEFAULT_REVIEW_BASE_URL, toClaimReviews } from '../data/export-claimreview';
import { validateDataset } from '../data/validate-dataset';
import { readDataFiles } from './lib/read-data-files';

function usage(message: string): never {
  console.error(`data:export: ${message}\nusage: npm run data:export -- --format claimreview [--out FILE] [--base-url URL]`);
  process.exit(2);
}

const options: Record<string, string> = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const key = args[i];
  const value = args[i + 1];
  if (!key || !['--format', '--out', '--base-url'].includes(key) || value === undefined) usage(`unexpected argument "${key ?? ''}"`);
  options[key] = value;
}
if (options['--format'] !== 'claimreview') usage('only --format claimreview is supported');
const baseUrl = options['--base-url'] ?? DEFAULT_REVIEW_BASE_URL;
if (!/^https?:\/\/.+\/$/.test(baseUrl)) usage('--base-url must be an http(s) URL ending with "/"');
if (!options['--base-url']) console.error(`data:export: review URLs use the placeholder ${DEFAULT_REVIEW_BASE_URL}; pass --base-url to set the real one`);

const { dataset, problems } = validateDataset(readDataFiles(process.cwd()));
if (!dataset || problems.length > 0) {
  for (const p of problems) console.error(`${p.path}: ${p.field}: ${p.message}`);
  console.error('data:export: fix the data first (npm run data:check)');
  process.exit(1);
}
const text = JSON.stringify(toClaimReviews(dataset, baseUrl), null, 2) + '\n';
if (options['--out']) {
  try {
    writeFileSync(options['--out'], text);
  } catch (error) {
    console.error(`data:export: cannot write ${options['--out']}: ${(error as Error).message}`);
    process.exit(2);
  }
  console.error(`data:export: wrote ${dataset.claims.length} ClaimReview items to ${options['--out']}`);
} else {
  process.stdout.write(text);
}
