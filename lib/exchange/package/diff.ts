/**
 * Ce qui change d'un paquet producteur au suivant : critères ajoutés, retirés, modifiés (niveau, conformité,
 * commentaire, spécificité, preuves), et, chez un distributeur, les réponses qui héritent d'un critère changé
 * (elles deviennent « à revoir »). Pur : deux paquets vérifiés en entrée, un constat en sortie.
 */
import { SPECIFICITE_QUESTIONNAIRES } from '../../domain/questionnaires';
import type { Answer } from '../../domain/schemas';
import { isWhiteLabelReviewCriterion } from '../../domain/white-label';
import { PACKAGE_QUESTIONNAIRES, packageProductLabel } from './format';
import type { PackageAnswer, PackageQuestionnaire, ProducerPackage } from './format';

export type PackageDiffField = 'level' | 'conformity' | 'comment' | 'specificite' | 'evidence';

export const DIFF_FIELD_LABELS: Record<PackageDiffField, string> = {
  level: 'niveau',
  conformity: 'conformité',
  comment: 'commentaire',
  specificite: 'spécificité',
  evidence: 'preuves',
};

export interface PackageDiffEntry {
  key: string;
  questionnaire: PackageQuestionnaire;
  id: string;
  /** Intitulé, s'il est dans l'un des paquets. */
  title?: string;
  /** Un des 16 critères que le guide ANS dit susceptibles de différer en marque blanche. */
  whiteLabelReview: boolean;
}

export interface PackageChange extends PackageDiffEntry {
  fields: PackageDiffField[];
  before: PackageAnswer;
  after: PackageAnswer;
}

export interface PackageMetaChange {
  field: 'producer' | 'product' | 'questionnaires' | 'confidentialComments';
  before: string;
  after: string;
}

export interface PackageDiff {
  added: (PackageDiffEntry & { after: PackageAnswer })[];
  removed: (PackageDiffEntry & { before: PackageAnswer })[];
  changed: PackageChange[];
  unchanged: number;
  /** Producteur, produit, questionnaires ou nombre de commentaires confidentiels changés. */
  metadata: PackageMetaChange[];
}

const order = (q: PackageQuestionnaire) => PACKAGE_QUESTIONNAIRES.indexOf(q);
const byCriterion = (x: { questionnaire: PackageQuestionnaire; id: string }, y: { questionnaire: PackageQuestionnaire; id: string }) =>
  order(x.questionnaire) - order(y.questionnaire) || x.id.localeCompare(y.id, 'fr', { numeric: true });

/** Un champ non partagé et un champ vide disent la même chose au distributeur : rien à reprendre. */
const valueOf = (a: PackageAnswer) => JSON.stringify(a.value ?? null);
const commentOf = (a: PackageAnswer) => a.comment ?? '';
const evidenceOf = (a: PackageAnswer) =>
  JSON.stringify(
    (a.evidence ?? [])
      .map((e) => [e.evidenceType, e.name, e.sha256 ?? '', e.content === undefined ? 0 : 1])
      .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
  );

function valueField(before: PackageAnswer, after: PackageAnswer): PackageDiffField {
  const kinds = [before.value?.kind, after.value?.kind];
  if (kinds.includes('conformite')) return 'conformity';
  if (kinds.includes('niveau')) return 'level';
  return 'evidence'; // « documents déposés » ou sans réponse : une zone de preuves
}

/** Les champs qui diffèrent entre deux réponses au même critère (vide : identiques). */
export function changedFields(before: PackageAnswer, after: PackageAnswer): PackageDiffField[] {
  const fields: PackageDiffField[] = [];
  if (valueOf(before) !== valueOf(after)) fields.push(valueField(before, after));
  if (commentOf(before) !== commentOf(after)) fields.push('comment');
  if ((before.specificite ?? null) !== (after.specificite ?? null)) fields.push('specificite');
  if (evidenceOf(before) !== evidenceOf(after) && !fields.includes('evidence')) fields.push('evidence');
  return fields;
}

