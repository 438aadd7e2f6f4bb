/**
 * Le format d'échange JSON : une bibliothèque entière ou un produit, versionné pour que les anciens fichiers restent lisibles.
 * Décrit dans docs/formats.md ; schémas JSON générés dans docs/schema/ par lib/exchange/json-schema.ts.
 */
import { z } from 'zod';
import { UserError } from '../domain/errors';
import { answerIdsAgree, AnswerSchema, CompanyProfileSchema, CriterionSchema, EvidenceFileMetaSchema, ProductSchema, VariantSchema } from '../domain/schemas';
import type { Answer, CompanyProfile, Criterion, EvidenceFileMeta, Product, Variant } from '../domain/schemas';
import { displaySafe, findHostileChar, FORBIDDEN_KEYS, HOSTILE_KIND_LABELS, neutralizeName } from '../domain/text';
import { formatPath, formatZodIssues } from '../domain/zod-fr';
import { readJsonText } from './json-text';
import { FILE_LIMITS } from './limits';
import { maxOf, TEXT_LIMITS } from './text-limits';

const FORMAT_ID = 'assistant-convergence';
export const FORMAT_VERSION = 1;

export const LibrarySchema = z
  .strictObject({
    format: z.literal(FORMAT_ID),
    version: z.literal(FORMAT_VERSION),
    /** bibliotheque : tout ; produit : un produit (ses variantes, ses réponses et les critères qu'elles utilisent). */
    scope: z.enum(['bibliotheque', 'produit']),
    exportedAt: z.iso.datetime({ offset: true }),
    generator: z.string().max(200).optional(),
    companies: z.array(CompanyProfileSchema).max(100),
    products: z.array(ProductSchema).max(1000),
    variants: z.array(VariantSchema).max(5000),
    criteria: z.array(CriterionSchema).max(20000),
    answers: z.array(AnswerSchema).max(500000),
    /** Descriptions des preuves (les fichiers eux-mêmes ne sont pas inclus). */
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
      if (!answerIdsAgree(a))
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
    // Deux objets de même identifiant : l'un écraserait l'autre sans que personne le voie.
    const unique = (list: readonly { id: string }[], field: string, what: string) => {
      const ids = new Set<string>();
      list.forEach((x, i) => {
        if (ids.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `${what} en double « ${x.id} »` });
        ids.add(x.id);
      });
    };
    unique(lib.products, 'products', 'produit');
    unique(lib.variants, 'variants', 'variante');
    unique(lib.companies, 'companies', 'fiche administrative');
    unique(lib.files, 'files', 'fichier de preuve');
  });

export type Library = z.infer<typeof LibrarySchema>;

function emptyLibrary(scope: Library['scope'], now = new Date()): Library {
  return { format: FORMAT_ID, version: FORMAT_VERSION, scope, exportedAt: now.toISOString(), generator: 'Assistant Convergence', companies: [], products: [], variants: [], criteria: [], answers: [], files: [] };
}

/** Champs identifiants : exacts, donc refusés s'ils contiennent un caractère trompeur (jamais modifiés). */
const ID_FIELDS = new Set(['id', 'key', 'productId', 'variantId', 'criterionKey', 'criterionId', 'companyId', 'fileId', 'producerProductId', 'hash']);
const ID_LISTS = new Set(['excludedCriteria', 'applicableQuestionnaires']);
/** Noms affichés sur une ligne : sauts de ligne, tabulations et contrôles bidirectionnels neutralisés. */
const NAME_FIELDS = new Set(['name', 'commercialName', 'osLabel', 'denomination', 'evidenceType', 'author', 'version', 'nil']);
const NAME_LISTS = new Set(['interests', 'expectedEvidence', 'options', 'choices']);

/**
 * Longueur maximale des listes, par nom de champ, lue dans les schémas : une liste trop longue est refusée
 * avant zod, qui relèverait une erreur par élément (des millions pour une liste de 500 000 objets vides).
 */
