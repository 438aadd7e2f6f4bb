/**
 * Aperçu d'import : compare ce que dit un fichier à ce qui est enregistré, élément par élément
 * (ImportStatus : created, changed, unchanged, conflict ; affichés « nouveau », « modifié », « inchangé », « en conflit »), et prépare le lot qu'écrira la validation.
 * Pur : l'appelant fournit les données enregistrées.
 */
import { UserError } from '../domain/errors';
import { withReferentialChange } from '../domain/referential';
import { mergeCriterion } from '../domain/catalogue';
import { QUESTIONNAIRE_LABELS } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import { answerId, criterionKey } from '../domain/schemas';
import type { Answer, CompanyProfile, Criterion, Product, Provenance, Scope, Variant } from '../domain/schemas';
import { applyAnswerInput, formatAnswerValue, sameAnswerContent } from '../domain/values';
import type { AnswerInput } from '../domain/schemas';
import type { ChangeSet } from '../db/change-set';
import type { Library } from './json-format';
import type { ParsedSheet, ParsedWorkbook } from './sheet-import';

/** Même vocabulaire que les écritures (Writer.write, SaveCounts), plus le conflit que la personne tranche. */
export type ImportStatus = 'created' | 'changed' | 'unchanged' | 'conflict';
const IMPORT_STATUSES: readonly ImportStatus[] = ['created', 'changed', 'unchanged', 'conflict'];

interface ImportItem {
  /** « feuille Interopérabilité, ligne 7 » ou « answers[3] ». */
  where: string;
  productId: string;
  variantId: string;
  questionnaire: QuestionnaireId;
  criterionId: string;
  status: ImportStatus;
  before: string;
  after: string;
}

export interface ImportPreview {
  id: string;
  fileName: string;
  source: 'tableur' | 'json';
  target?: Scope;
  counts: Record<ImportStatus, number>;
  criteria: { created: number; changed: number };
  products: { created: number; changed: number };
  items: ImportItem[];
  sheets?: ParsedSheet[];
  skippedSheets?: { name: string; reason: string }[];
  /** Tout ce qu'écrit une validation, par statut (les conflits seulement sur demande). */
  plan: { status: ImportStatus; change: NonNullable<ChangeSet['answers']>[number] | NonNullable<ChangeSet['rawAnswers']>[number] }[];
  changeBase: Omit<ChangeSet, 'answers' | 'rawAnswers'>;
  /**
   * JSON : produits, variantes, fiches et critères du fichier plus anciens que ceux enregistrés (updatedAt),
   * comme les réponses en conflit : « garder » les laisse tels qu'enregistrés (nom, n° Convergence…).
   */
  keptOnGarder?: { products: string[]; variants: string[]; companies: string[]; criteria: string[] };
}

function emptyCounts(): Record<ImportStatus, number> {
  return { created: 0, changed: 0, unchanged: 0, conflict: 0 };
}

