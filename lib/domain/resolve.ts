/**
 * Answer resolution for a product (family) or one of its OS variants:
 * 1. the variant's own override, 2. the family's base answer, 3. for a distributor, the producer's
 * answer where the producer said spécificité = Non. Orientation answers are never taken from a producer;
 * the architecture question (Q4) is never inherited from the family by a variant.
 */
import { SPECIFICITE_QUESTIONNAIRES } from './questionnaires';
import type { Answer, Criterion, Product } from './schemas';
import { isArchitectureQuestion, isWhiteLabelReviewCriterion } from './white-label';

export type AnswerSource = 'variante' | 'famille' | 'producteur';

export const ANSWER_SOURCE_LABELS: Record<AnswerSource, string> = {
  variante: 'réponse propre à la variante',
  famille: 'réponse de la famille de produits',
  producteur: "réponse reprise de l'éditeur producteur",
};

export interface ResolvedAnswer {
  criterionKey: string;
  /** The answer in force. When taken from a producer, its evidence list is emptied (confidential). */
  answer: Answer;
  source: AnswerSource;
  /** Evidence types covered by the producer's confidential evidence (names and files are never exposed). */
  inheritedEvidenceTypes: string[];
  /** Criterion pre-identified as likely to differ for white-label products: to review. */
  reviewFlag: boolean;
  /**
   * Pourquoi « à revoir » : critère marque blanche, changé par une mise à jour du paquet producteur, ou changé
   * par Convergence depuis la réponse (référentiel, issue 11 §3).
   */
  reviewReason?: 'marque-blanche' | 'mise-a-jour' | 'referentiel';
}

export interface ResolveInput {
  product: Product;
  /** '' = resolve the family itself. */
  variantId: string;
  /** Every answer of the product (family base answers and all variants' overrides). */
  answers: readonly Answer[];
  /** Catalogue entries, used to recognise the architecture question by its wording. */
  criteria?: ReadonlyMap<string, Criterion>;
  /** For a distributor: the producer's answers (its family base answers are used). */
  producerAnswers?: readonly Answer[];
}

function isArchitecture(a: Answer, criteria?: ReadonlyMap<string, Criterion>): boolean {
  const c = criteria?.get(a.criterionKey);
  return isArchitectureQuestion({ questionnaire: a.questionnaire, id: a.criterionId, title: c?.title });
}

function answered(a: Answer | undefined): a is Answer {
  return a !== undefined && a.value !== null;
}

export function resolveAnswers(input: ResolveInput): ResolvedAnswer[] {
  const { product, variantId, criteria } = input;
  const own = new Map<string, Answer>();
  const base = new Map<string, Answer>();
  for (const a of input.answers) {
    if (a.productId !== product.id) continue;
    if (a.variantId === '') base.set(a.criterionKey, a);
    else if (variantId !== '' && a.variantId === variantId) own.set(a.criterionKey, a);
  }
  const producer = new Map<string, Answer>();
  if (product.role.kind === 'distributeur') {
    for (const a of input.producerAnswers ?? []) if (a.variantId === '') producer.set(a.criterionKey, a);
  }
  const whiteLabel = product.role.kind !== 'nominal';
  const keys = new Set<string>([...own.keys(), ...base.keys(), ...producer.keys()]);
  const out: ResolvedAnswer[] = [];
  for (const key of keys) {
    const mk = (answer: Answer, source: AnswerSource, inheritedEvidenceTypes: string[] = []): ResolvedAnswer => ({
      criterionKey: key,
      answer,
      source,
      inheritedEvidenceTypes,
      reviewFlag: whiteLabel && isWhiteLabelReviewCriterion(answer.questionnaire, answer.criterionId),
    });
    const v = own.get(key);
    if (answered(v)) {
      out.push(mk(v, 'variante'));
      continue;
    }
    const b = base.get(key);
    if (answered(b) && !(variantId !== '' && isArchitecture(b, criteria))) {
      out.push(mk(b, 'famille'));
      continue;
    }
    const p = producer.get(key);
    if (
      answered(p) &&
      p.questionnaire !== 'orientation' &&
      SPECIFICITE_QUESTIONNAIRES.includes(p.questionnaire) &&
      p.specificite === 'non'
    ) {
      const types = [...new Set(p.evidence.map((e) => e.evidenceType))];
      // The producer's evidence stays confidential: never handed to the distributor.
      out.push(mk({ ...p, evidence: [] }, 'producteur', types));
    }
  }
  return out.sort((x, y) => x.criterionKey.localeCompare(y.criterionKey));
}
