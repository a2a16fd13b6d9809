import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes one benchmark's figures under `key` in `<repoRoot>/bench-results.json`, keeping the other
 * benchmarks' keys (`npm run bench` runs the engine and the browser parts one after the other).
 */
export function writeBenchResults(repoRoot: string, key: string, figures: unknown): void {
  const file = join(repoRoot, 'bench-results.json');
  let results: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) results = parsed as Record<string, unknown>;
    } catch {
      console.error('bench-results.json was not valid JSON; replacing it');
    }
  }
  results[key] = figures;
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote bench-results.json (${key})`);
}