/** JSON aux clés triées (objets imbriqués compris). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

function countCriteria(inputs: { existing: Criterion | undefined; next: Criterion }[]) {
  let created = 0;
  let changed = 0;
  for (const { existing, next } of inputs) {
    if (!existing) created++;
    // À l'ordre des champs près : la base rend les critères dans l'ordre du schéma, la fusion dans le sien.
    else if (canonical({ ...existing, source: 0, updatedAt: 0 }) !== canonical({ ...next, source: 0, updatedAt: 0 })) changed++;
  }
  return { created, changed };
}

export function planSpreadsheetImport(
  parsed: ParsedWorkbook,
  stored: { answers: readonly Answer[]; criteria: readonly Criterion[] },
  target: Scope,
  now: Date,
  id: string,
): ImportPreview {
  const at = now.toISOString();
  const byId = new Map(stored.answers.map((a) => [a.id, a]));
  const catalogue = new Map(stored.criteria.map((c) => [c.key, c]));
  const counts = emptyCounts();
  const items: ImportItem[] = [];
  const plan: ImportPreview['plan'] = [];
  const criteria: NonNullable<ChangeSet['criteria']> = [];
  const critCompare: { existing: Criterion | undefined; next: Criterion }[] = [];
  for (const row of parsed.rows) {
    const where = `feuille « ${row.sheet} », ligne ${row.row}`;
    const source: Provenance = { kind: 'import', ref: `${parsed.fileName} — ${where}`, at };
    const key = criterionKey(row.questionnaire, row.criterion.id);
    criteria.push({ input: row.criterion, source });
    // Comme l'écriture (Repository.learnInto) : « vu le » et l'historique des changements gardés, un changement noté.
    critCompare.push({ existing: catalogue.get(key), next: withReferentialChange(catalogue.get(key), mergeCriterion(catalogue.get(key), row.criterion, source), row.criterion, source) });
    if (!row.answer) continue;
    const existing = byId.get(answerId(target.productId, target.variantId, key));
    const input: AnswerInput = {
      questionnaire: row.questionnaire,
      criterionId: row.criterion.id,
      value: row.answer.value ?? existing?.value ?? null,
      comment: row.answer.comment,
      evidence: row.answer.evidence,
      specificite: row.answer.specificite,
      validUntil: row.answer.validUntil,
    };
    const next = applyAnswerInput(existing, input);
    const scale = catalogue.get(key)?.scale ?? row.criterion.scale;
    let status: ImportStatus;
    if (!existing) status = 'created';
    else if (sameAnswerContent(existing, next)) status = 'unchanged';
    else if (row.date && existing.updatedAt > row.date) status = 'conflict';
    // Sans date dans le fichier, une réponse relevée sur Convergence ou saisie à la main n'est pas écrasée
    // d'office par un tableau peut-être plus ancien : la personne choisit.
    else if (!row.date && existing.provenance.kind !== 'import') status = 'conflict';
    else status = 'changed';
    counts[status]++;
    items.push({
      where,
      ...target,
      questionnaire: row.questionnaire,
      criterionId: row.criterion.id,
      status,
      before: existing ? describeContent(existing, scale) : '',
      after: describeContent(next, scale),
    });
    plan.push({ status, change: { ...target, input, provenance: source, expectedUpdatedAt: existing?.updatedAt ?? null } });
  }
  return {
    id,
    fileName: parsed.fileName,
    source: 'tableur',
    target,
    counts,
    criteria: countCriteria(critCompare),
    products: { created: 0, changed: 0 },
    items,
    sheets: parsed.sheets,
    skippedSheets: parsed.skippedSheets,
    plan,
    changeBase: { criteria },
  };
}

/** Ids des enregistrements du fichier qui diffèrent de ceux de la base en étant plus anciens : gardés sous « garder ». */
function olderInFile<T extends { updatedAt: string }>(records: readonly T[], stored: readonly T[] | undefined, keyOf: (r: T) => string): string[] {
  const byKey = new Map((stored ?? []).map((r) => [keyOf(r), r]));
  return records
    .filter((r) => {
      const s = byKey.get(keyOf(r));
      return !!s && s.updatedAt > r.updatedAt && JSON.stringify(s) !== JSON.stringify(r);
    })
    .map(keyOf);
}

