/**
 * The ONE module through which every database write goes. Every write belongs to an operation
 * (journaled: history per record, undo of the last operation) and runs in one Dexie transaction.
 */
import { mergeCriterion } from '../domain/catalogue';
import type { CriterionInput } from '../domain/catalogue';
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
  ProductSchema,
  VariantSchema,
  answerId,
  criterionKey,
} from '../domain/schemas';
import type { Answer, CompanyProfile, Criterion, EvidenceFileMeta, Product, Provenance, Variant } from '../domain/schemas';
import { applyAnswerInput, sameAnswerContent } from '../domain/values';
import type { AnswerInput } from '../domain/values';
import { formatZodIssues } from '../domain/zod-fr';
import { productReadiness, todayIso } from '../rules/product-readiness';
import type { ReadinessReport } from '../rules/types';
import { ConvergenceDB } from './schema';
import type { JournalEntry, JournalTable, OperationKind, OperationRecord } from './schema';

export interface OperationMeta {
  kind: OperationKind;
  label: string;
  author: string;
  /** For an annulation: the operation undone. */
  undoes?: string;
}

export type { AnswerInput };

export interface SaveCounts {
  created: number;
  changed: number;
  unchanged: number;
}

export interface OperationResult<T = undefined> {
  /** Undo token: the operation id (null when nothing changed, so nothing to undo). */
  opId: string | null;
  result: T;
}

/** A batch of writes applied in one transaction (import commit, library import). */
export interface ChangeSet {
  criteria?: { input: CriterionInput; source: Provenance }[];
  products?: Product[];
  variants?: Variant[];
  companies?: CompanyProfile[];
  answers?: { productId: string; variantId: string; input: AnswerInput; provenance: Provenance; expectedUpdatedAt?: string | null }[];
  /** Criteria and answers written verbatim (JSON library import: lossless). */
  rawCriteria?: Criterion[];
  rawAnswers?: (Answer & { expectedUpdatedAt?: string | null })[];
}

export interface HistoryEntry {
  at: string;
  author: string;
  operation: string;
  kind: OperationKind;
  before: Answer | null;
  after: Answer | null;
}

/** What a deletion removed (besides the product or variant itself). */
export interface DeleteCounts {
  variants: number;
  answers: number;
  files: number;
}

export type ProductInput = Omit<Product, 'id' | 'createdAt' | 'updatedAt' | 'excludedCriteria' | 'interests' | 'role'> &
  Partial<Pick<Product, 'id' | 'excludedCriteria' | 'interests' | 'role'>>;
export type VariantInput = Omit<Variant, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<Variant, 'id'>>;

const ALL_TABLES = ['answers', 'criteria', 'products', 'variants', 'companies', 'files', 'operations', 'journal'] as const;

function comparable(v: unknown): string {
  return JSON.stringify(v, (k, val: unknown) => (k === 'blob' ? undefined : val));
}

function validate<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new UserError(`${what} invalide : ${formatZodIssues(r.error.issues as never)}`);
}

/** Records the changes of one operation, inside its transaction. */
class Writer {
  readonly entries: JournalEntry[] = [];
  constructor(
    private readonly db: ConvergenceDB,
    private readonly opId: string,
    private readonly at: string,
  ) {}

  async put<T extends { [k: string]: unknown }>(table: JournalTable, key: string, record: T): Promise<'created' | 'changed' | 'unchanged'> {
    const t = this.db.table(table);
    const before = (await t.get(key)) as unknown;
    if (before !== undefined && comparable(before) === comparable(record)) return 'unchanged';
    await t.put(record);
    this.entries.push({ opId: this.opId, table, key, before: before ?? null, after: record, at: this.at });
    return before === undefined ? 'created' : 'changed';
  }

  async remove(table: JournalTable, key: string): Promise<void> {
    const t = this.db.table(table);
    const before = (await t.get(key)) as unknown;
    if (before === undefined) return;
    await t.delete(key);
    this.entries.push({ opId: this.opId, table, key, before, after: null, at: this.at });
  }
}

