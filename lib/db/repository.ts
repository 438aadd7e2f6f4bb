/**
 * lib/db — la base Dexie : Repository (ce module) est le SEUL par où passe toute écriture, chacune dans une opération
 * journalisée (runOperation : writer.ts, journal.ts ; historique, annulation de la dernière opération) et une transaction.
 * N'importe de lib/ que : domain, rules, text — ni exchange, library, messages, page, page-session, platform, cli.
 */
import { reviewKey } from './sharing';
import { mergeCriterion } from '../domain/catalogue';
import { UserError } from '../domain/errors';
import { variantDisplayName } from '../domain/naming';
import { makeEvidenceFile } from '../domain/evidence';
import type { NewEvidenceFile } from '../domain/evidence';
import type { QuestionnaireId } from '../domain/questionnaires';
import { withReferentialChange } from '../domain/referential';
import { resolveAnswers } from '../domain/resolve';
import type { ResolvedAnswer } from '../domain/resolve';
import { AnswerSchema, CompanyProfileSchema, CriterionSchema, EvidenceFileMetaSchema, ProductSchema, VariantSchema, answerId, criterionKey } from '../domain/schemas';
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
import { applyPackageReview } from '../rules/package-review';
import type { PackageReviewState } from '../rules/package-review';
import { productReadiness, todayIso } from '../rules/product-readiness';
import { applyReferentialReview } from '../rules/referential-review';
import type { ReadinessReport } from '../rules/types';
import { emptySaveCounts } from './change-set';
import type { ChangeSet, SaveCounts } from './change-set';
import { ALL_TABLES, DEFAULT_JOURNAL_LIMITS, answerHistory, pruneJournal, undoReach, undoable, writeJournal } from './journal';
import type { HistoryEntry, JournalLimits, OperationMeta, OperationResult, UndoReach } from './journal';
import { LibraryCache } from './library-cache';
import { dropPreview, loadPreview, savePreview } from './previews';
import type { StoredPreview } from './previews';
import { ConvergenceDB, JOURNAL_TABLES, journalChanges } from './schema';
import type { OperationRecord, PackageRecord } from './schema';
import { readSnapshot, restoreSnapshot } from './snapshot';
import type { BlobInfo, LibrarySnapshot } from './snapshot';
import { withStorageErrors } from './storage-errors';
import { Writer, sameContent, validate } from './writer';
import type { WriteOutcome } from './writer';

// L'API publique du dépôt, inchangée pour ses appelants (lib/messages, lib/library, lib/exchange, lib/cli, tests).
export { reviewKey, sameContent };
export type { AnswerInput, BlobInfo, ChangeSet, JournalLimits, LibrarySnapshot, Writer };
export { LOT_SIZE } from './journal';
export { MAX_PREVIEWS } from './previews';

/** Ce qu'une suppression a retiré (outre le produit ou la variante), pour le dire à la personne. */
interface DeleteCounts {
  variants: number;
  answers: number;
  files: number;
}

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
        await writeJournal(this.db, w.entries);
        const last = await this.db.operations.orderBy('order').last();
        const op: OperationRecord = { id: opId, order: (last?.order ?? 0) + 1, kind: meta.kind, label: meta.label, author: meta.author, at, undone: 0 };
        if (meta.undoes) op.undoes = meta.undoes;
        await this.db.operations.add(op);
        // Une annulation n'élague pas : « L'annulation remonte jusqu'au … (N opérations) » reste vrai
        // annulation après annulation (le journal dépasse alors sa borne d'au plus N, jusqu'à la prochaine opération).
        if (meta.kind !== 'annulation') await pruneJournal(this.db, this.limits, w.entries.some((e) => e.blobs));
        return { opId, result };
      }),
    );
  }

  // ---------- produits, variantes, fiche administrative ----------

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
    const counts = emptySaveCounts();
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

  // ---------- réponses ----------

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
      const counts = emptySaveCounts();
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
    const guard = (productId: string, result: WriteOutcome) => {
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
      const answers = emptySaveCounts();
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

  /** L'historique d'une réponse, du plus ancien au plus récent (lignes et lots du journal). */
  history(answerIdValue: string): Promise<HistoryEntry[]> {
    return answerHistory(this.db, answerIdValue);
  }

  /** L'opération qu'« Annuler » défait : la dernière pas encore annulée (les annulations exclues). */
  async lastUndoable(): Promise<OperationRecord | undefined> {
    return (await undoable(this.db)).ops[0];
  }

  /** Jusqu'où l'annulation remonte (« L'annulation remonte jusqu'au … (N opérations) ») et ce que garde le journal. */
  undoReach(): Promise<UndoReach> {
    return undoReach(this.db, this.limits);
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

  // ---------- aperçus d'import (lib/db/previews.ts) ----------

  /** Garde un aperçu d'import jusqu'à sa validation : les MAX_PREVIEWS plus récents, une heure au plus. */
  savePreview(preview: StoredPreview, ttlMs?: number): Promise<void> {
    return savePreview(this.db, this.clock(), preview, ttlMs);
  }

  /** Un aperçu en attente, ou undefined s'il est inconnu ou expiré ; l'appelant dit son type (lib/exchange/import-plan.ts). */
  loadPreview<P extends StoredPreview>(id: string): Promise<P | undefined> {
    return loadPreview<P>(this.db, this.now(), id);
  }

  dropPreview(id: string): Promise<void> {
    return dropPreview(this.db, id);
  }

  // ---------- sauvegarde complète et restauration (lib/db/snapshot.ts ; le format du fichier : lib/exchange/backup.ts) ----------

  /** Tout ce que contient une sauvegarde, lu en une transaction ; les contenus sont listés, pas lus. */
  readSnapshot(): Promise<{ data: LibrarySnapshot; blobs: BlobInfo[] }> {
    return readSnapshot(this.db);
  }

  /** Remplace toute la bibliothèque par une sauvegarde vérifiée, en UNE transaction (tout ou rien). */
  restoreSnapshot(data: LibrarySnapshot, blobs: ReadonlyMap<string, Blob>, meta: { author: string; label: string }): Promise<OperationRecord> {
    return restoreSnapshot(this.db, this.limits, this.now(), data, blobs, meta);
  }
}
