/**
 * Comparer un questionnaire entre une famille et ses variantes d'OS (et, pour un distributeur, avec le produit de
 * son producteur) : une ligne par critère, une colonne par produit ou variante (issue 11 § 2).
 *
 * Chaque cellule est la réponse EN VIGUEUR de sa colonne, telle que Repository.resolvedAnswers la donne (la
 * règle d'héritage a une seule maison : lib/domain/resolve.ts) ; elle dit si la réponse est propre à la
 * colonne ou héritée (variante ← famille, distributeur ← producteur).
 *
 * Chaque colonne, sauf la racine, a une référence : la famille pour une variante, le producteur pour la
 * famille d'un distributeur. Les références forment un arbre qui relie toutes les colonnes : une ligne a un
 * écart dès qu'une colonne diffère de sa référence. Un écart « gardé » (marque durable, lib/db/sharing.ts) n'est
 * plus « à revoir » tant que les deux contenus comparés restent ceux qui ont été examinés.
 */
import { UserError } from '../domain/errors';
import { scopeDisplayName, variantDisplayName } from '../domain/naming';
import type { QuestionnaireId } from '../domain/questionnaires';
import type { ResolvedAnswer } from '../domain/resolve';
import { answerId } from '../domain/schemas';
import type { AnswerValue, Criterion, Product, Variant } from '../domain/schemas';
import { formatAnswerValue } from '../domain/values';
import type { Repository } from '../db/repository';
import { withStorageErrors } from '../db/storage-errors';
import { KEEP_PREFIX, KeepMarkSchema, keepKey } from '../db/sharing';
import type { KeepMark } from '../db/sharing';

type CompareColumnKind = 'famille' | 'variante' | 'producteur';
/** D'où vient la réponse d'une cellule : la colonne elle-même, sa famille, ou le producteur. */
type CellOrigin = 'propre' | 'famille' | 'producteur';

interface CompareColumn {
  /** `${productId}|${variantId}` */
  id: string;
  productId: string;
  variantId: string;
  name: string;
  kind: CompareColumnKind;
  /** La colonne à laquelle celle-ci se compare (absente pour la racine). */
  referenceId?: string;
}

interface CompareCell {
  value: AnswerValue | null;
  /** Texte affiché de la valeur (formatAnswerValue, sur l'échelle du critère). */
  display: string;
  comment: string;
  evidenceCount: number;
  /** Types de preuve couverts par les preuves confidentielles du producteur (jamais leurs fichiers). */
  inheritedEvidenceTypes: string[];
  origin: CellOrigin;
}

export interface CompareEntry {
  /** null : aucune réponse en vigueur pour cette colonne. */
  cell: CompareCell | null;
  /** Diffère de la colonne de référence. */
  differs: boolean;
  /** L'écart avec la référence a été gardé, et les deux contenus n'ont pas changé depuis. */
  kept: boolean;
  /** Une variante avec sa propre réponse enregistrée : « aligner sur la famille » la retire. */
  canAlign: boolean;
  /** Un écart avec la référence peut être gardé (ou ne plus l'être). */
  canKeep: boolean;
}

export interface CompareRow {
  criterionKey: string;
  criterionId: string;
  title: string;
  /** Une entrée par colonne, dans l'ordre des colonnes. */
  entries: CompareEntry[];
  /** Au moins une colonne diffère de sa référence. */
  differs: boolean;
  /** Un écart au moins n'est pas gardé. */
  toReview: boolean;
}

export interface CompareMatrix {
  productId: string;
  questionnaire: QuestionnaireId;
  columns: CompareColumn[];
  rows: CompareRow[];
  counts: { rows: number; differs: number; toReview: number; kept: number };
}

interface ColumnInput extends CompareColumn {
  resolved: readonly ResolvedAnswer[];
}

interface BuildCompareInput {
  productId: string;
  questionnaire: QuestionnaireId;
  columns: readonly ColumnInput[];
  /** Catalogue (titres, échelles) du questionnaire. */
  criteria: readonly Criterion[];
  /** Identifiants des réponses enregistrées (answerId) : une variante n'a rien à aligner sans réponse propre. */
  stored: ReadonlySet<string>;
  /** Marques « garder », par clé keepKey. */
  kept: ReadonlyMap<string, KeepMark>;
}

export const columnId = (productId: string, variantId: string) => `${productId}|${variantId}`;

/** Ordre naturel des identifiants (A06.1.2 avant A06.1.10), comme l'export Excel. */
function compareCriterionIds(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { numeric: true });
}

/**
 * Ce qui est comparé : la valeur et le commentaire. Le commentaire compte parce que l'évaluateur le lit : le même
 * niveau justifié pour « l'application Android » sur la variante iOS est un écart à revoir. Espaces et sauts de
 * ligne sont repliés (une saisie dans une zone de texte en change sans changer le propos), les choix multiples
 * triés (leur ordre n'a pas de sens). Les preuves ne sont pas comparées : chaque produit dépose ses propres
 * fichiers, et celles du producteur restent confidentielles (jamais montrées au distributeur), leur absence
 * chez lui n'est pas un écart.
 */
