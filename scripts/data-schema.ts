// npm run data:schema — writes the JSON Schemas for editors from the zod schemas in data/schema/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsonSchemas } from '../data/schema/json-schemas';

for (const [path, text] of Object.entries(generateJsonSchemas())) {
  writeFileSync(join(process.cwd(), path), text);
  console.log(`wrote ${path}`);
}
