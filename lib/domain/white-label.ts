import type { QuestionnaireId } from './questionnaires';
import { normalizeText } from './text';

/**
 * Critères que le guide public de l'ANS (section 4, « Ensemble des critères potentiellement
 * différents en marque blanche ») signale comme susceptibles de différer entre un producteur et ses distributeurs.
 */
export const WHITE_LABEL_REVIEW_CRITERIA: readonly { questionnaire: QuestionnaireId; id: string; title: string }[] = [
  { questionnaire: 'securite', id: '04.03', title: "Niveau de garantie de l'identification électronique des patients ou usagers" },
  { questionnaire: 'securite', id: '09.02', title: "Plan de continuité d'activité" },
  { questionnaire: 'securite', id: '09.04', title: 'Réalisation des sauvegardes' },
  { questionnaire: 'ethique', id: 'QUA.1.5', title: 'Interprétation par professionnels de santé' },
  { questionnaire: 'ethique', id: 'ACC.1.1', title: 'Inclusion de tous les publics' },
  { questionnaire: 'ethique', id: 'ACC.1.5', title: 'Guichet' },
  { questionnaire: 'ethique', id: 'ACC.1.6', title: 'Alerte sur décision critique' },
  { questionnaire: 'ethique', id: 'ACC.1.7', title: 'Réponses aux questions' },
  { questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités' },
  { questionnaire: 'ethique', id: 'ETH.1.4', title: 'Valorisation' },
  { questionnaire: 'ethique', id: 'ETH.1.7', title: 'Destinataires/Sous-traitants' },
  { questionnaire: 'ethique', id: 'ETH.1.8', title: 'Limitation des droits RGPD' },
  { questionnaire: 'ethique', id: 'DEV.1.1', title: 'Ecoscore' },
  { questionnaire: 'ethique', id: 'DEV.1.2', title: 'Cycle de vie' },
  { questionnaire: 'ethique', id: 'DEV.1.4', title: 'Faible débit et équipements anciens' },
  { questionnaire: 'ethique', id: 'DEV.1.5', title: 'Réduire consommation datacenters' },
];

const REVIEW_KEYS = new Set(WHITE_LABEL_REVIEW_CRITERIA.map((c) => `${c.questionnaire}/${c.id}`));

export function isWhiteLabelReviewCriterion(questionnaire: QuestionnaireId, id: string): boolean {
  return REVIEW_KEYS.has(`${questionnaire}/${id}`);
}

/**
 * La question d'orientation sur l'architecture du service (Q4 « Pour quelle architecture du service
 * sollicitez-vous un référencement à Mon Espace Santé ? », Web / Android / iOS) : chaque variante d'OS y répond pour elle.
 * Reconnue à son intitulé quand il est connu, sinon à son numéro.
 */
export function isArchitectureQuestion(c: { questionnaire: QuestionnaireId; id: string; title?: string | undefined }): boolean {
  if (c.questionnaire !== 'orientation') return false;
  if (c.title) return normalizeText(c.title).includes('pour quelle architecture');
  return c.id.toUpperCase() === 'Q4';
}
