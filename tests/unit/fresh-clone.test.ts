// The quick start on a fresh machine: `npm ci` must accept the committed lockfile there, and every WXT
// command must find generated/ without `npm run generate` having run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; optionalDependencies?: Record<string, string> }>;
};

describe('package-lock.json on a fresh machine', () => {
  // npm ci refuses a lockfile that lacks an optional platform package the registry serves (issue 8).
  it.each(['node_modules/rollup', 'node_modules/esbuild'])('lists every optional platform package of %s', (pkg) => {
    const entry = lock.packages[pkg];
    expect(entry, `${pkg} in the lockfile`).toBeDefined();
    const optional = Object.keys(entry!.optionalDependencies ?? {});
    expect(optional.length).toBeGreaterThan(5);
    const missing = optional.filter((name) => !lock.packages[`node_modules/${name}`]);
    expect(missing, 'regenerate: rm -rf node_modules package-lock.json && npm install').toEqual([]);
  });
});

describe('wxt.config.ts', () => {
  it('writes generated/ in a build:before hook, so wxt build needs no npm script first', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/'build:before':\s*\(wxt\)\s*=>/);
    expect(config).toContain('writeGenerated(wxt.config.root)');
  });
});
