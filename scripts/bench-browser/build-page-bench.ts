import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the in-page half of the browser benchmarks (page-bench.ts) into `outfile`, one IIFE script. */
export async function buildPageBench(repoRoot: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [join(repoRoot, 'scripts/bench-browser/page-bench.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    outfile,
    logLevel: 'warning',
  });
}
