/**
 * lib/db — la base Dexie : ce module est le SEUL par où passe toute écriture, chacune dans une opération journalisée
 * (historique par enregistrement, annulation de la dernière opération) et une seule transaction Dexie.
 * N'importe pas : messages, page, page-session, platform, cli, components, entrypoints.
 */
import { SIGNING_KEY_ID, reviewKey, sharingKindOf } from './sharing';
import { mergeCriterion } from '../domain/catalogue';
import { UserError } from '../domain/errors';
import { variantDisplayName } from '../domain/naming';
import { makeEvidenceFile } from '../domain/evidence';
import type { NewEvidenceFile } from '../domain/evidence';
import type { QuestionnaireId } from '../domain/questionnaires';
import { resolveAnswers } from '../domain/resolve';
import type { ResolvedAnswer } from '../domain/resolve';
import {
  AnswerSchema,
  CompanyProfileSchema,
  CriterionSchema,
  EvidenceFileMetaSchema,
  ProductSchema,
  VariantSchema,
  answerId,
  criterionKey,
} from '../domain/schemas';
import type {
  Answer,
  AnswerInput,
  CompanyProfile,
  Criterion,
  CriterionInput,
  EvidenceFile,
  EvidenceFileMeta,
  Product,
  ProductInput,
  Provenance,
  Variant,
  VariantInput,
} from '../domain/schemas';
import { applyAnswerInput, sameAnswerContent } from '../domain/values';
import { formatZodIssues } from '../domain/zod-fr';
import { productReadiness, todayIso } from '../rules/product-readiness';
import type { ReadinessReport } from '../rules/types';
import type { ImportPreview } from '../exchange/import-plan';
import { LibraryCache } from './library-cache';
import { ConvergenceDB } from './schema';
import { JOURNAL_TABLES, journalChanges } from './schema';
import type { JournalEntry, JournalTable, OperationKind, OperationRecord, PackageRecord, SharingRecord } from './schema';
import { applyPackageReview } from '../library/package-review';
import { applyReferentialReview } from '../library/referential-review';
import { withReferentialChange } from '../domain/referential';
import type { PackageReviewState } from '../library/package-review';

/** Entrée de la table sharing : critères confirmés par un distributeur (critère → paquet en vigueur alors). */
export { reviewKey };
import { withStorageErrors } from './storage-errors';

interface OperationMeta {
  kind: OperationKind;
  label: string;
  author: string;
  /** Pour une annulation : l'opération annulée. */
  undoes?: string;
}

export type { AnswerInput };

interface SaveCounts {
  created: number;
  changed: number;
  unchanged: number;
}

interface OperationResult<T = undefined> {
  /** Jeton d'annulation : l'id de l'opération (null si rien n'a changé : rien à annuler). */
  opId: string | null;
  result: T;
}

/** Un lot d'écritures appliqué en une transaction (validation d'un import, import d'une bibliothèque). */
export interface ChangeSet {
  criteria?: { input: CriterionInput; source: Provenance }[];
  products?: Product[];
  variants?: Variant[];
  companies?: CompanyProfile[];
  answers?: { productId: string; variantId: string; input: AnswerInput; provenance: Provenance; expectedUpdatedAt?: string | null }[];
  /** Critères et réponses écrits tels quels (import d'une bibliothèque JSON : sans perte). */
  rawCriteria?: Criterion[];
  rawAnswers?: (Answer & { expectedUpdatedAt?: string | null })[];
}

interface HistoryEntry {
  at: string;
  author: string;
  operation: string;
  kind: OperationKind;
  before: Answer | null;
  after: Answer | null;
}

/** Ce qu'une suppression a retiré (outre le produit ou la variante), pour le dire à la personne. */
interface DeleteCounts {
  variants: number;
  answers: number;
  files: number;
}

// packages (v5) : un paquet importé est écrit dans la transaction de son opération ; une restauration le vide.
const ALL_TABLES = ['answers', 'criteria', 'products', 'variants', 'companies', 'files', 'operations', 'journal', 'blobs', 'packages'] as const;

/**
 * Bornes du journal : au-delà, les plus anciennes opérations sont oubliées (avec leurs entrées), et
 * l'annulation ne remonte plus jusqu'à elles. La dernière opération est toujours gardée.
 */
export interface JournalLimits {
  /** Nombre d'opérations gardées. */
  maxOperations: number;
  /** Octets de contenus de preuves que seul le journal garde en vie (preuves supprimées ou remplacées). */
  maxJournalBlobBytes: number;
}

/** À partir de SCAN_MIN clés, le Writer lit l'intervalle des clés en une requête au lieu d'une requête par clé. */
const SCAN_MIN = 50;

/** Une table dont une opération change au moins LOT_MIN enregistrements va au journal par lots de LOT_SIZE (JournalLot). */
const LOT_MIN = 50;
/**
 * 100 : l'historique d'une réponse ne relit qu'un petit lot ; et un import écrit alors plus de 50 lignes de
 * lots, ce qui évite à Dexie de noter une à une les clés d'index de chaque lot (il le fait sous 50 lignes).
 */
export const LOT_SIZE = 100;

const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxOperations: 500, maxJournalBlobBytes: 200 * 1024 * 1024 };

/** Aperçus d'import gardés en attente de validation : les plus récents, une heure au plus. */
export const MAX_PREVIEWS = 5;
const PREVIEW_TTL_MS = 60 * 60 * 1000;

/** Jusqu'où « Annuler la dernière opération » peut remonter, et ce que le journal garde. */
interface UndoReach {
  /** Opérations annulables l'une après l'autre. */
  operations: number;
  /** Date de la plus ancienne d'entre elles (null : rien à annuler). */
  since: string | null;
  /** Une restauration arrête l'annulation (date de la restauration), null sinon. */
  stoppedByRestore: string | null;
  /** Opérations gardées dans le journal, et octets de preuves qu'il est seul à garder. */
  journalOperations: number;
  journalBlobBytes: number;
  limits: JournalLimits;
}

/** Tout ce qu'une sauvegarde complète contient (les contenus de preuves à part, désignés par empreinte). */
export interface LibrarySnapshot {
  products: Product[];
  variants: Variant[];
  companies: CompanyProfile[];
  criteria: Criterion[];
  answers: Answer[];
  files: EvidenceFileMeta[];
  operations: OperationRecord[];
  journal: JournalEntry[];
  /** Paquets producteur reçus (sauvegarde v2) : absents d'une sauvegarde v1. */
  packages?: PackageRecord[];
  /** Réglages de partage sauvegardés (lib/db/sharing.ts), jamais la clé de signature ; absents en v1. */
  sharing?: SharingRecord[];
}

export interface BlobInfo {
  sha256: string;
  size: number;
  type: string;
}