export class Repository {
  constructor(
    readonly db: ConvergenceDB,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Open (or create) a database by name; tests pass a fresh unique name. */
  static open(name?: string, clock?: () => Date): Repository {
    return new Repository(new ConvergenceDB(name), clock);
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** Run fn in ONE transaction as one journaled operation; any throw rolls everything back. */
  async runOperation<T>(meta: OperationMeta, fn: (w: Writer, at: string) => Promise<T>): Promise<OperationResult<T>> {
    const at = this.now();
    const opId = crypto.randomUUID();
    return this.db.transaction('rw', [...ALL_TABLES], async () => {
      const w = new Writer(this.db, opId, at);
      const result = await fn(w, at);
      if (w.entries.length === 0) return { opId: null, result };
      await this.db.journal.bulkAdd(w.entries);
      const last = await this.db.operations.orderBy('order').last();
      const op: OperationRecord = { id: opId, order: (last?.order ?? 0) + 1, kind: meta.kind, label: meta.label, author: meta.author, at, undone: 0 };
      if (meta.undoes) op.undoes = meta.undoes;
      await this.db.operations.add(op);
      return { opId, result };
    });
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
      if (await this.db.products.get(product.id)) throw new UserError(`Un produit avec l'identifiant « ${product.id} » existe déjà.`);
      await w.put('products', product.id, product);
      return product;
    });
  }

