/** `convert IN OUT`: spreadsheet (.xlsx…) → JSON library, or JSON library → .xlsx workbook. */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { UserError } from '../domain/errors';
import { resolveAnswers } from '../domain/resolve';
import { parseLibraryJson, serializeLibrary } from '../exchange/json-format';
import type { Library } from '../exchange/json-format';
import { isJsonFile } from '../exchange/service';
import { parseSpreadsheet } from '../exchange/sheet-import';
import { libraryFromWorkbook } from '../exchange/workbook-library';
import { writeProductWorkbook } from '../exchange/xlsx-export';
import { productReadiness } from '../rules/product-readiness';
import { readInput } from './check';

export interface ConvertResult {
  input: string;
  output: string;
  direction: 'xlsx→json' | 'json→xlsx';
  criteria: number;
  answers: number;
}

export function workbookFromLibrary(lib: Library, today: string, productId?: string, variantId = ''): Uint8Array {
  const product = productId ? lib.products.find((p) => p.id === productId) : lib.products.length === 1 ? lib.products[0] : undefined;
  if (!product) {
    if (productId) throw new UserError(`Produit « ${productId} » absent du fichier.`);
    throw new UserError(
      lib.products.length === 0
        ? 'Le fichier ne contient aucun produit.'
        : `Le fichier contient ${lib.products.length} produits : précisez --produit ID (${lib.products.map((p) => `${p.id} = ${p.name}`).join(', ')}).`,
    );
  }
  const variant = variantId ? lib.variants.find((v) => v.id === variantId && v.productId === product.id) : undefined;
  if (variantId && !variant) throw new UserError(`Variante « ${variantId} » absente du fichier pour ce produit.`);
  const catalogue = new Map(lib.criteria.map((c) => [c.key, c]));
  const producerId = product.role.kind === 'distributeur' ? product.role.producerProductId : undefined;
  const resolved = resolveAnswers({
    product,
    variantId,
    answers: lib.answers.filter((a) => a.productId === product.id),
    criteria: catalogue,
    ...(producerId ? { producerAnswers: lib.answers.filter((a) => a.productId === producerId) } : {}),
  });
  const report = productReadiness({ product, catalogue: lib.criteria, resolved, today });
  return writeProductWorkbook({ product, variant, criteria: lib.criteria, answers: resolved.map((r) => ({ answer: r.answer, source: r.source })), report });
}

export async function convertFile(input: string, output: string, today: string, productId?: string, variantId?: string): Promise<ConvertResult> {
  const outExt = extname(output).toLowerCase();
  const data = await readInput(input);
  const name = basename(input);
  let bytes: Uint8Array | string;
  let result: Omit<ConvertResult, 'input' | 'output'>;
  if (isJsonFile(name, data)) {
    if (outExt !== '.xlsx') throw new UserError(`Conversion d'un JSON : le fichier de sortie doit finir par .xlsx (reçu « ${basename(output)} »).`);
    const lib = parseLibraryJson(data, name);
    bytes = workbookFromLibrary(lib, today, productId, variantId);
    result = { direction: 'json→xlsx', criteria: lib.criteria.length, answers: lib.answers.length };
  } else {
    if (outExt !== '.json') throw new UserError(`Conversion d'un tableur : le fichier de sortie doit finir par .json (reçu « ${basename(output)} »).`);
    const lib = libraryFromWorkbook(parseSpreadsheet(data, name));
    bytes = serializeLibrary(lib);
    result = { direction: 'xlsx→json', criteria: lib.criteria.length, answers: lib.answers.length };
  }
  try {
    await writeFile(output, bytes);
  } catch {
    throw new UserError(`Impossible d'écrire « ${output} ».`);
  }
  return { input, output, ...result };
}