const ARRAY_MAX: Record<string, number> = (() => {
  const lib = LibrarySchema.shape;
  const out: Record<string, number> = {};
  for (const k of ['companies', 'products', 'variants', 'criteria', 'answers', 'files'] as const) out[k] = maxOf(lib[k]);
  out.evidence = maxOf(AnswerSchema.shape.evidence);
  out.interests = maxOf(ProductSchema.shape.interests);
  out.excludedCriteria = maxOf(ProductSchema.shape.excludedCriteria);
  out.expectedEvidence = maxOf(CriterionSchema.shape.expectedEvidence);
  out.acceptableLevels = maxOf(CriterionSchema.shape.acceptableLevels);
  out.options = maxOf(CriterionSchema.shape.options);
  out.choices = TEXT_LIMITS.choices;
  return out;
})();

/**
 * Parcours en profondeur itératif (jamais récursif : la profondeur vient du fichier) de la valeur lue :
 * profondeur, longueur des listes, clés interdites (pollution de prototype), caractères interdits. La pile ne
 * garde qu'un cadre par niveau (64 au plus), quelle que soit la taille du fichier. Les noms sont neutralisés
 * en place.
 */
function inspectJsonValue(root: unknown, fileName: string): void {
  type Container = Record<string, unknown> | unknown[];
  type Frame = { node: Container; keys: string[] | null; next: number; field: string; key: PropertyKey };
  const frames: Frame[] = [];
  const pathTo = (key?: PropertyKey): PropertyKey[] => {
    const p = frames.slice(1).map((f) => f.key);
    return key === undefined ? p : [...p, key];
  };
  const refuse = (path: PropertyKey[], why: string) =>
    new UserError(`Fichier « ${fileName} » refusé, rien n'a été enregistré : champ ${displaySafe(formatPath(path), 120)} : ${why}.`);

  /** Une valeur rangée sous `key` dans `holder` (le conteneur du cadre courant), de nom de champ `field`. */
  const visit = (value: unknown, holder: Container | null, key: PropertyKey, field: string, inList: string): void => {
    if (typeof value === 'string') {
      const isId = ID_FIELDS.has(field) || ID_LISTS.has(inList);
      const isName = !isId && (NAME_FIELDS.has(field) || NAME_LISTS.has(inList));
      const loose = !isId && !isName;
      const bad = findHostileChar(value, { bidi: loose, lineBreaks: loose });
      if (!bad) return;
      // Un nom sur plusieurs lignes ou à l'affichage inversé est ramené à une ligne lisible ; le reste est refusé.
      if (isName && holder && (bad.kind === 'bidi' || bad.kind === 'saut') && !findHostileChar(value, { bidi: true, lineBreaks: true }))
        (holder as Record<PropertyKey, unknown>)[key] = neutralizeName(value);
      else throw refuse(pathTo(key), `${HOSTILE_KIND_LABELS[bad.kind]} (${bad.label}) interdit`);
      return;
    }
    if (!value || typeof value !== 'object') return;
    if (frames.length >= FILE_LIMITS.jsonDepth) throw refuse(pathTo(key).slice(0, 8), `imbrication trop profonde (plus de ${FILE_LIMITS.jsonDepth} niveaux)`);
    if (Array.isArray(value)) {
      const max = ARRAY_MAX[field];
      if (max !== undefined && value.length > max) throw refuse(pathTo(key), `trop d'éléments (${value.length}, maximum ${max})`);
      frames.push({ node: value, keys: null, next: 0, field, key });
      return;
    }
    const keys = Object.keys(value);
    for (const k of keys) {
      if (FORBIDDEN_KEYS.has(k)) throw new UserError(`Fichier « ${fileName} » refusé : clé interdite au champ ${displaySafe(formatPath(pathTo(key).concat(k).slice(holder ? 0 : 1)), 120)}.`);
      const badKey = findHostileChar(k);
      if (badKey) throw refuse(pathTo(key).concat(k).slice(holder ? 0 : 1), `nom de champ avec ${HOSTILE_KIND_LABELS[badKey.kind]} (${badKey.label})`);
    }
    frames.push({ node: value as Record<string, unknown>, keys, next: 0, field, key });
  };

  visit(root, null, '', '', '');
  while (frames.length) {
    const top = frames[frames.length - 1]!;
    if (top.keys) {
      if (top.next >= top.keys.length) frames.pop();
      else {
        const k = top.keys[top.next++]!;
        visit((top.node as Record<string, unknown>)[k], top.node, k, k, '');
      }
    } else {
      const list = top.node as unknown[];
      if (top.next >= list.length) frames.pop();
      else {
        const i = top.next++;
        visit(list[i], list, i, '', top.field);
      }
    }
  }
}

