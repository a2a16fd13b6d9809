// Nightly fuzz run: the engine's property tests (scripts/lib/engine-properties.ts) with many more cases than
// `npm test` runs. FUZZ_RUNS cases per property (default 100,000; the long-text property runs FUZZ_RUNS / 2,000
// texts of 100,000+ units), FUZZ_SEED to replay a run. Exits 1 with the shrunk counterexample on a failure.
import fc from 'fast-check';
import { loadClaims, loadIndex } from './lib/engine-data';
import { engineProperties } from './lib/engine-properties';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('FUZZ_RUNS must be a positive integer and FUZZ_SEED an integer');
  process.exit(2);
}

const claims = loadClaims(undefined, (message) => console.error(message));
const properties = engineProperties(loadIndex(), claims);
const plan: [keyof typeof properties, number][] = [
  ['normalize', runs],
  ['matchText', runs],
  ['matchBlocks', runs],
  ['longText', Math.max(1, Math.round(runs / 2_000))],
];

console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${claims.length} claims`);
let failed = false;
const started = performance.now();
for (const [name, numRuns] of plan) {
  const t0 = performance.now();
  const property = properties[name] as fc.IProperty<unknown>;
  const details = fc.check(property, { numRuns, seed });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (details.failed) {
    failed = true;
    console.error(`✗ ${name}: failed after ${details.numRuns} cases (${seconds} s)\n${fc.defaultReportMessage(details)}`);
  } else {
    console.log(`✓ ${name}: ${details.numRuns} cases in ${seconds} s`);
  }
}
console.log(`fuzz: ${properties.counts.matches} matches checked, ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
process.exit(failed ? 1 : 0);