export function planLibraryImport(
  lib: Library,
  stored: {
    answers: ReadonlyMap<string, Answer>;
    criteria: readonly Criterion[];
    products: readonly Product[];
    variants?: readonly Variant[];
    companies?: readonly CompanyProfile[];
  },
  fileName: string,
  id: string,
): ImportPreview {
  const counts = emptyCounts();
  const items: ImportItem[] = [];
  const plan: ImportPreview['plan'] = [];
  const catalogue = new Map(stored.criteria.map((c) => [c.key, c]));
  const storedProducts = new Map(stored.products.map((p) => [p.id, p]));
  lib.answers.forEach((a, i) => {
    const existing = stored.answers.get(a.id);
    let status: ImportStatus;
    if (!existing) status = 'created';
    else if (sameAnswerContent(existing, a)) status = 'unchanged';
    else if (existing.updatedAt > a.updatedAt) status = 'conflict';
    else status = 'changed';
    counts[status]++;
    const scale = catalogue.get(a.criterionKey)?.scale;
    items.push({
      where: `answers[${i}] (${QUESTIONNAIRE_LABELS[a.questionnaire]})`,
      productId: a.productId,
      variantId: a.variantId,
      questionnaire: a.questionnaire,
      criterionId: a.criterionId,
      status,
      before: existing ? formatAnswerValue(existing.value, scale) : '',
      after: formatAnswerValue(a.value, scale),
    });
    plan.push({ status, change: { ...a, expectedUpdatedAt: existing?.updatedAt ?? null } });
  });
  const keptOnGarder = {
    products: olderInFile(lib.products, stored.products, (p) => p.id),
    variants: olderInFile(lib.variants, stored.variants, (v) => v.id),
    companies: olderInFile(lib.companies, stored.companies, (c) => c.id),
    criteria: olderInFile(lib.criteria, stored.criteria, (c) => c.key),
  };
  const keptProducts = new Set(keptOnGarder.products);
  const keptCriteria = new Set(keptOnGarder.criteria);
  let pNew = 0;
  let pChanged = 0;
  for (const p of lib.products) {
    const s = storedProducts.get(p.id);
    if (!s) pNew++;
    else if (!keptProducts.has(p.id) && JSON.stringify(s) !== JSON.stringify(p)) pChanged++;
  }
  return {
    id,
    fileName,
    source: 'json',
    counts,
    criteria: countCriteria(lib.criteria.filter((c) => !keptCriteria.has(c.key)).map((c) => ({ existing: catalogue.get(c.key), next: c }))),
    products: { created: pNew, changed: pChanged },
    items,
    plan,
    changeBase: { companies: lib.companies, products: lib.products, variants: lib.variants, rawCriteria: lib.criteria },
    keptOnGarder,
  };
}

/** Le lot qu'écrit une validation : les conflits seulement si la personne a choisi de les remplacer. */
export function changeSetOf(preview: ImportPreview, conflicts: 'garder' | 'remplacer'): ChangeSet {
  // Un aperçu gardé par une version précédente (statuts en français) : « garder » n'y reconnaîtrait pas les conflits.
  if (preview.plan.some((p) => !IMPORT_STATUSES.includes(p.status))) throw new UserError("Aperçu d'import d'une version précédente de l'extension : relancez l'aperçu.");
  const keep = preview.plan.filter((p) => p.status !== 'unchanged' && (p.status !== 'conflict' || conflicts === 'remplacer'));
  if (preview.source === 'json') {
    const base = { ...preview.changeBase };
    const kept = conflicts === 'garder' ? preview.keptOnGarder : undefined;
    if (kept) {
      // « garder » garde ce qui est enregistré, fiches produit comprises (nom, n° Convergence…).
      const without = <T>(records: T[] | undefined, ids: string[], keyOf: (r: T) => string) => {
        const skip = new Set(ids);
        return records?.filter((r) => !skip.has(keyOf(r)));
      };
      base.products = without(base.products, kept.products, (x) => x.id);
      base.variants = without(base.variants, kept.variants, (x) => x.id);
      base.companies = without(base.companies, kept.companies, (x) => x.id);
      base.rawCriteria = without(base.rawCriteria, kept.criteria, (x) => x.key);
    }
    return { ...base, rawAnswers: keep.map((p) => p.change as NonNullable<ChangeSet['rawAnswers']>[number]) };
  }
  return { ...preview.changeBase, answers: keep.map((p) => p.change as NonNullable<ChangeSet['answers']>[number]) };
}

/** Ce que l'aperçu montre d'une réponse : la valeur, puis le commentaire et les preuves s'il y en a. */
function describeContent(a: { value: Parameters<typeof formatAnswerValue>[0]; comment: string; evidence: readonly unknown[] }, scale: Parameters<typeof formatAnswerValue>[1]): string {
  const parts = [formatAnswerValue(a.value, scale)];
  if (a.comment.trim()) parts.push(`« ${a.comment.trim().length > 60 ? `${a.comment.trim().slice(0, 59)}…` : a.comment.trim()} »`);
  if (a.evidence.length) parts.push(`${a.evidence.length} preuve(s)`);
  return parts.filter(Boolean).join(' — ');
}
