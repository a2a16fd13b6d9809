// The dataset's types come from these zod schemas only; the JSON Schemas beside them are generated
// (npm run data:schema) for editors and must never be edited by hand.
import type { Claim } from './claim';
import type { Incident } from './incident';
import type { Lexicon } from './lexicon';
import type { Source } from './source';

export * from './common';
export * from './claim';
export * from './incident';
export * from './lexicon';
export * from './source';

export interface Dataset {
  claims: Claim[];
  sources: Source[];
  incidents: Incident[];
  /** Concept lexicons named by claims' signatures. */
  lexicons: Lexicon[];
}
