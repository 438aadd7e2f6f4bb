/**
 * lib/library — les services de la bibliothèque au-dessus du dépôt : modifications, comparaison, parcours, paquets, profils.
 * Les décisions sont pures à côté des écritures (answer-edit / answer-write, compare, marques « garder » dans lib/db/sharing.ts).
 * N'importe de lib/ que : db, domain, exchange, page, rules, text — ni messages, page-session, platform, cli.
 */
/**
 * Écritures des modifications faites dans le gestionnaire (issue 11 § 1) : une réponse, un lot, une valeur
 * restaurée depuis l'historique. Chacune est UNE opération du journal (Repository.runOperation), annulable par
 * « Annuler la dernière opération ». Les décisions sont dans answer-edit.ts (pur) ; ici, la base.
 * La marque « confidentiel » est celle du partage (packages.ts) : un réglage du partage, hors du journal.
 */
import { UserError } from '../domain/errors';
import type { QuestionnaireId } from '../domain/questionnaires';
import { AnswerSchema, answerId, criterionKey } from '../domain/schemas';
import type { Answer, AnswerValue, Product, Provenance, Variant } from '../domain/schemas';
import { sameAnswerContent, type AnswerContent } from '../domain/values';
import { formatZodIssues } from '../domain/zod-fr';
import type { Repository, Writer } from '../db/repository';
import { isOwn, nextAnswer, planBulk, planSignature, type AnswerPatch, type BulkAction, type BulkChange, type EditRow } from './answer-edit';
import { confidentialComments, frenchDate, saveConfidentialComments } from './packages';

const MANAGER_REF = 'Gestionnaire des bibliothèques';

type Outcome = 'created' | 'changed' | 'unchanged';

export interface EditContext {
  readOnly: boolean;
  /** Pourquoi la portée est en lecture seule (paquet producteur). */
  reason: string;
  /** Clés des critères dont le commentaire est marqué « confidentiel » pour cette portée. */
  confidential: string[];
  /** « Sans réponse » n'est proposé que là où rien n'est hérité : une famille qui n'est pas distributeur. */
  allowEmpty: boolean;
}

export async function editContext(repo: Repository, productId: string, variantId: string): Promise<EditContext> {
  const product = await repo.requireProduct(productId);
  let reason = '';
  try {
    await repo.assertWritable(productId);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    reason = e.message;
  }
  return { readOnly: !!reason, reason, confidential: await confidentialComments(repo, productId, variantId), allowEmpty: allowsEmpty(product, variantId) };
}

const allowsEmpty = (product: Product, variantId: string) => variantId === '' && product.role.kind !== 'distributeur';

/** Le produit (et la variante) tels que l'opération les voit. */
async function requireScope(w: Writer, productId: string, variantId: string): Promise<void> {
  await Promise.all([w.load('products', [productId]), w.load('variants', variantId ? [variantId] : [])]);
  if (!w.get('products', productId)) throw new UserError(`Produit introuvable (identifiant « ${productId} »).`);
  if (variantId) {
    const v = w.get<Variant>('variants', variantId);
    if (!v || v.productId !== productId) throw new UserError(`Variante « ${variantId} » introuvable pour ce produit.`);
  }
}

function valid(answer: Answer): Answer {
  const r = AnswerSchema.safeParse(answer);
  if (!r.success) throw new UserError(`Réponse au critère ${answer.criterionId} invalide : ${formatZodIssues(r.error.issues)}`);
  return r.data;
}

/** Les réponses en vigueur de la portée, comme le gestionnaire les montre. */
async function rowsOf(repo: Repository, productId: string, variantId: string, questionnaire?: QuestionnaireId): Promise<EditRow[]> {
  return repo.resolvedAnswers(productId, variantId, questionnaire);
}

/** Refus commun : produit en lecture seule (paquet producteur), « sans réponse » là où l'héritée reviendrait. */
async function writableProduct(repo: Repository, productId: string): Promise<Product> {
  await repo.assertWritable(productId);
  return repo.requireProduct(productId);
}

