import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas } from '../../../../lib/exchange/json-schema';

const DOCS = resolve(__dirname, '../../../../docs/schema');

describe('schémas JSON publiés', () => {
  it('docs/schema/*.json à jour avec les schémas zod (npx tsx docs/generate-schemas.ts)', () => {
    for (const [name, schema] of Object.entries(generateJsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(join(DOCS, name), 'utf8'));
      expect(onDisk, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('le schéma de bibliothèque liste chaque section de premier niveau', () => {
    const lib = generateJsonSchemas()['bibliotheque.schema.json'] as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(lib.properties)).toEqual(expect.arrayContaining(['format', 'version', 'scope', 'products', 'variants', 'criteria', 'answers', 'files', 'companies']));
  });
});