function describeVersion(v: unknown): string {
  if (v === undefined) return 'absente';
  return typeof v === 'string' ? `« ${displaySafe(v, 20)} »` : displaySafe(JSON.stringify(v) ?? String(v), 20);
}

/** Lit et valide une bibliothèque JSON ; les erreurs, en français, nomment le fichier et le chemin du champ fautif. */
export function parseLibraryJson(textOrBytes: string | Uint8Array, fileName: string): Library {
  const text = readJsonText(textOrBytes, fileName);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Ne devrait pas arriver après checkJsonText ; jamais le texte anglais du moteur.
    throw new UserError(`Fichier « ${fileName} » : JSON invalide.`);
  }
  inspectJsonValue(data, fileName);
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== FORMAT_ID)
    throw new UserError(`Fichier « ${fileName} » : ce n'est pas un fichier Assistant Convergence (champ « format » attendu : « ${FORMAT_ID} »).`);
  const version = (data as { version?: unknown }).version;
  if (version !== FORMAT_VERSION)
    throw new UserError(`Fichier « ${fileName} » : version de format ${describeVersion(version)} non prise en charge (version attendue : ${FORMAT_VERSION}).`);
  return validateLibrary(data, fileName);
}

/** Schéma complet (et doublons, références) : ce que l'import accepte, et donc ce que `convert` peut écrire. */
function validateLibrary(data: unknown, fileName: string, context = "refusé, rien n'a été enregistré"): Library {
  const refuse = (issues: readonly z.core.$ZodIssue[]) => new UserError(`Fichier « ${fileName} » ${context} : ${formatZodIssues(issues)}.`);
  // Élément par élément d'abord, en s'arrêtant aux premières erreurs : zod relève TOUTES les erreurs d'un
  // coup, et 200 000 réponses vides en font des millions (27 s, 900 Mo). Le schéma entier suit (doublons, références).
  const early = firstElementIssues(data, 5);
  if (early.length) throw refuse(early);
  const r = LibrarySchema.safeParse(data);
  if (!r.success) throw refuse(r.error.issues);
  return r.data;
}

const ELEMENT_SCHEMAS: [keyof LibraryParts, z.ZodType][] = [
  ['companies', CompanyProfileSchema],
  ['products', ProductSchema],
  ['variants', VariantSchema],
  ['criteria', CriterionSchema],
  ['answers', AnswerSchema],
  ['files', EvidenceFileMetaSchema],
];

function firstElementIssues(data: unknown, max: number): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  if (!data || typeof data !== 'object') return out;
  for (const [field, schema] of ELEMENT_SCHEMAS) {
    const list = (data as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length && out.length < max; i++) {
      const r = schema.safeParse(list[i]);
      if (!r.success) for (const issue of r.error.issues.slice(0, max - out.length)) out.push({ ...issue, path: [field, i, ...issue.path] });
    }
    if (out.length >= max) break;
  }
  return out;
}

export function serializeLibrary(lib: Library): string {
  return JSON.stringify(lib, null, 2);
}

interface LibraryParts {
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