interface EditRequest {
  productId: string;
  variantId: string;
  questionnaire: QuestionnaireId;
  criterionId: string;
  value?: AnswerValue | null | undefined;
  comment?: string | undefined;
  /** '' : retirer la date. */
  validUntil?: string | undefined;
  confidential?: boolean | undefined;
  /** updatedAt de la réponse propre que l'éditeur montrait (null : aucune) ; absent : pas de contrôle. */
  expectedUpdatedAt?: string | null | undefined;
  author: string;
}

interface EditResult {
  outcome: Outcome;
  answer: Answer | null;
  confidential: boolean;
  undoToken: string | null;
}

export async function editAnswer(repo: Repository, req: EditRequest): Promise<EditResult> {
  const { productId, variantId, questionnaire, criterionId } = req;
  const product = await writableProduct(repo, productId);
  if (req.value === null && !allowsEmpty(product, variantId))
    throw new UserError(
      `« Niveau ou conformité » de ${criterionId} : « Sans réponse » ne s'enregistre que sur une famille ; ici, la réponse ${variantId ? 'de la famille' : 'du producteur'} s'appliquerait.`,
    );
  const key = criterionKey(questionnaire, criterionId);
  const id = answerId(productId, variantId, key);
  const row = (await rowsOf(repo, productId, variantId, questionnaire)).find((r) => r.criterionKey === key);
  const inherited = row && !isOwn(row, variantId) ? row : undefined;
  const patch: AnswerPatch = {};
  if (req.value !== undefined) patch.value = req.value;
  if (req.comment !== undefined) patch.comment = req.comment;
  if (req.validUntil !== undefined) patch.validUntil = req.validUntil === '' ? null : req.validUntil;

  const r = await repo.runOperation({ kind: 'saisie', label: `Modification de la réponse ${criterionId} (gestionnaire)`, author: req.author }, async (w, at) => {
    await requireScope(w, productId, variantId);
    const own = await w.fetch<Answer>('answers', id);
    if (req.expectedUpdatedAt !== undefined && (own?.updatedAt ?? null) !== req.expectedUpdatedAt)
      throw new UserError(`La réponse à ${criterionId} a changé depuis l'ouverture de l'éditeur (enregistrée depuis une page ?) : rouvrez-la avant de la modifier.`);
    const provenance: Provenance = { kind: 'saisie', ref: MANAGER_REF, at };
    const next = nextAnswer({ scope: { productId, variantId }, questionnaire, criterionId, own, inherited, patch, provenance, author: req.author, at });
    if (!next) return { outcome: 'unchanged' as Outcome, answer: own ?? null };
    const answer = valid(next);
    return { outcome: w.write('answers', id, answer), answer };
  });

  let confidential = (await confidentialComments(repo, productId, variantId)).includes(key);
  if (req.confidential !== undefined && req.confidential !== confidential) {
    const marks = new Set(await confidentialComments(repo, productId, variantId));
    if (req.confidential) marks.add(key);
    else marks.delete(key);
    await saveConfidentialComments(repo, productId, variantId, [...marks]);
    confidential = req.confidential;
  }
  return { ...r.result, confidential, undoToken: r.opId };
}

interface BulkRequest {
  productId: string;
  variantId: string;
  keys: readonly string[];
  action: BulkAction;
  apply: boolean;
  /** L'empreinte du plan montré dans l'aperçu : l'écriture refuse un plan devenu autre. */
  signature?: string | undefined;
  author: string;
}

interface BulkResult {
  changes: Omit<BulkChange, 'patch'>[];
  signature: string;
  applied: number;
  undoToken: string | null;
}

function bulkLabel(action: BulkAction, count: number): string {
  return action.kind === 'validUntil'
    ? `Modification en lot : valide jusqu'au ${frenchDate(action.date)} (${count} réponse(s))`
    : `Modification en lot : « ${action.find.slice(0, 60)} » remplacé dans ${count} commentaire(s)`;
}