export function diffPackages(old: ProducerPackage, next: ProducerPackage): PackageDiff {
  const titles = new Map<string, string>();
  for (const c of [...old.criteria, ...next.criteria]) titles.set(c.key, c.title);
  const entry = (a: PackageAnswer): PackageDiffEntry => ({
    key: a.key,
    questionnaire: a.questionnaire,
    id: a.id,
    ...(titles.get(a.key) ? { title: titles.get(a.key) } : {}),
    whiteLabelReview: isWhiteLabelReviewCriterion(a.questionnaire, a.id),
  });
  const before = new Map(old.answers.map((a) => [a.key, a]));
  const after = new Map(next.answers.map((a) => [a.key, a]));
  const diff: PackageDiff = { added: [], removed: [], changed: [], unchanged: 0, metadata: [] };
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b) diff.added.push({ ...entry(a), after: a });
    else {
      const fields = changedFields(b, a);
      if (fields.length) diff.changed.push({ ...entry(a), fields, before: b, after: a });
      else diff.unchanged++;
    }
  }
  for (const [key, b] of before) if (!after.has(key)) diff.removed.push({ ...entry(b), before: b });
  diff.added.sort(byCriterion);
  diff.removed.sort(byCriterion);
  diff.changed.sort(byCriterion);

  const meta = (field: PackageMetaChange['field'], b: string, a: string) => void (b !== a && diff.metadata.push({ field, before: b, after: a }));
  meta('producer', old.producer.name, next.producer.name);
  meta('product', packageProductLabel(old), packageProductLabel(next));
  meta('questionnaires', old.questionnaires.join(', '), next.questionnaires.join(', '));
  meta('confidentialComments', String(old.omitted.confidentialComments), String(next.omitted.confidentialComments));
  return diff;
}

/**
 * La réponse du producteur est-elle reprise par un distributeur qui n'a pas la sienne ? Même règle que la
 * résolution des réponses (lib/domain/resolve.ts) : une valeur, un questionnaire à spécificité, spécificité « Non ».
 */
export function inheritableByDistributor(a: PackageAnswer): boolean {
  return a.value !== undefined && a.value !== null && SPECIFICITE_QUESTIONNAIRES.includes(a.questionnaire) && a.specificite === 'non';
}

export interface InheritedChange extends PackageDiffEntry {
  change: 'changed' | 'removed';
  fields: PackageDiffField[];
  /** La spécificité passe à « Oui » : le distributeur doit désormais répondre lui-même. */
  mustAnswerNow: boolean;
}

/**
 * Parmi les critères modifiés ou retirés, ceux dont le distributeur reprend (ou reprendra) la réponse du
 * producteur : il n'a pas de réponse à lui pour ce critère. `distributorAnswers` : les réponses du produit
 * (ou de la variante) du distributeur concerné ; une réponse sans valeur ne compte pas comme la sienne.
 */
export function inheritedChanges(diff: PackageDiff, distributorAnswers: readonly Pick<Answer, 'criterionKey' | 'value'>[]): InheritedChange[] {
  const own = new Set(distributorAnswers.filter((a) => a.value !== null).map((a) => a.criterionKey));
  const out: InheritedChange[] = [];
  for (const c of diff.changed) {
    if (own.has(c.key) || !(inheritableByDistributor(c.before) || inheritableByDistributor(c.after))) continue;
    const { before: _b, after: _a, ...rest } = c;
    out.push({ ...rest, change: 'changed', mustAnswerNow: inheritableByDistributor(c.before) && c.after.specificite === 'oui' });
  }
  for (const r of diff.removed) {
    if (own.has(r.key) || !inheritableByDistributor(r.before)) continue;
    const { before: _b, ...rest } = r;
    out.push({ ...rest, change: 'removed', fields: [], mustAnswerNow: false });
  }
  return out.sort(byCriterion);
}
