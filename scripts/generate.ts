// npm run generate
// Validates data/ and writes generated/ (see scripts/lib/write-generated.ts). WXT runs the same step before
// every build, so `wxt build` alone works too; this command is for the CLI, typecheck and unit tests.
// Exit codes: 0 ok, 1 dataset problems, 2 I/O error.
import { formatProblems, writeGenerated } from './lib/write-generated';

function main(): void {
  let result;
  try {
    result = writeGenerated();
  } catch (error) {
    console.error(`generate: cannot write generated/: ${(error as Error).message}`);
    process.exit(2);
  }
  if (!result.ok) {
    for (const line of formatProblems(result.problems)) console.error(line);
    console.error(`generate: ${result.problems.length} problem(s) in data/; nothing written`);
    process.exit(1);
  }
  console.log(`generate: ${result.summary}`);
}

main();