/** Aperçu (apply false : rien n'est écrit) ou écriture d'une modification en lot, en UNE opération. */
export async function bulkEdit(repo: Repository, req: BulkRequest): Promise<BulkResult> {
  const { productId, variantId } = req;
  await writableProduct(repo, productId);
  const rows = await rowsOf(repo, productId, variantId);
  const changes = planBulk(rows, new Set(req.keys), req.action, variantId);
  const signature = planSignature(changes);
  const shown = changes.map(({ patch: _p, ...c }) => c);
  if (!req.apply || changes.length === 0) return { changes: shown, signature, applied: 0, undoToken: null };
  if (req.signature !== signature) throw new UserError("Les réponses ont changé depuis l'aperçu (une capture ou une autre modification) : relancez l'aperçu.");
  const byKey = new Map(rows.map((r) => [r.criterionKey, r]));
  const r = await repo.runOperation({ kind: 'lot', label: bulkLabel(req.action, changes.length), author: req.author }, async (w, at) => {
    await requireScope(w, productId, variantId);
    const ids = changes.map((c) => answerId(productId, variantId, c.criterionKey));
    await w.load('answers', ids);
    const provenance: Provenance = { kind: 'saisie', ref: `${MANAGER_REF} (modification en lot)`, at };
    let applied = 0;
    changes.forEach((c, i) => {
      const row = byKey.get(c.criterionKey)!;
      const own = w.get<Answer>('answers', ids[i]!);
      const next = nextAnswer({
        scope: { productId, variantId },
        questionnaire: c.questionnaire,
        criterionId: c.criterionId,
        own,
        inherited: isOwn(row, variantId) ? undefined : row,
        patch: c.patch,
        provenance,
        author: req.author,
        at,
      });
      if (next && w.write('answers', next.id, valid(next)) !== 'unchanged') applied++;
    });
    return applied;
  });
  return { changes: shown, signature, applied: r.result, undoToken: r.opId };
}

interface RestoreRequest {
  productId: string;
  variantId: string;
  questionnaire: QuestionnaireId;
  criterionId: string;
  /** Rang de l'entrée dans l'historique, et sa date (contrôle : l'historique n'a pas changé). */
  index: number;
  at: string;
  author: string;
}

/** « Restaurer cette valeur » : la réponse d'après une entrée de l'historique redevient la réponse propre, en une nouvelle opération. */
export async function restoreAnswer(repo: Repository, req: RestoreRequest): Promise<{ outcome: Outcome; answer: Answer | null; undoToken: string | null }> {
  const { productId, variantId, questionnaire, criterionId } = req;
  await writableProduct(repo, productId);
  const id = answerId(productId, variantId, criterionKey(questionnaire, criterionId));
  const entry = (await repo.history(id))[req.index];
  if (!entry || entry.at !== req.at) throw new UserError(`Historique de ${criterionId} : cette valeur n'y est plus, rouvrez l'historique.`);
  const target = entry.after;
  if (!target) throw new UserError(`Historique de ${criterionId} : cette entrée est une suppression, il n'y a pas de valeur à restaurer.`);
  const label = `Restauration de la réponse ${criterionId} (valeur du ${frenchDate(entry.at)})`;
  const r = await repo.runOperation({ kind: 'saisie', label, author: req.author }, async (w, at) => {
    await requireScope(w, productId, variantId);
    const own = await w.fetch<Answer>('answers', id);
    const content: AnswerContent = { value: target.value, comment: target.comment, evidence: target.evidence };
    if (target.specificite) content.specificite = target.specificite;
    if (target.validUntil) content.validUntil = target.validUntil;
    if (own && sameAnswerContent(own, content)) return { outcome: 'unchanged' as Outcome, answer: own };
    const answer = valid({
      id,
      productId,
      variantId,
      criterionKey: target.criterionKey,
      questionnaire,
      criterionId,
      ...content,
      provenance: { kind: 'saisie', ref: `Restauration de la valeur du ${frenchDate(entry.at)}`, at },
      author: req.author,
      createdAt: own?.createdAt ?? at,
      updatedAt: at,
    });
    return { outcome: w.write('answers', id, answer), answer };
  });
  return { ...r.result, undoToken: r.opId };
}
