/**
 * The JSON exchange format: a whole library or one product, versioned.
 * Documented in docs/formats.md; JSON Schema generated into docs/schema/ by scripts in lib/exchange/json-schema.ts.
 */
import { z } from 'zod';
import { UserError } from '../domain/errors';
import { AnswerSchema, CompanyProfileSchema, CriterionSchema, EvidenceFileMetaSchema, ProductSchema, VariantSchema } from '../domain/schemas';
import type { Answer, CompanyProfile, Criterion, EvidenceFileMeta, Product, Variant } from '../domain/schemas';
import { FORBIDDEN_KEYS } from '../domain/text';
import { formatZodIssues } from '../domain/zod-fr';

export const FORMAT_ID = 'assistant-convergence';
export const FORMAT_VERSION = 1;
export const MAX_JSON_BYTES = 10 * 1024 * 1024;

export const LibrarySchema = z
  .strictObject({
    format: z.literal(FORMAT_ID),
    version: z.literal(FORMAT_VERSION),
    /** bibliotheque = everything; produit = one product (its variants, answers and the criteria they use). */
    scope: z.enum(['bibliotheque', 'produit']),
    exportedAt: z.iso.datetime({ offset: true }),
    generator: z.string().max(200).optional(),
    companies: z.array(CompanyProfileSchema).max(100),
    products: z.array(ProductSchema).max(1000),
    variants: z.array(VariantSchema).max(5000),
    criteria: z.array(CriterionSchema).max(20000),
    answers: z.array(AnswerSchema).max(500000),
    /** Evidence file descriptions (the files themselves are not included). */
    files: z.array(EvidenceFileMetaSchema).max(50000),
  })
  .superRefine((lib, ctx) => {
    const products = new Set(lib.products.map((p) => p.id));
    const variants = new Map(lib.variants.map((v) => [v.id, v.productId]));
    const seen = new Set<string>();
    lib.answers.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'id'], message: `réponse en double « ${a.id} »` });
      seen.add(a.id);
      if (!products.has(a.productId)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'productId'], message: `produit « ${a.productId} » absent du fichier` });
      if (a.variantId && variants.get(a.variantId) !== a.productId)
        ctx.addIssue({ code: 'custom', path: ['answers', i, 'variantId'], message: `variante « ${a.variantId} » absente du fichier pour ce produit` });
      if (a.id !== `${a.productId}|${a.variantId}|${a.criterionKey}` || a.criterionKey !== `${a.questionnaire}/${a.criterionId}`)
        ctx.addIssue({ code: 'custom', path: ['answers', i, 'id'], message: 'identifiant incohérent avec produit, variante et critère' });
    });
    lib.variants.forEach((v, i) => {
      if (!products.has(v.productId)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'productId'], message: `produit « ${v.productId} » absent du fichier` });
    });
    const keys = new Set<string>();
    lib.criteria.forEach((c, i) => {
      if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'key'], message: `critère en double « ${c.key} »` });
      keys.add(c.key);
    });
  });

export type Library = z.infer<typeof LibrarySchema>;

export function emptyLibrary(scope: Library['scope'], now = new Date()): Library {
  return { format: FORMAT_ID, version: FORMAT_VERSION, scope, exportedAt: now.toISOString(), generator: 'Assistant Convergence', companies: [], products: [], variants: [], criteria: [], answers: [], files: [] };
}

/** Find a forbidden key (__proto__, constructor, prototype) anywhere; returns its path. */
function findForbiddenKey(value: unknown, path: string): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findForbiddenKey(value[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const here = path ? `${path}.${k}` : k;
      if (FORBIDDEN_KEYS.has(k)) return here;
      const p = findForbiddenKey((value as Record<string, unknown>)[k], here);
      if (p) return p;
    }
  }
  return null;
}

/** Parse and validate a JSON library; French errors name the file and the path of the bad field. */
export function parseLibraryJson(textOrBytes: string | Uint8Array, fileName: string): Library {
  const size = typeof textOrBytes === 'string' ? textOrBytes.length : textOrBytes.byteLength;
  if (size > MAX_JSON_BYTES) throw new UserError(`Fichier « ${fileName} » trop volumineux (maximum ${MAX_JSON_BYTES / 1048576} Mo).`);
  const text = typeof textOrBytes === 'string' ? textOrBytes : new TextDecoder('utf-8').decode(textOrBytes);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`Fichier « ${fileName} » : JSON invalide (${e instanceof Error ? e.message : 'syntaxe'}).`);
  }
  const bad = findForbiddenKey(data, '');
  if (bad) throw new UserError(`Fichier « ${fileName} » refusé : clé interdite au champ ${bad}.`);
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== FORMAT_ID)
    throw new UserError(`Fichier « ${fileName} » : ce n'est pas un fichier Assistant Convergence (champ « format » attendu : « ${FORMAT_ID} »).`);
  const version = (data as { version?: unknown }).version;
  if (version !== FORMAT_VERSION)
    throw new UserError(`Fichier « ${fileName} » : version de format ${String(version)} non prise en charge (version attendue : ${FORMAT_VERSION}).`);
  const r = LibrarySchema.safeParse(data);
  if (!r.success) throw new UserError(`Fichier « ${fileName} » refusé, rien n'a été enregistré : ${formatZodIssues(r.error.issues)}.`);
  return r.data;
}

export function serializeLibrary(lib: Library): string {
  return JSON.stringify(lib, null, 2);
}

export interface LibraryParts {
  companies: CompanyProfile[];
  products: Product[];
  variants: Variant[];
  criteria: Criterion[];
  answers: Answer[];
  files: EvidenceFileMeta[];
}

export function makeLibrary(scope: Library['scope'], parts: LibraryParts, now = new Date()): Library {
  return { ...emptyLibrary(scope, now), ...parts };
}
