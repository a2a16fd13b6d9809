// npm run data:new -- <id> — scaffolds data/claims/<id>.json. Every "TODO" must be replaced before
// data:check passes. Refuses to overwrite. Exit codes: 0 written, 2 usage or I/O error.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdSchema, SCHEMA_REF_CLAIM, claimTemplate } from './lib/claim-template';
import { canonicalJson } from '../data/validate-dataset';

function fail(message: string): never {
  console.error(`data:new: ${message}\nusage: npm run data:new -- <id>   (id: kebab-case, e.g. 2019-death-tolls-are-pure-lies)`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length !== 1 || !args[0]) fail('give exactly one claim id');
const id = args[0];
const parsed = IdSchema.safeParse(id);
if (!parsed.success) fail(`"${id}" is not a valid id: ${parsed.error.issues[0]?.message ?? 'invalid'}`);

const path = `data/claims/${id}.json`;
const file = join(process.cwd(), path);
if (existsSync(file)) fail(`${path} already exists; edit it instead`);
if (!existsSync(join(process.cwd(), 'data', 'claims'))) fail('run this from the repository root (no data/claims folder here)');
try {
  writeFileSync(file, canonicalJson(claimTemplate(id, new Date())), { flag: 'wx' });
} catch (error) {
  fail(`cannot write ${path}: ${(error as Error).message}`);
}
console.log(`wrote ${path} (schema ${SCHEMA_REF_CLAIM}). Replace every TODO, then run: npm run data:check`);