/** Empreintes des contenus qu'un enregistrement du journal désigne (seulement pour la table files). */
function blobRefs(table: string, ...records: unknown[]): string[] {
  if (table !== 'files') return [];
  const out = new Set<string>();
  for (const r of records) {
    const h = r && typeof r === 'object' ? (r as { hash?: unknown }).hash : undefined;
    if (typeof h === 'string' && h) out.add(h);
  }
  return [...out];
}

/**
 * Même contenu, à l'ordre des champs près, au sens de JSON (un champ undefined est absent) et sans les
 * contenus de preuves (blob, lignes files d'avant la v3). Sans sérialiser : la comparaison de 10 000
 * enregistrements d'un import ne doit pas coûter deux JSON.stringify chacun.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (!Object.hasOwn(ra, k) || k === 'blob' || ra[k] === undefined) continue;
    if (!Object.hasOwn(rb, k) || !sameContent(ra[k], rb[k])) return false;
    n++;
  }
  for (const k in rb) if (Object.hasOwn(rb, k) && k !== 'blob' && rb[k] !== undefined) n--;
  return n === 0;
}

function validate<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new UserError(`${what} invalide : ${formatZodIssues(r.error.issues as never)}`);
}

/**
 * Les changements d'une opération, dans sa transaction. Les lectures et écritures des tables journalisées
 * passent par lui : chaque enregistrement est lu une fois (load : une requête par table pour tout un lot), les
 * écritures sont gardées en mémoire puis envoyées en une fois par table (flush : bulkPut / bulkDelete) avant
 * le journal. Un aller-retour IndexedDB par enregistrement coûtait 2 s pour 5 000 réponses.
 * - Tant que flush n'a pas eu lieu, la base ne voit pas les écritures : dans une opération, relire par le
 *   Writer, jamais par this.db après une écriture.
 * - Les boucles d'un lot utilisent les formes synchrones (get, write, drop) après load : une longue suite
 *   d'await natifs sans requête Dexie fait perdre à Dexie sa transaction (PrematureCommitError).
 */
class Writer {
  readonly entries: JournalEntry[] = [];
  /** État de chaque enregistrement lu ou écrit par l'opération (null : absent de la base). */
  private readonly current = new Map<JournalTable, Map<string, unknown>>();
  /** Clés écrites, envoyées par flush. */
  private readonly pending = new Map<JournalTable, Set<string>>();

  constructor(
    private readonly db: ConvergenceDB,
    private readonly opId: string,
    private readonly at: string,
  ) {}

  private view(table: JournalTable): Map<string, unknown> {
    let m = this.current.get(table);
    if (!m) this.current.set(table, (m = new Map()));
    return m;
  }

  /**
   * Lit d'avance, en une requête, les enregistrements qu'un lot va comparer ou écrire. Pour beaucoup de clés,
   * une lecture de l'intervalle [plus petite, plus grande] des clés primaires : un enregistrement existant de
   * l'une de ces clés y est forcément, et une requête par clé (bulkGet) coûtait plus que les écritures.
   */
  async load(table: JournalTable, keys: Iterable<string>): Promise<void> {
    const m = this.view(table);
    const wanted = new Set<string>();
    for (const k of keys) if (!m.has(k)) wanted.add(k);
    if (wanted.size === 0) return;
    const missing = [...wanted];
    const t = this.db.table(table);
    if (missing.length < SCAN_MIN) {
      const rows = (await t.bulkGet(missing)) as unknown[];
      missing.forEach((k, i) => m.set(k, rows[i] ?? null));
      return;
    }
    let lo = missing[0]!;
    let hi = lo;
    for (const k of missing) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const keyPath = t.schema.primKey.keyPath as string;
    for (const r of (await t.where(':id').between(lo, hi, true, true).toArray()) as Record<string, unknown>[]) {
      const k = r[keyPath] as string;
      if (!m.has(k)) m.set(k, r);
    }
    for (const k of missing) if (!m.has(k)) m.set(k, null);
  }

  /** Enregistrements déjà lus dans la transaction (avant toute écriture) : pas besoin de les relire. */
  seen<T>(table: JournalTable, rows: readonly T[], keyOf: (r: T) => string): void {
    const m = this.view(table);
    for (const r of rows) if (!m.has(keyOf(r))) m.set(keyOf(r), r);
  }

  /** L'enregistrement tel que l'opération le voit (ses propres écritures comprises) ; il doit avoir été chargé. */
  get<T>(table: JournalTable, key: string): T | undefined {
    const m = this.view(table);
    if (!m.has(key)) throw new Error(`Writer : « ${table}/${key} » lu sans load préalable.`);
    return (m.get(key) ?? undefined) as T | undefined;
  }

  /** get, en chargeant l'enregistrement s'il ne l'est pas (un seul enregistrement : pas pour une boucle). */
  async fetch<T>(table: JournalTable, key: string): Promise<T | undefined> {
    await this.load(table, [key]);
    return this.get<T>(table, key);
  }

  /** Écrit un enregistrement chargé : rien si identique, sinon noté pour flush et au journal. */
  write(table: JournalTable, key: string, record: { [k: string]: unknown }): 'created' | 'changed' | 'unchanged' {
    const before = this.get<unknown>(table, key) ?? null;
    if (before !== null && sameContent(before, record)) return 'unchanged';
    this.stage(table, key, before, record);
    return before === null ? 'created' : 'changed';
  }

  /** Supprime un enregistrement chargé (rien s'il est absent). */
  drop(table: JournalTable, key: string): void {
    const before = this.get<unknown>(table, key) ?? null;
    if (before !== null) this.stage(table, key, before, null);
  }

  async put<T extends { [k: string]: unknown }>(table: JournalTable, key: string, record: T): Promise<'created' | 'changed' | 'unchanged'> {
    await this.load(table, [key]);
    return this.write(table, key, record);
  }

  async remove(table: JournalTable, key: string): Promise<void> {
    await this.load(table, [key]);
    this.drop(table, key);
  }

  /** Envoie les écritures en attente : une requête par table et par sorte (écrire, supprimer). */
  async flush(): Promise<void> {
    for (const [table, keys] of this.pending) {
      const m = this.view(table);
      const puts: unknown[] = [];
      const dels: string[] = [];
      for (const k of keys) {
        const v = m.get(k);
        if (v === null || v === undefined) dels.push(k);
        else puts.push(v);
      }
      if (dels.length) await this.db.table(table).bulkDelete(dels);
      if (puts.length) await this.db.table(table).bulkPut(puts);
    }
    this.pending.clear();
  }

  private stage(table: JournalTable, key: string, before: unknown, after: unknown): void {
    this.view(table).set(key, after);
    let keys = this.pending.get(table);
    if (!keys) this.pending.set(table, (keys = new Set()));
    keys.add(key);
    this.push(table, key, before, after);
  }

  /** Une preuve n'entre au journal que par sa description : le contenu est désigné par son empreinte. */
  private push(table: JournalTable, key: string, before: unknown, after: unknown): void {
    const entry: JournalEntry = { opId: this.opId, table, key, before, after, at: this.at };
    const blobs = blobRefs(table, before, after);
    if (blobs.length) entry.blobs = blobs;
    this.entries.push(entry);
  }
}

