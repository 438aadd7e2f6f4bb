/** Raccord entre les données enregistrées (produit, catalogue, réponses résolues) et les règles pures, pour que celles-ci ignorent la base. */
import type { ResolvedAnswer } from '../domain/resolve';
import type { Criterion, Product } from '../domain/schemas';
import { assessReadiness, defaultApplicableQuestionnaires } from './readiness';
import type { ReadinessReport } from './types';

/** Questionnaires qui sont des formulaires : les règles de préparation ne les jugent pas. */
const FORMS = new Set(['produit', 'fiche-administrative']);

export function productReadiness(input: {
  product: Product;
  catalogue: readonly Criterion[];
  resolved: readonly ResolvedAnswer[];
  today: string;
  /** Distributeur : critères à spécificité « Oui » chez le producteur (à répondre par lui-même). */
  distributorMustAnswer?: ReadonlySet<string>;
}): ReadinessReport {
  const applicable = (input.product.applicableQuestionnaires ?? defaultApplicableQuestionnaires(input.catalogue)).filter((q) => !FORMS.has(q));
  const excluded = new Set(input.product.excludedCriteria);
  const criteria = input.catalogue.filter((c) => applicable.includes(c.questionnaire) && !excluded.has(c.key));
  return assessReadiness({
    criteria,
    answers: input.resolved.map((r) => ({
      criterionKey: r.criterionKey,
      value: r.answer.value,
      evidence: r.answer.evidence,
      validUntil: r.answer.validUntil,
      inheritedEvidenceTypes: r.inheritedEvidenceTypes,
      reviewFlag: r.reviewFlag,
      ...(r.reviewReason ? { reviewReason: r.reviewReason } : {}),
    })),
    applicableQuestionnaires: applicable,
    today: input.today,
    mode: 'plateforme',
    ...(input.distributorMustAnswer ? { distributorMustAnswer: input.distributorMustAnswer } : {}),
  });
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
