/** Raccord entre les données enregistrées (produit, catalogue, réponses résolues) et les règles pures, pour que celles-ci ignorent la base. */
import { FORM_QUESTIONNAIRES } from '../domain/questionnaires';
import type { ResolvedAnswer } from '../domain/resolve';
import type { Criterion, Product } from '../domain/schemas';
import { assessReadiness, defaultApplicableQuestionnaires } from './readiness';
import type { AnswerFacts, ReadinessReport } from './types';

/** Ce que les règles lisent d'une réponse résolue : l'extension et l'outil en ligne de commande jugent pareil. */
export function answerFacts(r: ResolvedAnswer): AnswerFacts {
  return {
    criterionKey: r.criterionKey,
    value: r.answer.value,
    evidence: r.answer.evidence,
    validUntil: r.answer.validUntil,
    inheritedEvidenceTypes: r.inheritedEvidenceTypes,
    reviewFlag: r.reviewFlag,
    ...(r.reviewReason ? { reviewReason: r.reviewReason } : {}),
  };
}

export function productReadiness(input: {
  product: Product;
  catalogue: readonly Criterion[];
  resolved: readonly ResolvedAnswer[];
  today: string;
  /** Distributeur : critères à spécificité « Oui » chez le producteur (à répondre par lui-même). */
  distributorMustAnswer?: ReadonlySet<string>;
}): ReadinessReport {
  const applicable = (input.product.applicableQuestionnaires ?? defaultApplicableQuestionnaires(input.catalogue)).filter((q) => !FORM_QUESTIONNAIRES.includes(q));
  const excluded = new Set(input.product.excludedCriteria);
  const criteria = input.catalogue.filter((c) => applicable.includes(c.questionnaire) && !excluded.has(c.key));
  return assessReadiness({
    criteria,
    answers: input.resolved.map(answerFacts),
    applicableQuestionnaires: applicable,
    today: input.today,
    mode: 'plateforme',
    ...(input.distributorMustAnswer ? { distributorMustAnswer: input.distributorMustAnswer } : {}),
  });
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
