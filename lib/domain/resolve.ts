/**
 * Résolution des réponses d'un produit (famille) ou d'une de ses variantes d'OS :
 * 1. la surcharge de la variante, 2. la réponse de la famille, 3. pour un distributeur, celle du producteur
 * là où il a dit spécificité = Non. L'orientation n'est jamais reprise d'un producteur (elle décrit le produit) ;
 * une variante n'hérite jamais de la famille la question d'architecture (Q4), qui la définit.
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
  /** La réponse en vigueur. Reprise d'un producteur, sa liste de preuves est vidée (confidentielle). */
  answer: Answer;
  source: AnswerSource;
  /** Types de preuve couverts par les preuves confidentielles du producteur (ni noms ni fichiers ne sont montrés). */
  inheritedEvidenceTypes: string[];
  /** Critère signalé comme susceptible de différer en marque blanche : à revoir. */
  reviewFlag: boolean;
  /**
   * Pourquoi « à revoir » : critère marque blanche, changé par une mise à jour du paquet producteur, ou changé
   * par Convergence depuis la réponse (référentiel, issue 11 §3).
   */
  reviewReason?: 'marque-blanche' | 'mise-a-jour' | 'referentiel';
}

interface ResolveInput {
  product: Product;
  /** '' : résoudre la famille elle-même. */
  variantId: string;
  /** Toutes les réponses du produit (celles de la famille et les surcharges de ses variantes). */
  answers: readonly Answer[];
  /** Entrées du catalogue, pour reconnaître la question d'architecture à son intitulé. */
  criteria?: ReadonlyMap<string, Criterion>;
  /** Pour un distributeur : les réponses du producteur (celles de sa famille). */
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
      // Les preuves du producteur restent confidentielles : jamais transmises au distributeur.
      out.push(mk({ ...p, evidence: [] }, 'producteur', types));
    }
  }
  return out.sort((x, y) => x.criterionKey.localeCompare(y.criterionKey));
}