  async updateProduct(id: string, patch: Partial<Omit<Product, 'id' | 'createdAt'>>, author: string): Promise<OperationResult<Product>> {
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
      if (await this.db.variants.get(variant.id)) throw new UserError(`Une variante avec l'identifiant « ${variant.id} » existe déjà.`);
      await w.put('variants', variant.id, variant);
      return variant;
    });
  }

  async updateVariant(id: string, patch: Partial<Omit<Variant, 'id' | 'productId' | 'createdAt'>>, author: string): Promise<OperationResult<Variant>> {
    return this.runOperation({ kind: 'produit', label: "Modification d'une variante", author }, async (w, at) => {
      const current = await this.db.variants.get(id);
      if (!current) throw new UserError(`Variante introuvable (identifiant « ${id} »).`);
      const next = validate(VariantSchema, { ...current, ...patch, id, productId: current.productId, createdAt: current.createdAt, updatedAt: at }, 'Variante');
      await w.put('variants', id, next);
      return next;
    });
  }

  /** Delete a variant with its own answers and evidence files, as one undoable operation. */
  async deleteVariant(id: string, author: string): Promise<OperationResult<DeleteCounts>> {
    const variant = await this.db.variants.get(id);
    if (!variant) throw new UserError(`Variante introuvable (identifiant « ${id} »).`);
    const product = await this.requireProduct(variant.productId);
    return this.runOperation({ kind: 'produit', label: `Suppression de la variante « ${variantDisplayName(product, variant)} »`, author }, async (w) => {
      const answers = await this.answersOfScope(variant.productId, id);
      const files = (await this.db.files.where('[productId+variantId]').equals([variant.productId, id]).primaryKeys()) as string[];
      for (const a of answers) await w.remove('answers', a.id);
      for (const f of files) await w.remove('files', f);
      await w.remove('variants', id);
      return { variants: 1, answers: answers.length, files: files.length };
    });
  }

  /**
   * Delete a product family with its variants, answers and evidence files, as one undoable operation.
   * Refused while a distributor product is attached to it as its producer.
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
      for (const a of answers) await w.remove('answers', a.id);
      for (const f of files) await w.remove('files', f);
      for (const v of variants) await w.remove('variants', v.id);
      await w.remove('products', id);
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

  // ---------- criteria catalogue ----------

  listCriteria(questionnaire?: QuestionnaireId): Promise<Criterion[]> {
    return questionnaire ? this.db.criteria.where('questionnaire').equals(questionnaire).toArray() : this.db.criteria.toArray();
  }

  private async learnInto(w: Writer, inputs: readonly { input: CriterionInput; source: Provenance }[]): Promise<SaveCounts> {
    const counts: SaveCounts = { created: 0, changed: 0, unchanged: 0 };
    for (const { input, source } of inputs) {
      const key = criterionKey(input.questionnaire, input.id);
      const existing = await this.db.criteria.get(key);
      const next = validate(CriterionSchema, mergeCriterion(existing, input, source), `Critère ${input.id}`);
      counts[await w.put('criteria', key, next)]++;
    }
    return counts;
  }

  /** Upsert criteria learned from a page or a file into the catalogue (one undoable operation). */
  async learnCriteria(inputs: readonly CriterionInput[], source: Provenance, author: string): Promise<OperationResult<SaveCounts>> {
    return this.runOperation({ kind: 'capture', label: `Critères appris (${source.ref})`, author }, (w) =>
      this.learnInto(w, inputs.map((input) => ({ input, source }))),
    );
  }

  // ---------- answers ----------

  private async putAnswer(w: Writer, productId: string, variantId: string, input: AnswerInput, provenance: Provenance, author: string, at: string) {
    const key = criterionKey(input.questionnaire, input.criterionId);
    const id = answerId(productId, variantId, key);
    const existing = await this.db.answers.get(id);
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
    const next = validate(AnswerSchema, candidate, `Réponse au critère ${input.criterionId}`);
    if (existing && sameAnswerContent(existing, next)) return 'unchanged' as const;
    return w.put('answers', id, next);
  }

  private async requireTarget(productId: string, variantId: string): Promise<void> {
    await this.requireProduct(productId);
    if (variantId) {
      const v = await this.db.variants.get(variantId);
      if (!v || v.productId !== productId) throw new UserError(`Variante « ${variantId} » introuvable pour ce produit.`);
    }
  }

  /** Save answers (captured from a page, typed, or a bulk edit) for a product or one variant, all or nothing. */
  async saveAnswers(
    productId: string,
    variantId: string,
    inputs: readonly AnswerInput[],
    provenance: Provenance,
    meta: OperationMeta,
  ): Promise<OperationResult<SaveCounts>> {
    return this.runOperation(meta, async (w, at) => {
      await this.requireTarget(productId, variantId);
      const counts: SaveCounts = { created: 0, changed: 0, unchanged: 0 };
      for (const input of inputs) counts[await this.putAnswer(w, productId, variantId, input, provenance, meta.author, at)]++;
      return counts;
    });
  }

  /** Apply a whole change set (import commit, library import) as ONE operation and ONE transaction. */
  async applyChangeSet(changes: ChangeSet, meta: OperationMeta): Promise<OperationResult<{ criteria: SaveCounts; answers: SaveCounts }>> {
    return this.runOperation(meta, async (w, at) => {
      for (const c of changes.companies ?? []) await w.put('companies', c.id, validate(CompanyProfileSchema, c, 'Fiche administrative'));
      for (const p of changes.products ?? []) await w.put('products', p.id, validate(ProductSchema, p, `Produit ${p.id}`));
      for (const v of changes.variants ?? []) await w.put('variants', v.id, validate(VariantSchema, v, `Variante ${v.id}`));
      const criteria = await this.learnInto(w, changes.criteria ?? []);
      const answers: SaveCounts = { created: 0, changed: 0, unchanged: 0 };
      for (const c of changes.rawCriteria ?? []) criteria[await w.put('criteria', c.key, validate(CriterionSchema, c, `Critère ${c.id}`))]++;
      for (const a of changes.answers ?? []) {
        await this.requireTarget(a.productId, a.variantId);
        await this.checkUnchangedSincePreview(answerId(a.productId, a.variantId, criterionKey(a.input.questionnaire, a.input.criterionId)), a.expectedUpdatedAt);
        answers[await this.putAnswer(w, a.productId, a.variantId, a.input, a.provenance, meta.author, at)]++;
      }
      for (const { expectedUpdatedAt, ...raw } of changes.rawAnswers ?? []) {
        await this.requireTarget(raw.productId, raw.variantId);
        await this.checkUnchangedSincePreview(raw.id, expectedUpdatedAt);
        answers[await w.put('answers', raw.id, validate(AnswerSchema, raw, `Réponse ${raw.criterionId}`))]++;
      }
      return { criteria, answers };
    });
  }

  private async checkUnchangedSincePreview(id: string, expected: string | null | undefined): Promise<void> {
    if (expected === undefined) return;
    const current = await this.db.answers.get(id);
    if ((current?.updatedAt ?? null) !== expected)
      throw new UserError(`La réponse « ${id.split('|').pop() ?? id} » a changé depuis l'aperçu : relancez l'import pour obtenir un nouvel aperçu.`);
  }

  /** Every stored answer of a product (family base answers and all variants' overrides). */
  answersOfProduct(productId: string): Promise<Answer[]> {
    return this.db.answers.where('productId').equals(productId).toArray();
  }

  /** Answers of one scope: the family base ('') or one variant. */
  answersOfScope(productId: string, variantId: string): Promise<Answer[]> {
    return this.db.answers.where('[productId+variantId]').equals([productId, variantId]).toArray();
  }

  /** Ids of the products that answer a criterion. */
  async productsAnswering(key: string): Promise<string[]> {
    const rows = await this.db.answers.where('criterionKey').equals(key).toArray();
    return [...new Set(rows.map((r) => r.productId))].sort();
  }

  /** Resolved answers of a product or variant, each saying where it came from. */
  async resolvedAnswers(productId: string, variantId = '', questionnaire?: QuestionnaireId): Promise<ResolvedAnswer[]> {
    const product = await this.requireProduct(productId);
    const [own, criteria] = await Promise.all([this.answersOfProduct(productId), this.db.criteria.toArray()]);
    const producerAnswers =
      product.role.kind === 'distributeur' ? await this.answersOfScope(product.role.producerProductId, '') : undefined;
    const resolved = resolveAnswers({
      product,
      variantId,
      answers: own,
      criteria: new Map(criteria.map((c) => [c.key, c])),
      ...(producerAnswers ? { producerAnswers } : {}),
    });
    return questionnaire ? resolved.filter((r) => r.answer.questionnaire === questionnaire) : resolved;
  }

  async readiness(productId: string, variantId = '', today = todayIso(this.clock())): Promise<ReadinessReport> {
    const product = await this.requireProduct(productId);
    const [catalogue, resolved] = await Promise.all([this.db.criteria.toArray(), this.resolvedAnswers(productId, variantId)]);
    return productReadiness({ product, catalogue, resolved, today });
  }

  // ---------- evidence files ----------

  async addEvidenceFile(input: NewEvidenceFile, author: string): Promise<OperationResult<EvidenceFileMeta>> {
    const file = await makeEvidenceFile(input, this.clock());
    return this.runOperation({ kind: 'saisie', label: `Preuve « ${file.name} »`, author }, async (w) => {
      await this.requireTarget(file.productId, file.variantId);
      await w.put('files', file.id, file);
      const { blob: _blob, ...meta } = file;
      return meta;
    });
  }

  getEvidenceFile(id: string) {
    return this.db.files.get(id);
  }

  async listEvidenceFiles(productId: string): Promise<EvidenceFileMeta[]> {
    const files = await this.db.files.where('productId').equals(productId).toArray();
    return files.map(({ blob: _blob, ...meta }) => meta);
  }

  // ---------- journal: history and undo ----------

  async operations(limit = 50): Promise<OperationRecord[]> {
    return this.db.operations.orderBy('order').reverse().limit(limit).toArray();
  }

  async history(answerIdValue: string): Promise<HistoryEntry[]> {
    const entries = await this.db.journal.where('[table+key]').equals(['answers', answerIdValue]).sortBy('seq');
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

  /** The operation "undo" would revert: the latest one not yet undone (annulations excluded). */
  async lastUndoable(): Promise<OperationRecord | undefined> {
    return this.db.operations
      .orderBy('order')
      .reverse()
      .filter((o) => o.undone === 0 && o.kind !== 'annulation')
      .first();
  }

  /**
   * Undo the last operation (or the given one, which must be the last): every record goes back to its
   * previous state, in one transaction, recorded as an « annulation » operation.
   */
  async undo(author: string, opId?: string): Promise<OperationResult<OperationRecord | null>> {
    const target = await this.lastUndoable();
    if (!target) throw new UserError('Aucune opération à annuler.');
    if (opId && opId !== target.id) throw new UserError("Seule la dernière opération peut être annulée (une opération plus récente existe).");
    return this.runOperation({ kind: 'annulation', label: `Annulation : ${target.label}`, author, undoes: target.id }, async (w) => {
      const entries = await this.db.journal.where('opId').equals(target.id).sortBy('seq');
      for (const e of entries.reverse()) {
        const current = (await this.db.table(e.table).get(e.key)) as unknown;
        if (comparable(current ?? null) !== comparable(e.after)) {
          throw new UserError(`Annulation impossible : l'élément « ${e.key} » a été modifié depuis.`);
        }
        if (e.before === null) await w.remove(e.table, e.key);
        else await w.put(e.table, e.key, e.before as { [k: string]: unknown });
      }
      await this.db.operations.update(target.id, { undone: 1 });
      return target;
    });
  }
}
