import { z } from 'zod';
import { ClaimSchema } from './claim';
import { IncidentSchema } from './incident';
import { LexiconSchema } from './lexicon';
import { SourceSchema } from './source';

/** JSON Schemas for editors, generated from the zod schemas: repo-relative path → file text. */
export function generateJsonSchemas(): Record<string, string> {
  const entries: [string, z.ZodType][] = [
    ['data/schema/claim.schema.json', ClaimSchema],
    ['data/schema/source.schema.json', SourceSchema],
    ['data/schema/incident.schema.json', IncidentSchema],
    ['data/schema/lexicon.schema.json', LexiconSchema],
  ];
  const out: Record<string, string> = {};
  for (const [path, schema] of entries) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out[path] = JSON.stringify({ ...json, $comment: 'Generated from data/schema/*.ts by npm run data:schema. Do not edit.' }, null, 2) + '\n';
  }
  return out;
}
