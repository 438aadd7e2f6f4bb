/**
 * Les critères modifiés par Convergence depuis les réponses d'un produit (issue 11 §3), et « J'ai revu » :
 * lus et écrits par le Repository (une opération journalisée, annulable), pour le gestionnaire, le panneau et
 * le remplissage. Les règles de ce qui compte sont dans lib/domain/referential.ts.
 */
import type { Repository } from '../db/repository';
import { UserError } from '../domain/errors';
import { compareCriterion, fillHold, markReviewed, pendingChange, snapshotOf, snapshotOfInput } from '../domain/referential';
import type { FillHold, ReferentialAspect } from '../domain/referential';
import type { CriterionInput } from '../domain/schemas';
import { criterionKey } from '../domain/schemas';
import type { Answer, Criterion, CriterionSnapshot, Provenance, Scope } from '../domain/schemas';

/** Un critère modifié depuis une réponse : l'ancien et le nouveau, côte à côte. */
export interface ReferentialChangeItem {
  criterionKey: string;
  questionnaire: Criterion['questionnaire'];
  criterionId: string;
  aspects: ReferentialAspect[];
  before: CriterionSnapshot;
  after: CriterionSnapshot;
  /** Quand et d'où le changement a été vu ; null : la page le montre, le catalogue ne l'a pas encore appris. */
  at: string | null;
  source: Provenance | null;
  answer: Pick<Answer, 'id' | 'value' | 'updatedAt'> | null;
  /** Niveau enregistré qui ne sera pas rempli, et pourquoi. */
  hold: FillHold | null;
}

/** Les réponses en vigueur d'une portée dont le critère a changé depuis (« à revoir », raison référentiel). */
export async function referentialChanges(repo: Repository, productId: string, variantId: string): Promise<ReferentialChangeItem[]> {
  // Pas seulement la raison « referentiel » : une réponse déjà à revoir (marque blanche) peut aussi avoir un critère changé.
  const resolved = (await repo.resolvedAnswers(productId, variantId)).filter((r) => r.reviewFlag);
  if (!resolved.length) return [];
  const criteria = await repo.db.criteria.bulkGet(resolved.map((r) => r.criterionKey));
  const out: ReferentialChangeItem[] = [];
  resolved.forEach((r, i) => {
    const c = criteria[i];
    const change = pendingChange(c, r.answer);
    if (!c || !change) return;
    out.push(item(c, change.aspects, change.before, change.after, change.at, change.source, r.answer));
  });
  return out;
}

function item(c: Criterion, aspects: ReferentialAspect[], before: CriterionSnapshot, after: CriterionSnapshot, at: string | null, source: Provenance | null, answer: Answer | null): ReferentialChangeItem {
  const level = answer?.value?.kind === 'niveau' ? answer.value.level : null;
  return {
    criterionKey: c.key,
    questionnaire: c.questionnaire,
    criterionId: c.id,
    aspects,
    before,
    after,
    at,
    source,
    answer: answer ? { id: answer.id, value: answer.value, updatedAt: answer.updatedAt } : null,
    hold: level ? fillHold(aspects, after, level) : null,
  };
}

/**
 * Les critères qu'une page montre face au catalogue et aux réponses d'une portée : ceux qui diffèrent de ce
 * que le catalogue sait (page pas encore enregistrée), et ceux dont un changement déjà appris n'a pas été revu.
 * Sans portée (produit pas relié), seulement la comparaison au catalogue.
 */
export async function pageReferentialChanges(repo: Repository, criteria: readonly CriterionInput[], scope: Scope | null): Promise<ReferentialChangeItem[]> {
  if (!criteria.length) return [];
  const keys = criteria.map((c) => criterionKey(c.questionnaire, c.id));
  const [known, resolved] = await Promise.all([repo.db.criteria.bulkGet(keys), scope ? repo.resolvedAnswers(scope.productId, scope.variantId) : Promise.resolve([])]);
  const answers = new Map(resolved.map((r) => [r.criterionKey, r.answer]));
  const out: ReferentialChangeItem[] = [];
  criteria.forEach((input, i) => {
    const c = known[i];
    if (!c) return;
    const answer = answers.get(c.key) ?? null;
    const aspects = compareCriterion(c, input);
    if (aspects.length) return void out.push(item(c, aspects, snapshotOf(c), snapshotOfInput(c, input), null, null, answer));
    const change = answer ? pendingChange(c, answer) : null;
    if (change) out.push(item(c, change.aspects, change.before, change.after, change.at, change.source, answer));
  });
  return out;
}

/**
 * « J'ai revu » : les réponses en vigueur de ces critères ne sont plus à revoir (jusqu'au prochain changement).
 * Une opération journalisée : « Annuler la dernière opération » les remet à revoir.
 */
export async function confirmReferentialReview(repo: Repository, productId: string, variantId: string, keys: readonly string[], author: string): Promise<number> {
  const resolved = new Map((await repo.resolvedAnswers(productId, variantId)).map((r) => [r.criterionKey, r]));
  const changed = new Map((await repo.db.criteria.bulkGet([...keys])).flatMap((c) => (c ? [[c.key, c] as const] : [])));
  const targets = keys.map((k) => resolved.get(k)).filter((r) => r && pendingChange(changed.get(r.criterionKey), r.answer));
  if (!targets.length) throw new UserError('Aucun des critères indiqués (champ « keys ») n\'est à revoir pour ce produit.');
  await repo.runOperation({ kind: 'saisie', label: `Critères modifiés revus (${targets.length})`, author }, async (w) => {
    await w.load('criteria', targets.map((r) => r!.criterionKey));
    for (const r of targets) {
      const c = w.get<Criterion>('criteria', r!.criterionKey);
      if (c) w.write('criteria', c.key, markReviewed(c, [r!.answer.id]));
    }
  });
  return targets.length;
}