function cellSignature(cell: Pick<CompareCell, 'value' | 'comment'> | null): string {
  if (!cell) return JSON.stringify(null);
  const v = cell.value;
  const value = v?.kind === 'choix' ? { kind: 'choix', choices: [...v.choices].sort() } : v;
  return JSON.stringify([value, cell.comment.replace(/\s+/g, ' ').trim()]);
}

function toCell(r: ResolvedAnswer, column: CompareColumn, criterion: Criterion | undefined): CompareCell {
  const own = column.kind === 'variante' ? r.source === 'variante' : r.source === 'famille';
  const origin: CellOrigin = own ? 'propre' : r.source === 'producteur' ? 'producteur' : 'famille';
  return {
    value: r.answer.value,
    display: formatAnswerValue(r.answer.value, criterion?.scale),
    comment: r.answer.comment,
    evidenceCount: r.answer.evidence.length,
    inheritedEvidenceTypes: r.inheritedEvidenceTypes,
    origin,
  };
}

/** La matrice, sans base de données : les réponses résolues de chaque colonne sont données. */
export function buildCompareMatrix(input: BuildCompareInput): CompareMatrix {
  const { columns } = input;
  const catalogue = new Map(input.criteria.filter((c) => c.questionnaire === input.questionnaire).map((c) => [c.key, c]));
  const byColumn = columns.map((c) => new Map(c.resolved.filter((r) => r.answer.questionnaire === input.questionnaire).map((r) => [r.criterionKey, r])));
  const keys = new Map<string, string>();
  for (const m of byColumn) for (const [key, r] of m) keys.set(key, r.answer.criterionId);
  const index = new Map(columns.map((c, i) => [c.id, i]));

  const rows: CompareRow[] = [...keys]
    .sort((a, b) => compareCriterionIds(a[1], b[1]))
    .map(([key, criterionId]) => {
      const criterion = catalogue.get(key);
      const cells = columns.map((col, i) => {
        const r = byColumn[i]!.get(key);
        return r ? toCell(r, col, criterion) : null;
      });
      const sigs = cells.map(cellSignature);
      const entries = columns.map((col, i): CompareEntry => {
        const ref = col.referenceId === undefined ? undefined : index.get(col.referenceId);
        const differs = ref !== undefined && sigs[i] !== sigs[ref];
        const mark = input.kept.get(keepKey(col.productId, col.variantId, key));
        const kept = differs && !!mark && mark.own === sigs[i] && mark.reference === sigs[ref!];
        return {
          cell: cells[i]!,
          differs,
          kept,
          canAlign: col.kind === 'variante' && input.stored.has(answerId(col.productId, col.variantId, key)),
          canKeep: differs,
        };
      });
      const differs = entries.some((e) => e.differs);
      return {
        criterionKey: key,
        criterionId,
        title: criterion?.title ?? '',
        entries,
        differs,
        toReview: entries.some((e) => e.differs && !e.kept),
      };
    });
  return {
    productId: input.productId,
    questionnaire: input.questionnaire,
    columns: columns.map(({ resolved: _r, ...c }) => c),
    rows,
    counts: {
      rows: rows.length,
      differs: rows.filter((r) => r.differs).length,
      toReview: rows.filter((r) => r.toReview).length,
      kept: rows.filter((r) => r.differs && !r.toReview).length,
    },
  };
}

// ---------- avec la bibliothèque ----------

/** Une famille et ses variantes, telles que la comparaison les met en colonnes (pas une portée : voir ScopeSchema). */
interface Family {
  product: Product;
  variants: Variant[];
}

