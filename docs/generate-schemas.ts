/** Regenerates docs/schema/*.json from the zod schemas:  npx tsx docs/generate-schemas.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsonSchemas } from '../lib/exchange/json-schema';

const out = join(dirname(fileURLToPath(import.meta.url)), 'schema');
mkdirSync(out, { recursive: true });
for (const [name, schema] of Object.entries(generateJsonSchemas())) {
  writeFileSync(join(out, name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`écrit : docs/schema/${name}`);
}
