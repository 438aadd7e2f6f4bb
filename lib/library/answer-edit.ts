/**
 * Modifier les réponses là où elles sont rangées (issue 11 § 1) : ce qui se décide sans base ni navigateur.
 * - la réponse d'une portée après une modification : famille, variante (sa surcharge est créée à partir de la
 *   réponse héritée, et n'est pas créée si rien ne diffère de l'héritée), distributeur (sa propre réponse) ;
 * - le filtre des critères du gestionnaire (questionnaire, « à revoir », « sous le minimum », « périmé », texte) ;
 * - le plan d'une modification en lot : chaque changement avant → après, montré avant d'être écrit.
 * « Sous le minimum » est celui des règles (criterion-predicates) : une seule définition.
 */
import { UserError } from '../domain/errors';
import type { Level } from '../domain/levels';
import type { QuestionnaireId } from '../domain/questionnaires';
import type { Answer, AnswerValue, Criterion, Provenance, Scope } from '../domain/schemas';
import { answerId, criterionKey } from '../domain/schemas';
import { normalizeText } from '../domain/text';
import { sameAnswerContent, type AnswerContent } from '../domain/values';
import { isBelowMinimum, natureOf } from '../rules/criterion-predicates';

/** Une réponse en vigueur dans la portée affichée (résolue), et d'où elle vient. */
export interface EditRow {
  criterionKey: string;
  answer: Answer;
  source: 'variante' | 'famille' | 'producteur';
  reviewFlag: boolean;
}

/** La réponse vient-elle de la portée elle-même (sinon elle est héritée : famille, producteur) ? */
export function isOwn(row: Pick<EditRow, 'source'>, variantId: string): boolean {
  return variantId === '' ? row.source === 'famille' : row.source === 'variante';
}

// ---------- filtre ----------

export interface EditFilter {
  questionnaire?: QuestionnaireId | '';
  /** « à revoir » : le drapeau de la réponse résolue (marque blanche, mise à jour d'un paquet). */
  toReview?: boolean;
  belowMinimum?: boolean;
  /** « périmé » : valide jusqu'à une date passée. */
  stale?: boolean;
  /** Recherche dans l'identifiant, l'intitulé et le commentaire (sans accents ni casse). */
  text?: string;
}

/** Un niveau refusé pour ce critère (critère inconnu du catalogue : rien à juger). */
export function levelBelowMinimum(criterion: Criterion | undefined, level: Level): boolean {
  return !!criterion && isBelowMinimum(natureOf(criterion), level);
}

export function answerBelowMinimum(answer: Pick<Answer, 'value'>, criterion: Criterion | undefined): boolean {
  return answer.value?.kind === 'niveau' && levelBelowMinimum(criterion, answer.value.level);
}

export function isStale(answer: Pick<Answer, 'validUntil'>, today: string): boolean {
  return !!answer.validUntil && answer.validUntil < today;
}

export function filterRows(rows: readonly EditRow[], filter: EditFilter, criteria: ReadonlyMap<string, Criterion>, today: string): EditRow[] {
  const words = normalizeText(filter.text ?? '');
  return rows.filter((r) => {
    const c = criteria.get(r.criterionKey);
    if (filter.questionnaire && r.answer.questionnaire !== filter.questionnaire) return false;
    if (filter.toReview && !r.reviewFlag) return false;
    if (filter.belowMinimum && !answerBelowMinimum(r.answer, c)) return false;
    if (filter.stale && !isStale(r.answer, today)) return false;
    if (words) {
      const hay = normalizeText(`${r.answer.criterionId} ${c?.title ?? ''} ${r.answer.comment}`);
      if (!hay.includes(words)) return false;
    }
    return true;
  });
}

// ---------- une modification ----------

/** Ce qu'une personne change ; un champ absent est gardé. validUntil null : la date est retirée. */
export interface AnswerPatch {
  value?: AnswerValue | null;
  comment?: string;
  validUntil?: string | null;
}

/**
 * Le contenu de la réponse de la portée après la modification. Sans réponse propre, on part de l'héritée :
 * une variante garde les preuves de sa famille ; un distributeur ne reçoit jamais celles du producteur
 * (confidentielles, déjà retirées à la résolution), ni sa spécificité.
 */