export type { Writer };

export class Repository {
  readonly limits: JournalLimits;
  private cache: LibraryCache | undefined;

  constructor(
    readonly db: ConvergenceDB,
    private readonly clock: () => Date = () => new Date(),
    limits: Partial<JournalLimits> = {},
  ) {
    this.limits = { ...DEFAULT_JOURNAL_LIMITS, ...limits };
    this.limits.maxOperations = Math.max(1, this.limits.maxOperations);
  }

  /** Ouvre (ou crée) une base par son nom ; les tests donnent un nom neuf pour ne rien partager. */
  static open(name?: string, clock?: () => Date, limits?: Partial<JournalLimits>): Repository {
    return new Repository(new ConvergenceDB(name), clock, limits);
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /**
   * Exécute fn dans UNE transaction, comme une opération du journal ; une exception annule tout.
   * Disque plein : l'erreur du navigateur devient l'explication française (rien n'est écrit). Le journal est
   * ramené à ses bornes dans la même transaction.
   */
  async runOperation<T>(meta: OperationMeta, fn: (w: Writer, at: string, opId: string) => Promise<T>): Promise<OperationResult<T>> {
    const at = this.now();
    const opId = crypto.randomUUID();
    return withStorageErrors(() =>
      this.db.transaction('rw', [...ALL_TABLES], async () => {
        const w = new Writer(this.db, opId, at);
        const result = await fn(w, at, opId);
        await w.flush();
        if (w.entries.length === 0) return { opId: null, result };
        await this.writeJournal(w.entries);
        const last = await this.db.operations.orderBy('order').last();
        const op: OperationRecord = { id: opId, order: (last?.order ?? 0) + 1, kind: meta.kind, label: meta.label, author: meta.author, at, undone: 0 };
        if (meta.undoes) op.undoes = meta.undoes;
        await this.db.operations.add(op);
        // Une annulation n'élague pas : « L'annulation remonte jusqu'au … (N opérations) » reste vrai
        // annulation après annulation (le journal dépasse alors sa borne d'au plus N, jusqu'à la prochaine opération).
        if (meta.kind !== 'annulation') await this.pruneJournal(w.entries.some((e) => e.blobs));
        return { opId, result };
      }),
    );
  }

  /**
   * Écrit les changements d'une opération au journal : une ligne par changement, sauf pour une table dont
   * l'opération change au moins LOT_MIN enregistrements (hors preuves) : ceux-là vont par lots de LOT_SIZE.
   * Les numéros d'un lot suivent le plus grand numéro du journal ; les lignes ajoutées ensuite viennent après.
   */
  private async writeJournal(entries: readonly JournalEntry[]): Promise<void> {
    const byTable = new Map<JournalTable, JournalEntry[]>();
    for (const e of entries) {
      const list = byTable.get(e.table);
      if (list) list.push(e);
      else byTable.set(e.table, [e]);
    }
    const batched = new Set([...byTable].filter(([t, list]) => t !== 'files' && list.length >= LOT_MIN).map(([t]) => t));
    if (batched.size) {
      let next = (((await this.db.journal.orderBy(':id').lastKey()) as number | undefined) ?? 0) + 1;
      const lots: JournalEntry[] = [];
      for (const table of batched) {
        const list = byTable.get(table)!;
        for (let i = 0; i < list.length; i += LOT_SIZE) {
          const part = list.slice(i, i + LOT_SIZE);
          const first = next;
          next += part.length;
          const { opId, at } = part[0]!;
          lots.push({
            seq: next - 1,
            opId,
            table,
            key: '',
            before: null,
            after: null,
            at,
            lot: { first, keys: part.map((e) => e.key), before: part.map((e) => e.before), after: part.map((e) => e.after) },
          });
        }
      }
      await this.db.journal.bulkAdd(lots);
    }
    const rows = batched.size ? entries.filter((e) => !batched.has(e.table)) : entries;
    if (rows.length) await this.db.journal.bulkAdd([...rows]);
  }

  /**
   * Oublie les plus anciennes opérations au-delà des bornes (nombre d'opérations ; octets de preuves que seul
   * le journal garde), puis supprime les contenus que plus rien ne désigne. Opérations entières, les plus
   * anciennes d'abord : ce qui reste est une suite continue jusqu'à la dernière, que l'annulation peut
   * toujours défaire dans l'ordre. Dans la transaction de l'appelant.
   */
  private async pruneJournal(checkBlobs: boolean): Promise<void> {
    const db = this.db;
    const { maxOperations, maxJournalBlobBytes } = this.limits;
    const total = await db.operations.count();
    const dropOldest = Math.max(0, total - maxOperations);
    let dropUpToOrder = -Infinity;
    if (checkBlobs) {
      const { sizes, bytes } = await this.journalOnlyBlobs();
      if (bytes > maxJournalBlobBytes) {
        const ops = await db.operations.orderBy('order').toArray();
        const orderOf = new Map(ops.map((o) => [o.id, o.order]));
        const newest = ops[ops.length - 1]?.order ?? 0;
        // Pour chaque contenu, la plus récente opération qui le désigne : l'oublier libère le contenu.
        const lastRef = new Map<string, number>();
        for (const e of await db.journal.where('blobs').anyOf([...sizes.keys()]).toArray()) {
          const order = orderOf.get(e.opId) ?? -Infinity;
          for (const h of e.blobs ?? []) if (sizes.has(h)) lastRef.set(h, Math.max(lastRef.get(h) ?? -Infinity, order));
        }
        let left = bytes;
        for (const [h, order] of [...lastRef].sort((a, b) => a[1] - b[1])) {
          if (left <= maxJournalBlobBytes || order >= newest) break;
          left -= sizes.get(h) ?? 0;
          dropUpToOrder = order;
        }
      }
    }
    if (dropOldest === 0 && dropUpToOrder === -Infinity) return;
    const newestOp = await db.operations.orderBy('order').last();
    const victims = new Map<string, OperationRecord>();
    if (dropOldest > 0) for (const o of await db.operations.orderBy('order').limit(dropOldest).toArray()) victims.set(o.id, o);
    if (dropUpToOrder > -Infinity) for (const o of await db.operations.where('order').belowOrEqual(dropUpToOrder).toArray()) victims.set(o.id, o);
    if (newestOp) victims.delete(newestOp.id);
    if (victims.size === 0) return;
    const ids = [...victims.keys()];
    const entries = await db.journal.where('opId').anyOf(ids).toArray();
    const candidates = new Set<string>();
    for (const e of entries) e.blobs?.forEach((h) => candidates.add(h));
    await db.journal.bulkDelete(entries.map((e) => e.seq!));
    await db.operations.bulkDelete(ids);
    await this.collectBlobs(candidates);
  }

  /** Contenus que seul le journal désigne (aucune preuve en vigueur), avec leur taille. */
  private async journalOnlyBlobs(): Promise<{ sizes: Map<string, number>; bytes: number }> {
    const inJournal = (await this.db.journal.orderBy('blobs').uniqueKeys()) as string[];
    const sizes = new Map<string, number>();
    if (inJournal.length === 0) return { sizes, bytes: 0 };
    const live = new Set((await this.db.files.orderBy('hash').uniqueKeys()) as string[]);
    const only = inJournal.filter((h) => !live.has(h));
    for (const b of await this.db.blobs.bulkGet(only)) if (b) sizes.set(b.hash, b.size);
    let bytes = 0;
    for (const n of sizes.values()) bytes += n;
    return { sizes, bytes };
  }

  /** Supprime les contenus que ni une preuve ni une entrée du journal ne désigne plus. */
  private async collectBlobs(candidates: Iterable<string>): Promise<void> {
    for (const h of candidates) {
      const used = (await this.db.files.where('hash').equals(h).count()) + (await this.db.journal.where('blobs').equals(h).count());
      if (used === 0) await this.db.blobs.delete(h);
    }
  }

  // ---------- products, variants, company ----------

  async listProducts(): Promise<{ product: Product; variants: Variant[] }[]> {
    const [products, variants] = await Promise.all([this.db.products.toArray(), this.db.variants.toArray()]);
    return products
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .map((product) => ({ product, variants: variants.filter((v) => v.productId === product.id) }));
  }

  getProduct(id: string): Promise<Product | undefined> {
    return this.db.products.get(id);
  }

  async requireProduct(id: string): Promise<Product> {
    const p = await this.db.products.get(id);
    if (!p) throw new UserError(`Produit introuvable (identifiant « ${id} »).`);
    return p;
  }

  async createProduct(input: ProductInput, author: string): Promise<OperationResult<Product>> {
    const at = this.now();
    const product = validate(
      ProductSchema,
      { interests: [], excludedCriteria: [], role: { kind: 'nominal' }, ...input, id: input.id ?? crypto.randomUUID(), createdAt: at, updatedAt: at },
      'Produit',
    );
    return this.runOperation({ kind: 'produit', label: `Création du produit « ${product.name} »`, author }, async (w) => {
      if (await w.fetch('products', product.id)) throw new UserError(`Un produit avec l'identifiant « ${product.id} » existe déjà.`);
      await w.put('products', product.id, product);
      return product;
    });
  }

  async updateProduct(id: string, patch: Partial<Omit<Product, 'id' | 'createdAt'>>, author: string): Promise<OperationResult<Product>> {
    await this.assertWritable(id);
    return this.runOperation({ kind: 'produit', label: 'Modification du produit', author }, async (w, at) => {
      const current = await this.requireProduct(id);
      const next = validate(ProductSchema, { ...current, ...patch, id, createdAt: current.createdAt, updatedAt: at }, 'Produit');
      await w.put('products', id, next);
      return next;
    });
  }

  listVariants(productId: string): Promise<Variant[]> {
    return this.db.variants.where('productId').equals(productId).toArray();
  }

  async createVariant(input: VariantInput, author: string): Promise<OperationResult<Variant>> {
    const at = this.now();
    const variant = validate(VariantSchema, { ...input, id: input.id ?? crypto.randomUUID(), createdAt: at, updatedAt: at }, 'Variante');
    return this.runOperation({ kind: 'produit', label: 'Création d\'une variante', author }, async (w) => {
      await this.requireProduct(variant.productId);
      if (await w.fetch('variants', variant.id)) throw new UserError(`Une variante avec l'identifiant « ${variant.id} » existe déjà.`);
      await w.put('variants', variant.id, variant);
      return variant;
    });
  }

  async updateVariant(id: string, patch: Partial<Omit<Variant, 'id' | 'productId' | 'createdAt'>>, author: string): Promise<OperationResult<Variant>> {
    return this.runOperation({ kind: 'produit', label: "Modification d'une variante", author }, async (w, at) => {
      const current = await w.fetch<Variant>('variants', id);
      if (!current) throw new UserError(`Variante introuvable (identifiant « ${id} »).`);
      const next = validate(VariantSchema, { ...current, ...patch, id, productId: current.productId, createdAt: current.createdAt, updatedAt: at }, 'Variante');
      await w.put('variants', id, next);
      return next;
    });
  }

  /** Supprime une variante avec ses réponses et ses preuves, en une opération annulable. */
  async deleteVariant(id: string, author: string): Promise<OperationResult<DeleteCounts>> {
    const variant = await this.db.variants.get(id);
    if (!variant) throw new UserError(`Variante introuvable (identifiant « ${id} »).`);
    const product = await this.requireProduct(variant.productId);
    return this.runOperation({ kind: 'produit', label: `Suppression de la variante « ${variantDisplayName(product, variant)} »`, author }, async (w) => {
      const answers = await this.answersOfScope(variant.productId, id);
      const files = (await this.db.files.where('[productId+variantId]').equals([variant.productId, id]).primaryKeys()) as string[];
      w.seen('answers', answers, (a) => a.id);
      await w.load('files', files);
      await w.load('variants', [id]);
      for (const a of answers) w.drop('answers', a.id);
      for (const f of files) w.drop('files', f);
      w.drop('variants', id);
      return { variants: 1, answers: answers.length, files: files.length };
    });
  }

  /**
   * Supprime une famille avec ses variantes, réponses et preuves, en une opération annulable.
   * Refusé tant qu'un produit distributeur y est rattaché comme à son producteur (il perdrait son héritage).
   */
  async deleteProduct(id: string, author: string): Promise<OperationResult<DeleteCounts>> {
    const product = await this.requireProduct(id);
    return this.runOperation({ kind: 'produit', label: `Suppression du produit « ${product.name} »`, author }, async (w) => {
      const distributors = (await this.db.products.toArray()).filter((p) => p.role.kind === 'distributeur' && p.role.producerProductId === id);
      if (distributors.length > 0)
        throw new UserError(
          `Le produit « ${product.name} » est l'éditeur producteur de ${distributors.map((d) => `« ${d.name} »`).join(', ')} : changez d'abord le rôle de ce distributeur.`,
        );
      const answers = await this.answersOfProduct(id);
      const files = (await this.db.files.where('productId').equals(id).primaryKeys()) as string[];
      const variants = await this.listVariants(id);
      w.seen('answers', answers, (a) => a.id);
      w.seen('variants', variants, (v) => v.id);
      await Promise.all([w.load('files', files), w.load('products', [id])]);
      for (const a of answers) w.drop('answers', a.id);
      for (const f of files) w.drop('files', f);
      for (const v of variants) w.drop('variants', v.id);
      w.drop('products', id);
      return { variants: variants.length, answers: answers.length, files: files.length };
    });
  }

  async getCompany(id?: string): Promise<CompanyProfile | undefined> {
    if (id) return this.db.companies.get(id);
    return this.db.companies.toCollection().first();
  }

  async putCompany(profile: Omit<CompanyProfile, 'updatedAt'>, author: string): Promise<OperationResult<CompanyProfile>> {
    const company = validate(CompanyProfileSchema, { ...profile, updatedAt: this.now() }, 'Fiche administrative');
    return this.runOperation({ kind: 'saisie', label: 'Fiche administrative', author }, async (w) => {
      await w.put('companies', company.id, company);
      return company;
    });
  }

  // ---------- catalogue des critères ----------

  listCriteria(questionnaire?: QuestionnaireId): Promise<Criterion[]> {
    return questionnaire ? this.db.criteria.where('questionnaire').equals(questionnaire).toArray() : this.db.criteria.toArray();
  }

  private async learnInto(w: Writer, inputs: readonly { input: CriterionInput; source: Provenance }[]): Promise<SaveCounts> {
    const counts: SaveCounts = { created: 0, changed: 0, unchanged: 0 };
    await w.load('criteria', inputs.map(({ input }) => criterionKey(input.questionnaire, input.id)));
    for (const { input, source } of inputs) {
      const key = criterionKey(input.questionnaire, input.id);
      const existing = w.get<Criterion>('criteria', key);
      // Un changement du référentiel qui compte (lib/domain/referential.ts) est noté dans le critère : journalisé, annulable.
      const merged = withReferentialChange(existing, mergeCriterion(existing, input, source), input, source);
      // Déjà connu tel quel (le cas d'un catalogue appris) : rien à valider ni à écrire.
      if (existing && sameContent(existing, merged)) counts.unchanged++;
      else counts[w.write('criteria', key, validate(CriterionSchema, merged, `Critère ${input.id}`))]++;
    }
    return counts;
  }

  /** Ajoute ou complète au catalogue les critères appris d'une page ou d'un fichier (une opération annulable). */
  async learnCriteria(inputs: readonly CriterionInput[], source: Provenance, author: string): Promise<OperationResult<SaveCounts>> {
    return this.runOperation({ kind: 'capture', label: `Critères appris (${source.ref})`, author }, (w) =>
      this.learnInto(w, inputs.map((input) => ({ input, source }))),
    );
  }

  // ---------- answers ----------

  /** Synchrone : la réponse existante a été chargée par l'appelant (w.load). */
  private putAnswer(w: Writer, productId: string, variantId: string, input: AnswerInput, provenance: Provenance, author: string, at: string) {
    const key = criterionKey(input.questionnaire, input.criterionId);
    const id = answerId(productId, variantId, key);
    const existing = w.get<Answer>('answers', id);
    const candidate: Answer = {
      id,
      productId,
      variantId,
      criterionKey: key,
      questionnaire: input.questionnaire,
      criterionId: input.criterionId,
      ...applyAnswerInput(existing, input),
      provenance,
      author,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    // Même contenu que l'enregistrée : rien à valider ni à écrire.
    if (existing && sameAnswerContent(existing, candidate)) return 'unchanged' as const;
    return w.write('answers', id, validate(AnswerSchema, candidate, `Réponse au critère ${input.criterionId}`));
  }

  /** Le produit (et la variante) qui reçoit des réponses, tel que l'opération le voit. */
  private requireTarget(w: Writer, productId: string, variantId: string): void {
    if (!w.get('products', productId)) throw new UserError(`Produit introuvable (identifiant « ${productId} »).`);
    if (variantId) {
      const v = w.get<Variant>('variants', variantId);
      if (!v || v.productId !== productId) throw new UserError(`Variante « ${variantId} » introuvable pour ce produit.`);
    }
  }

  /** Enregistre des réponses (page, saisie, lot) d'un produit ou d'une variante, tout ou rien. */
  async saveAnswers(
    productId: string,
    variantId: string,
    inputs: readonly AnswerInput[],
    provenance: Provenance,
    meta: OperationMeta,
  ): Promise<OperationResult<SaveCounts>> {
    await this.assertWritable(productId);
    return this.runOperation(meta, async (w, at) => {
      await Promise.all([w.load('products', [productId]), w.load('variants', variantId ? [variantId] : [])]);
      this.requireTarget(w, productId, variantId);
      await w.load('answers', inputs.map((i) => answerId(productId, variantId, criterionKey(i.questionnaire, i.criterionId))));
      const counts: SaveCounts = { created: 0, changed: 0, unchanged: 0 };
      for (const input of inputs) counts[this.putAnswer(w, productId, variantId, input, provenance, meta.author, at)]++;
      return counts;
    });
  }

  /**
   * Applique tout un lot (validation d'un import, import d'une bibliothèque) en UNE opération et UNE transaction.
   * Tout ce que le lot compare est lu d'avance, une requête par table ; les écritures partent en une fois (flush).
   */
  async applyChangeSet(changes: ChangeSet, meta: OperationMeta): Promise<OperationResult<{ criteria: SaveCounts; answers: SaveCounts }>> {
    // Produits venus d'un paquet producteur : lecture seule, un fichier ne les change pas plus qu'une page.
    // (Réimporter sa propre bibliothèque les réécrit à l'identique : permis.)
    const readOnly = new Set((await this.activePackages()).map((r) => r.producerProductId));
    const guard = (productId: string, result: 'created' | 'changed' | 'unchanged') => {
      if (result !== 'unchanged' && readOnly.has(productId))
        throw new UserError("Ce produit vient d'un paquet producteur : il est en lecture seule (importez un nouveau paquet du producteur pour le mettre à jour).");
      return result;
    };
    return this.runOperation(meta, async (w, at) => {
      const answerInputs = changes.answers ?? [];
      const rawAnswers = changes.rawAnswers ?? [];
      const targets = [...answerInputs, ...rawAnswers];
      const inputIds = answerInputs.map((a) => answerId(a.productId, a.variantId, criterionKey(a.input.questionnaire, a.input.criterionId)));
      await Promise.all([
        w.load('companies', (changes.companies ?? []).map((c) => c.id)),
        w.load('products', [...(changes.products ?? []).map((p) => p.id), ...targets.map((a) => a.productId)]),
        w.load('variants', [...(changes.variants ?? []).map((v) => v.id), ...targets.map((a) => a.variantId).filter(Boolean)]),
        w.load('criteria', [
          ...(changes.criteria ?? []).map(({ input }) => criterionKey(input.questionnaire, input.id)),
          ...(changes.rawCriteria ?? []).map((c) => c.key),
        ]),
        w.load('answers', [...inputIds, ...rawAnswers.map((a) => a.id)]),
      ]);
      for (const c of changes.companies ?? []) w.write('companies', c.id, validate(CompanyProfileSchema, c, 'Fiche administrative'));
      for (const p of changes.products ?? []) guard(p.id, w.write('products', p.id, validate(ProductSchema, p, `Produit ${p.id}`)));
      for (const v of changes.variants ?? []) w.write('variants', v.id, validate(VariantSchema, v, `Variante ${v.id}`));
      const criteria = await this.learnInto(w, changes.criteria ?? []);
      const answers: SaveCounts = { created: 0, changed: 0, unchanged: 0 };
      for (const c of changes.rawCriteria ?? []) criteria[w.write('criteria', c.key, validate(CriterionSchema, c, `Critère ${c.id}`))]++;
      for (const [i, a] of answerInputs.entries()) {
        this.requireTarget(w, a.productId, a.variantId);
        this.checkUnchangedSincePreview(w, inputIds[i]!, a.expectedUpdatedAt);
        answers[guard(a.productId, this.putAnswer(w, a.productId, a.variantId, a.input, a.provenance, meta.author, at))]++;
      }
      for (const { expectedUpdatedAt, ...raw } of rawAnswers) {
        this.requireTarget(w, raw.productId, raw.variantId);
        this.checkUnchangedSincePreview(w, raw.id, expectedUpdatedAt);
        answers[guard(raw.productId, w.write('answers', raw.id, validate(AnswerSchema, raw, `Réponse ${raw.criterionId}`)))]++;
      }
      return { criteria, answers };
    });
  }

  private checkUnchangedSincePreview(w: Writer, id: string, expected: string | null | undefined): void {
    if (expected === undefined) return;
    const current = w.get<Answer>('answers', id);
    if ((current?.updatedAt ?? null) !== expected)
      throw new UserError(`La réponse « ${id.split('|').pop() ?? id} » a changé depuis l'aperçu : relancez l'import pour obtenir un nouvel aperçu.`);
  }

  /** Toutes les réponses enregistrées d'un produit (celles de la famille et les surcharges de ses variantes). */
  answersOfProduct(productId: string): Promise<Answer[]> {
    return this.db.answers.where('productId').equals(productId).toArray();
  }

  /** Réponses d'une portée : la famille ('') ou une variante. */
  answersOfScope(productId: string, variantId: string): Promise<Answer[]> {
    return this.db.answers.where('[productId+variantId]').equals([productId, variantId]).toArray();
  }

  /** Identifiants des produits qui répondent à un critère. */
  async productsAnswering(key: string): Promise<string[]> {
    const rows = await this.db.answers.where('criterionKey').equals(key).toArray();
    return [...new Set(rows.map((r) => r.productId))].sort();
  }

  /**
   * Réponses résolues d'un produit ou d'une variante, chacune avec sa provenance.
   * Les bibliothèques (réponses du produit, du producteur, produits, orientation) viennent de la mémoire
   * (LibraryCache) : lues une fois, relues seulement après une écriture qui les touche.
   */
  async resolvedAnswers(productId: string, variantId = '', questionnaire?: QuestionnaireId): Promise<ResolvedAnswer[]> {
    const lib = this.libraries();
    const product = await lib.product(productId);
    if (!product) throw new UserError(`Produit introuvable (identifiant « ${productId} »).`);
    const producerId = product.role.kind === 'distributeur' ? product.role.producerProductId : undefined;
    const [own, criteria, producerAnswers] = await Promise.all([
      lib.answersOf(productId),
      lib.orientationCriteria(),
      producerId === undefined ? undefined : lib.answersOf(producerId),
    ]);
    let resolved = resolveAnswers({ product, variantId, answers: own, criteria, ...(producerAnswers ? { producerAnswers } : {}) });
    // Producteur venu d'un paquet : « à revoir » jusqu'à confirmation, et critères changés par une mise à jour.
    const review = producerId === undefined ? null : await this.packageReviewState(productId, producerId);
    if (review) resolved = applyPackageReview(resolved, review);
    // Critère changé par Convergence depuis la réponse : « à revoir » jusqu'à « J'ai revu » (issue 11 §3).
    const changed = await lib.changedCriteria();
    if (changed.size) resolved = applyReferentialReview(resolved, changed);
    return questionnaire ? resolved.filter((r) => r.answer.questionnaire === questionnaire) : resolved;
  }

  // ---------- paquets producteur (v5) ----------

  /**
   * Les paquets en vigueur d'un produit du producteur, du plus ancien au plus récent : ceux dont l'opération
   * d'import n'a pas été annulée (une opération élaguée du journal ne peut plus l'être : en vigueur).
   */
  async activePackages(producerProductId?: string): Promise<PackageRecord[]> {
    return this.db.transaction('r', [this.db.packages, this.db.operations, this.db.products], async () => {
      const rows = producerProductId === undefined ? await this.db.packages.toArray() : await this.db.packages.where('producerProductId').equals(producerProductId).toArray();
      if (!rows.length) return [];
      const [ops, products] = await Promise.all([
        this.db.operations.bulkGet(rows.map((r) => r.opId)),
        this.db.products.bulkGet([...new Set(rows.map((r) => r.producerProductId))]),
      ]);
      const present = new Set(products.filter((p): p is Product => !!p).map((p) => p.id));
      return rows
        .filter((r, i) => ops[i]?.undone !== 1 && present.has(r.producerProductId))
        .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.sequence - b.sequence);
    });
  }

  /** État « à revoir » d'un distributeur dont le producteur vient d'un paquet ; null sinon. */
  async packageReviewState(distributorProductId: string, producerProductId: string): Promise<PackageReviewState | null> {
    const active = await this.activePackages(producerProductId);
    if (!active.length) return null;
    const changedAt = new Map<string, number>();
    active.forEach((r, i) => r.changed.forEach((k) => changedAt.set(k, i + 1)));
    const stored = (await this.db.sharing.get(reviewKey(distributorProductId)))?.value as Record<string, number> | undefined;
    return { sequence: active.length, changedAt, confirmedAt: new Map(Object.entries(stored ?? {})) };
  }

  /** Le distributeur confirme des critères « à revoir » : ils ne le sont plus jusqu'à la prochaine mise à jour qui les change. */
  async confirmReview(distributorProductId: string, keys: readonly string[]): Promise<number> {
    const product = await this.requireProduct(distributorProductId);
    if (product.role.kind !== 'distributeur') throw new UserError("Seul le produit d'un éditeur distributeur a des réponses à revoir.");
    const epoch = (await this.activePackages(product.role.producerProductId)).length;
    return withStorageErrors(() =>
      this.db.transaction('rw', this.db.sharing, async () => {
        const id = reviewKey(distributorProductId);
        const value = { ...((await this.db.sharing.get(id))?.value as Record<string, number> | undefined) };
        for (const k of keys) value[k] = epoch;
        await this.db.sharing.put({ id, value });
        return keys.length;
      }),
    );
  }

  /** Un produit venu d'un paquet producteur est en lecture seule : seul un nouveau paquet le change. */
  async assertWritable(productId: string): Promise<void> {
    if ((await this.activePackages(productId)).length)
      throw new UserError("Ce produit vient d'un paquet producteur : il est en lecture seule (importez un nouveau paquet du producteur pour le mettre à jour).");
  }

  /** La mémoire des bibliothèques, créée au premier besoin (une base qui ne résout jamais n'en a pas). */
  private libraries(): LibraryCache {
    return (this.cache ??= new LibraryCache(this.db));
  }

  async readiness(productId: string, variantId = '', today = todayIso(this.clock())): Promise<ReadinessReport> {
    const product = await this.requireProduct(productId);
    const [catalogue, resolved] = await Promise.all([this.db.criteria.toArray(), this.resolvedAnswers(productId, variantId)]);
    // Distributeur : les critères à spécificité « Oui » chez le producteur sont à répondre par lui-même.
    const distributorMustAnswer = new Set<string>();
    if (product.role.kind === 'distributeur') {
      for (const a of await this.libraries().answersOf(product.role.producerProductId)) if (a.variantId === '' && a.specificite === 'oui') distributorMustAnswer.add(a.criterionKey);
    }
    return productReadiness({ product, catalogue, resolved, today, distributorMustAnswer });
  }

  // ---------- preuves ----------

  /**
   * Ajoute une preuve : le contenu est rangé une fois par SHA-256 (table blobs, partagé par toutes les preuves
   * et entrées du journal de même contenu) ; la ligne files et le journal n'en gardent que la description.
   */
  async addEvidenceFile(input: NewEvidenceFile, author: string): Promise<OperationResult<EvidenceFileMeta>> {
    await this.assertWritable(input.productId);
    const { blob, ...candidate } = await makeEvidenceFile(input, this.clock());
    const meta = validate(EvidenceFileMetaSchema, candidate, `Preuve « ${candidate.name.slice(0, 100)} »`);
    return this.runOperation({ kind: 'saisie', label: `Preuve « ${meta.name} »`, author }, async (w) => {
      await Promise.all([w.load('products', [meta.productId]), w.load('variants', meta.variantId ? [meta.variantId] : [])]);
      this.requireTarget(w, meta.productId, meta.variantId);
      if ((await this.db.blobs.where('hash').equals(meta.hash).count()) === 0) await this.db.blobs.add({ hash: meta.hash, blob, size: meta.size, type: meta.type });
      await w.put('files', meta.id, meta);
      return meta;
    });
  }

  /** Une preuve avec son contenu. */
  async getEvidenceFile(id: string): Promise<EvidenceFile | undefined> {
    const meta = await this.db.files.get(id);
    if (!meta) return undefined;
    const content = await this.db.blobs.get(meta.hash);
    if (!content) throw new UserError(`Le contenu de la preuve « ${meta.name} » est introuvable dans la base.`);
    const { blob: _legacy, ...clean } = meta;
    return { ...clean, blob: content.blob };
  }

  async listEvidenceFiles(productId: string): Promise<EvidenceFileMeta[]> {
    const files = await this.db.files.where('productId').equals(productId).toArray();
    return files.map(({ blob: _blob, ...meta }) => meta);
  }

  /** Le contenu rangé sous une empreinte (sauvegarde complète). */
  getBlob(hash: string): Promise<{ hash: string; blob: Blob; size: number; type: string } | undefined> {
    return this.db.blobs.get(hash);
  }

  // ---------- journal : historique et annulation ----------

  async operations(limit = 50): Promise<OperationRecord[]> {
    return this.db.operations.orderBy('order').reverse().limit(limit).toArray();
  }

  async history(answerIdValue: string): Promise<HistoryEntry[]> {
    const [rows, lots] = await Promise.all([
      this.db.journal.where('[table+key]').equals(['answers', answerIdValue]).toArray(),
      this.db.journal.where('lot.keys').equals(answerIdValue).toArray(),
    ]);
    const entries = [
      ...rows.filter((e) => !e.lot),
      ...lots.filter((l) => l.table === 'answers').flatMap((l) => journalChanges(l).filter((e) => e.key === answerIdValue)),
    ].sort((a, b) => a.seq! - b.seq!);
    const ops = new Map((await this.db.operations.bulkGet([...new Set(entries.map((e) => e.opId))])).filter((o): o is OperationRecord => !!o).map((o) => [o.id, o]));
    return entries.map((e) => {
      const op = ops.get(e.opId);
      return {
        at: e.at,
        author: op?.author ?? '',
        operation: op?.label ?? '',
        kind: op?.kind ?? 'saisie',
        before: (e.before as Answer | null) ?? null,
        after: (e.after as Answer | null) ?? null,
      };
    });
  }

  /**
   * Les opérations que l'annulation peut défaire, la plus récente d'abord : ni annulées, ni annulations, et
   * aucune avant une restauration (le journal d'avant décrit une autre base).
   */
  private async undoable(): Promise<{ ops: OperationRecord[]; restoredAt: string | null }> {
    const ops: OperationRecord[] = [];
    let restoredAt: string | null = null;
    await this.db.operations
      .orderBy('order')
      .reverse()
      .until((o) => {
        if (o.kind === 'restauration') restoredAt = o.at;
        return o.kind === 'restauration';
      })
      .each((o) => {
        if (o.undone === 0 && o.kind !== 'annulation' && o.kind !== 'restauration') ops.push(o);
      });
    return { ops, restoredAt };
  }

  /** L'opération qu'« Annuler » défait : la dernière pas encore annulée (les annulations exclues). */
  async lastUndoable(): Promise<OperationRecord | undefined> {
    return (await this.undoable()).ops[0];
  }

  /** Jusqu'où l'annulation remonte (« L'annulation remonte jusqu'au … (N opérations) ») et ce que garde le journal. */
  async undoReach(): Promise<UndoReach> {
    return this.db.transaction('r', [this.db.operations, this.db.journal, this.db.files, this.db.blobs], async () => {
      const { ops, restoredAt } = await this.undoable();
      const oldest = ops[ops.length - 1];
      return {
        operations: ops.length,
        since: oldest?.at ?? null,
        stoppedByRestore: restoredAt,
        journalOperations: await this.db.operations.count(),
        journalBlobBytes: (await this.journalOnlyBlobs()).bytes,
        limits: { ...this.limits },
      };
    });
  }

  /**
   * Annule la dernière opération (ou celle donnée, qui doit être la dernière) : chaque enregistrement revient à son
   * état d'avant, en une transaction, notée comme opération « annulation » (elle-même dans l'historique).
   */
  async undo(author: string, opId?: string): Promise<OperationResult<OperationRecord | null>> {
    const target = await this.lastUndoable();
    if (!target) throw new UserError('Aucune opération à annuler.');
    if (opId && opId !== target.id) throw new UserError("Seule la dernière opération peut être annulée (une opération plus récente existe).");
    return this.runOperation({ kind: 'annulation', label: `Annulation : ${target.label}`, author, undoes: target.id }, async (w) => {
      const entries = (await this.db.journal.where('opId').equals(target.id).sortBy('seq')).flatMap(journalChanges);
      await Promise.all(JOURNAL_TABLES.map((table) => w.load(table, entries.filter((e) => e.table === table).map((e) => e.key))));
      for (const e of entries.reverse()) {
        const current = w.get<unknown>(e.table, e.key);
        if (!sameContent(current ?? null, e.after)) {
          throw new UserError(`Annulation impossible : l'élément « ${e.key} » a été modifié depuis.`);
        }
        if (e.before === null) w.drop(e.table, e.key);
        else w.write(e.table, e.key, e.before as { [k: string]: unknown });
      }
      await this.db.operations.update(target.id, { undone: 1 });
      return target;
    });
  }

  // ---------- aperçus d'import (survivent à l'arrêt du service d'arrière-plan, MV3) ----------

  /** Garde un aperçu d'import jusqu'à sa validation : les MAX_PREVIEWS plus récents, une heure au plus. */
  async savePreview(preview: ImportPreview, ttlMs = PREVIEW_TTL_MS): Promise<void> {
    const now = this.clock();
    const row = { id: preview.id, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString(), preview };
    await withStorageErrors(() =>
      this.db.transaction('rw', this.db.previews, async () => {
        await this.db.previews.where('expiresAt').belowOrEqual(row.createdAt).delete();
        await this.db.previews.put(row);
        const all = await this.db.previews.orderBy('expiresAt').primaryKeys();
        if (all.length > MAX_PREVIEWS) await this.db.previews.bulkDelete(all.slice(0, all.length - MAX_PREVIEWS));
      }),
    );
  }

  /** Un aperçu en attente, ou undefined s'il est inconnu ou expiré. */
  async loadPreview(id: string): Promise<ImportPreview | undefined> {
    const row = await this.db.previews.get(id);
    if (!row) return undefined;
    if (row.expiresAt <= this.now()) {
      await this.db.previews.delete(id);
      return undefined;
    }
    return row.preview as ImportPreview;
  }

  async dropPreview(id: string): Promise<void> {
    await this.db.previews.delete(id);
  }

  // ---------- sauvegarde complète et restauration (le format du fichier : lib/exchange/backup.ts) ----------

  /** Tout ce que contient une sauvegarde, lu en une transaction ; les contenus sont listés, pas lus. */
  async readSnapshot(): Promise<{ data: LibrarySnapshot; blobs: BlobInfo[] }> {
    const db = this.db;
    return db.transaction('r', [...ALL_TABLES, 'sharing'], async () => {
      const [products, variants, companies, criteria, answers, files, operations, journal, packages, sharing] = await Promise.all([
        db.products.toArray(),
        db.variants.toArray(),
        db.companies.toArray(),
        db.criteria.toArray(),
        db.answers.toArray(),
        db.files.toArray(),
        db.operations.orderBy('order').toArray(),
        db.journal.toArray(),
        db.packages.toArray(),
        db.sharing.toArray(),
      ]);
      const used = new Set<string>(files.map((f) => f.hash));
      for (const e of journal) for (const h of e.blobs ?? []) used.add(h);
      // Le fichier garde une entrée par changement : les lots (v4) sont dépliés.
      const changes = journal.flatMap(journalChanges);
      const blobs: BlobInfo[] = [];
      for (const b of await db.blobs.bulkGet([...used].sort())) if (b) blobs.push({ sha256: b.hash, size: b.size, type: b.type });
      if (blobs.length !== used.size) throw new UserError('Des contenus de preuves manquent dans la base : sauvegarde impossible.');
      return {
        data: {
          products,
          variants,
          companies,
          criteria,
          answers,
          files: files.map(({ blob: _b, ...m }) => m),
          operations,
          journal: changes,
          packages: packages.sort((a, b) => a.id.localeCompare(b.id)),
          // Seulement les réglages du registre : la clé de signature (non exportable) n'en est pas.
          sharing: sharing.filter((r) => sharingKindOf(r.id)).sort((a, b) => a.id.localeCompare(b.id)),
        },
        blobs,
      };
    });
  }

  /**
   * Remplace toute la bibliothèque par une sauvegarde vérifiée, en UNE transaction (tout ou rien) : chaque
   * table est vidée puis remplie, les aperçus d'import en attente sont oubliés (ils décrivaient l'ancienne
   * base), et une opération « restauration » est notée : l'annulation ne remonte pas au-delà. L'appelant a
   * vérifié les données (lib/exchange/backup.ts).
   */
  async restoreSnapshot(data: LibrarySnapshot, blobs: ReadonlyMap<string, Blob>, meta: { author: string; label: string }): Promise<OperationRecord> {
    const db = this.db;
    const needed = new Set<string>(data.files.map((f) => f.hash));
    const journal = data.journal.map((e) => {
      const refs = blobRefs(e.table, e.before, e.after);
      refs.forEach((h) => needed.add(h));
      const { blobs: _old, ...rest } = e;
      return refs.length ? { ...rest, blobs: refs } : rest;
    });
    for (const h of needed) if (!blobs.has(h)) throw new UserError(`Contenu de preuve manquant (empreinte ${h.slice(0, 12)}…) : restauration impossible.`);
    const at = this.now();
    return withStorageErrors(() =>
      db.transaction('rw', [...ALL_TABLES, 'previews', 'sharing'], async () => {
        // Réglages de partage (sauvegarde v2) : remplacés par ceux de la sauvegarde, la clé de signature de ce
        // navigateur gardée ; les numéros d'ordre ne reculent pas. Une sauvegarde v1 ne les touche pas.
        if (data.sharing) {
          const current = new Map((await db.sharing.toArray()).map((r) => [r.id, r.value]));
          await db.sharing.where('id').noneOf([SIGNING_KEY_ID]).delete();
          await db.sharing.bulkPut(
            data.sharing.map((r) => {
              const merge = sharingKindOf(r.id)?.merge;
              return { id: r.id, value: merge && current.has(r.id) ? merge(current.get(r.id), r.value) : r.value };
            }),
          );
        }
        for (const t of [...ALL_TABLES, 'previews']) await db.table(t).clear();
        await db.products.bulkAdd(data.products);
        await db.variants.bulkAdd(data.variants);
        await db.companies.bulkAdd(data.companies);
        await db.criteria.bulkAdd(data.criteria);
        await db.answers.bulkAdd(data.answers);
        await db.files.bulkAdd(data.files);
        await db.blobs.bulkAdd([...needed].map((hash) => {
          const blob = blobs.get(hash)!;
          return { hash, blob, size: blob.size, type: blob.type };
        }));
        await db.operations.bulkAdd(data.operations);
        await db.journal.bulkAdd(journal);
        if (data.packages?.length) await db.packages.bulkAdd(data.packages);
        const last = await db.operations.orderBy('order').last();
        const op: OperationRecord = { id: crypto.randomUUID(), order: (last?.order ?? 0) + 1, kind: 'restauration', label: meta.label, author: meta.author, at, undone: 0 };
        await db.operations.add(op);
        await this.pruneJournal(true);
        return op;
      }),
    );
  }
}
