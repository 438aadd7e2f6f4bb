/** Construction de la sortie de `convert` (chargé à la demande par convert.ts : zod, SheetJS, règles). */
import { UserError } from '../domain/errors';
import { resolveAnswers } from '../domain/resolve';
import { displaySafe } from '../domain/text';
import { parseLibraryJson, serializeLibrary } from '../exchange/json-format';
import type { Library } from '../exchange/json-format';
import { parseSpreadsheet } from '../exchange/sheet-import';
import type { ParsedWorkbook } from '../exchange/sheet-parse';
import { libraryFromWorkbook } from '../exchange/workbook-library';
import { writeProductWorkbook } from '../exchange/xlsx-export';
import { productReadiness } from '../rules/product-readiness';

function workbookFromLibrary(lib: Library, today: string, productId?: string, variantId = ''): Uint8Array {
  const product = productId ? lib.products.find((p) => p.id === productId) : lib.products.length === 1 ? lib.products[0] : undefined;
  if (!product) {
    if (productId) throw new UserError(`Produit « ${displaySafe(productId, 100)} » absent du fichier.`);
    throw new UserError(
      lib.products.length === 0
        ? 'Le fichier ne contient aucun produit.'
        : `Le fichier contient ${lib.products.length} produits : précisez --produit ID (${lib.products
            .slice(0, 20)
            .map((p) => `${displaySafe(p.id, 60)} = ${displaySafe(p.name, 60)}`)
            .join(', ')}${lib.products.length > 20 ? '…' : ''}).`,
    );
  }
  const variant = variantId ? lib.variants.find((v) => v.id === variantId && v.productId === product.id) : undefined;
  if (variantId && !variant) throw new UserError(`Variante « ${displaySafe(variantId, 100)} » absente du fichier pour ce produit.`);
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

/**
 * La sortie est relue par l'import avant d'être écrite : `convert` n'écrit jamais ce que l'import
 * refuserait (texte trop long, fichier trop gros, trop de lignes…), il refuse avec le motif.
 */
function assertReimportable(input: string, what: string, check: () => unknown): void {
  try {
    check();
  } catch (e) {
    const why = e instanceof UserError ? e.message.replace(/^Fichier « [^»]*» (?:refusé, rien n'a été enregistré ?)?:? ?/, '') : 'contenu inattendu';
    throw new UserError(`Fichier « ${input} » : conversion impossible, ${what} serait refusé à l'import : ${why.replace(/\.$/, '')}.`);
  }
}

export function jsonFromWorkbook(parsed: ParsedWorkbook, input: string, outName: string): { bytes: Uint8Array; criteria: number; answers: number } {
  const lib = libraryFromWorkbook(parsed);
  const bytes = new TextEncoder().encode(serializeLibrary(lib));
  assertReimportable(input, 'le JSON produit', () => parseLibraryJson(bytes, outName));
  return { bytes, criteria: lib.criteria.length, answers: lib.answers.length };
}

export function xlsxFromJson(data: string | Uint8Array, input: string, outName: string, today: string, productId?: string, variantId?: string) {
  const lib = parseLibraryJson(data, input);
  const bytes = workbookFromLibrary(lib, today, productId, variantId);
  assertReimportable(input, 'le classeur produit', () => parseSpreadsheet(bytes, outName));
  return { bytes, criteria: lib.criteria.length, answers: lib.answers.length };
}
