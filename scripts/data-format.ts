// npm run data:format — rewrites every data file in canonical form: JSON.stringify(value, null, 2) plus a final
// newline, keys in the order they were written. Exit codes: 0 ok, 1 a file is not valid JSON, 2 I/O error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../data/validate-dataset';
import { readDataFiles } from './lib/read-data-files';

const root = process.cwd();
let changed = 0;
let broken = 0;
let files;
try {
  files = readDataFiles(root);
} catch (error) {
  console.error(`data:format: cannot read the data files: ${(error as Error).message}`);
  process.exit(2);
}
for (const file of files) {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch (error) {
    console.error(`${file.path}: (file): not valid JSON, not formatted: ${(error as Error).message}`);
    broken++;
    continue;
  }
  const text = canonicalJson(value);
  if (text !== file.text) {
    writeFileSync(join(root, file.path), text);
    console.log(`formatted ${file.path}`);
    changed++;
  }
}
console.log(`data:format: ${files.length} files, ${changed} rewritten${broken ? `, ${broken} not valid JSON` : ''}`);
process.exit(broken ? 1 : 0);