function editedContent(own: Answer | undefined, inherited: EditRow | undefined, patch: AnswerPatch): AnswerContent {
  // Une réponse propre sans valeur (commentaire seul) laisse l'héritée en vigueur : on part de celle-ci.
  const useOwn = !!own && (own.value !== null || !inherited);
  const base = useOwn ? own : inherited?.answer;
  const out: AnswerContent = {
    value: patch.value !== undefined ? patch.value : (base?.value ?? null),
    comment: patch.comment ?? base?.comment ?? '',
    evidence: useOwn && own ? own.evidence : inherited?.source === 'famille' ? inherited.answer.evidence : (own?.evidence ?? []),
  };
  if (own?.specificite) out.specificite = own.specificite;
  const until = patch.validUntil === null ? undefined : (patch.validUntil ?? base?.validUntil);
  if (until) out.validUntil = until;
  return out;
}

interface NextAnswerInput {
  scope: Scope;
  questionnaire: QuestionnaireId;
  criterionId: string;
  own: Answer | undefined;
  /** La réponse en vigueur quand elle est héritée (famille, producteur). */
  inherited: EditRow | undefined;
  patch: AnswerPatch;
  provenance: Provenance;
  author: string;
  at: string;
}

/**
 * La réponse à écrire, ou null quand rien ne change : même contenu que la réponse propre, ou, sans réponse
 * propre, même contenu que l'héritée (une surcharge identique ne serait qu'une copie qui masque la famille).
 */
export function nextAnswer(i: NextAnswerInput): Answer | null {
  const content = editedContent(i.own, i.inherited, i.patch);
  if (i.own && sameAnswerContent(i.own, content)) return null;
  if (!i.own && i.inherited && sameAnswerContent(inheritedContent(i.inherited), content)) return null;
  if (!i.own && !i.inherited && content.value === null && !content.comment && !content.validUntil) return null;
  const key = criterionKey(i.questionnaire, i.criterionId);
  return {
    id: answerId(i.scope.productId, i.scope.variantId, key),
    productId: i.scope.productId,
    variantId: i.scope.variantId,
    criterionKey: key,
    questionnaire: i.questionnaire,
    criterionId: i.criterionId,
    ...content,
    provenance: i.provenance,
    author: i.author,
    createdAt: i.own?.createdAt ?? i.at,
    updatedAt: i.at,
  };
}

function inheritedContent(row: EditRow): AnswerContent {
  return editedContent(undefined, row, {});
}

// ---------- modification en lot ----------

export type BulkAction = { kind: 'validUntil'; date: string } | { kind: 'replace'; find: string; replace: string };

export interface BulkChange {
  criterionKey: string;
  questionnaire: QuestionnaireId;
  criterionId: string;
  field: 'validUntil' | 'comment';
  before: string;
  after: string;
  /** La réponse est héritée : la modification crée la réponse propre de la portée. */
  inherited: boolean;
  patch: AnswerPatch;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Une vraie date du calendrier (« 2025-02-30 » n'en est pas une). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Les changements d'une modification en lot sur les critères choisis, dans l'ordre des lignes. Une ligne que
 * l'action ne change pas (même date, phrase absente du commentaire) n'y est pas. Remplacement : exact, sensible
 * à la casse, toutes les occurrences.
 */
export function planBulk(rows: readonly EditRow[], keys: ReadonlySet<string>, action: BulkAction, variantId: string): BulkChange[] {
  if (action.kind === 'validUntil' && !isIsoDate(action.date)) throw new UserError(`« Date de revue » : date invalide « ${action.date.slice(0, 40)} » (AAAA-MM-JJ attendu).`);
  if (action.kind === 'replace' && action.find === '') throw new UserError('« Texte à remplacer » : indiquez le texte à chercher dans les commentaires.');
  const out: BulkChange[] = [];
  for (const r of rows) {
    if (!keys.has(r.criterionKey)) continue;
    const common = { criterionKey: r.criterionKey, questionnaire: r.answer.questionnaire, criterionId: r.answer.criterionId, inherited: !isOwn(r, variantId) };
    if (action.kind === 'validUntil') {
      const before = r.answer.validUntil ?? '';
      if (before !== action.date) out.push({ ...common, field: 'validUntil', before, after: action.date, patch: { validUntil: action.date } });
    } else if (r.answer.comment.includes(action.find)) {
      const after = r.answer.comment.split(action.find).join(action.replace);
      out.push({ ...common, field: 'comment', before: r.answer.comment, after, patch: { comment: after } });
    }
  }
  return out;
}

/**
 * Empreinte d'un plan (FNV-1a 32 bits) : l'écriture refuse un plan qui n'est plus celui de l'aperçu (une
 * capture arrivée entre-temps). Détecte un changement, ne protège contre personne : pas besoin d'un hachage sûr.
 */
export function planSignature(changes: readonly BulkChange[]): string {
  const text = JSON.stringify(changes.map((c) => [c.criterionKey, c.field, c.before, c.after]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${changes.length}-${h.toString(16).padStart(8, '0')}`;
}