/** Les colonnes d'un produit : sa famille, ses variantes (par nom), et le producteur d'un distributeur. */
async function columnsOf(repo: Repository, productId: string): Promise<{ scope: Family; columns: CompareColumn[] }> {
  const product = await repo.requireProduct(productId);
  const variants = (await repo.listVariants(productId))
    .map((v) => ({ v, name: variantDisplayName(product, v) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const family = columnId(product.id, '');
  const columns: CompareColumn[] = [];
  // Le producteur d'abord : c'est la référence de la famille du distributeur. Ses variantes n'y sont pas : un
  // distributeur n'hérite que des réponses de la famille du producteur (lib/domain/resolve.ts).
  const producer = product.role.kind === 'distributeur' ? await repo.getProduct(product.role.producerProductId) : undefined;
  if (producer) columns.push({ id: columnId(producer.id, ''), productId: producer.id, variantId: '', name: scopeDisplayName(producer), kind: 'producteur' });
  columns.push({
    id: family,
    productId: product.id,
    variantId: '',
    name: scopeDisplayName(product),
    kind: 'famille',
    ...(producer ? { referenceId: columnId(producer.id, '') } : {}),
  });
  for (const { v, name } of variants) columns.push({ id: columnId(product.id, v.id), productId: product.id, variantId: v.id, name, kind: 'variante', referenceId: family });
  return { scope: { product, variants: variants.map((x) => x.v) }, columns };
}

async function keepMarks(repo: Repository, productId: string): Promise<Map<string, KeepMark>> {
  const rows = await repo.db.sharing.where('id').startsWith(`${KEEP_PREFIX}${productId}|`).toArray();
  const out = new Map<string, KeepMark>();
  for (const r of rows) {
    const m = KeepMarkSchema.safeParse(r.value);
    if (m.success) out.set(r.id, m.data);
  }
  return out;
}

/** La comparaison d'un questionnaire pour un produit (famille ; une variante se compare dans sa famille). */
export async function compareProduct(repo: Repository, productId: string, questionnaire: QuestionnaireId): Promise<CompareMatrix> {
  const { columns } = await columnsOf(repo, productId);
  const [resolved, criteria, stored, kept] = await Promise.all([
    Promise.all(columns.map((c) => repo.resolvedAnswers(c.productId, c.variantId, questionnaire))),
    repo.listCriteria(questionnaire),
    repo.answersOfProduct(productId),
    keepMarks(repo, productId),
  ]);
  return buildCompareMatrix({
    productId,
    questionnaire,
    columns: columns.map((c, i) => ({ ...c, resolved: resolved[i]! })),
    criteria,
    stored: new Set(stored.filter((a) => a.questionnaire === questionnaire).map((a) => a.id)),
    kept,
  });
}

/** Les questionnaires qui ont au moins une réponse dans l'une des colonnes du produit. */
export async function comparableQuestionnaires(repo: Repository, productId: string): Promise<QuestionnaireId[]> {
  const { columns } = await columnsOf(repo, productId);
  const seen = new Set<QuestionnaireId>();
  for (const c of columns) for (const r of await repo.resolvedAnswers(c.productId, c.variantId)) seen.add(r.answer.questionnaire);
  return [...seen];
}

async function requireVariant(repo: Repository, productId: string, variantId: string): Promise<Variant> {
  const variant = variantId ? await repo.db.variants.get(variantId) : undefined;
  if (!variant || variant.productId !== productId) throw new UserError(`variantId : variante « ${variantId} » introuvable pour ce produit.`);
  return variant;
}

/**
 * « Aligner sur la famille » : la réponse propre de la variante est retirée, elle hérite de nouveau de sa famille.
 * Une opération du journal : « Annuler la dernière opération » la rend.
 */
export async function alignOnFamily(
  repo: Repository,
  req: { productId: string; variantId: string; criterionKey: string; author: string },
): Promise<{ undoToken: string | null }> {
  const product = await repo.requireProduct(req.productId);
  const variant = await requireVariant(repo, req.productId, req.variantId);
  await repo.assertWritable(req.productId);
  const id = answerId(req.productId, req.variantId, req.criterionKey);
  const name = variantDisplayName(product, variant);
  const criterionId = req.criterionKey.slice(req.criterionKey.indexOf('/') + 1);
  const r = await repo.runOperation({ kind: 'saisie', label: `Aligner ${criterionId} de « ${name} » sur la famille`, author: req.author }, async (w) => {
    if (!(await w.fetch('answers', id))) throw new UserError(`criterionKey : « ${name} » n'a pas de réponse propre pour ${criterionId} (elle hérite déjà de la famille).`);
    w.drop('answers', id);
  });
  return { undoToken: r.opId };
}

/**
 * « Garder pour cette variante » (ou pour le distributeur face à son producteur) : l'écart est voulu. La marque
 * retient les deux contenus comparés ; keep = false la retire. Seul un écart réel peut être gardé.
 */
export async function keepDifference(
  repo: Repository,
  req: { productId: string; variantId: string; criterionKey: string; questionnaire: QuestionnaireId; keep: boolean },
  now = new Date(),
): Promise<{ kept: boolean }> {
  const id = keepKey(req.productId, req.variantId, req.criterionKey);
  if (!req.keep) {
    await withStorageErrors(() => repo.db.sharing.delete(id));
    return { kept: false };
  }
  if (req.variantId) await requireVariant(repo, req.productId, req.variantId);
  const matrix = await compareProduct(repo, req.productId, req.questionnaire);
  const col = matrix.columns.findIndex((c) => c.productId === req.productId && c.variantId === req.variantId);
  const row = matrix.rows.find((r) => r.criterionKey === req.criterionKey);
  const column = matrix.columns[col];
  const entry = row?.entries[col];
  const refIndex = column?.referenceId === undefined ? -1 : matrix.columns.findIndex((c) => c.id === column.referenceId);
  if (!row || !entry || refIndex < 0 || !entry.differs)
    throw new UserError(`criterionKey : aucun écart à garder pour « ${req.criterionKey} » dans cette colonne.`);
  const mark: KeepMark = { at: now.toISOString(), own: cellSignature(entry.cell), reference: cellSignature(row.entries[refIndex]!.cell) };
  await withStorageErrors(() => repo.db.sharing.put({ id, value: mark }));
  return { kept: true };
}
