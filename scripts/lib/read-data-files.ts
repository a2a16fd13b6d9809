import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFile } from '../../data/validate-dataset';

const FOLDERS = ['data/claims', 'data/sources', 'data/incidents', 'data/lexicons'] as const;

/** Every .json file in data/claims, data/sources, data/incidents and data/lexicons, sorted, with repo-relative paths. */
export function readDataFiles(repoRoot: string): DataFile[] {
  const files: DataFile[] = [];
  for (const folder of FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(repoRoot, folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const path = `${folder}/${name}`;
      files.push({ path, text: readFileSync(join(repoRoot, path), 'utf8') });
    }
  }
  return files;
}
