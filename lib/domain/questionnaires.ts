import { normalizeText } from './text';

/** Chaque questionnaire (ou formulaire) de la démarche « Référencement guidé » de Mon espace santé. */
export const QUESTIONNAIRES = [
  'orientation',
  'interoperabilite',
  'urbanisation',
  'securite',
  'ethique',
  'rgpd',
  'securite-echanges',
  'fiche-administrative',
  'produit',
] as const;

export type QuestionnaireId = (typeof QUESTIONNAIRES)[number];

export const QUESTIONNAIRE_LABELS: Record<QuestionnaireId, string> = {
  orientation: "Questionnaire d'orientation",
  interoperabilite: 'Interopérabilité',
  urbanisation: 'Urbanisation',
  securite: 'Maturité Sécurité',
  ethique: 'Éthique Mon espace santé',
  rgpd: 'RGPD Mon espace santé',
  'securite-echanges': 'Sécurité pour les échanges de données',
  'fiche-administrative': 'Fiche administrative',
  produit: 'Fiche produit',
};

/** Questionnaires dont les critères se répondent par un niveau. */
export const LEVEL_QUESTIONNAIRES: readonly QuestionnaireId[] = ['interoperabilite', 'urbanisation', 'securite'];

/** Formulaires (fiche administrative, fiche produit) : ils décrivent, les règles de préparation ne les jugent pas. */
export const FORM_QUESTIONNAIRES: readonly QuestionnaireId[] = ['fiche-administrative', 'produit'];

/** Questionnaires d'évaluation (après l'orientation), dans l'ordre de la plateforme : ni l'orientation ni les formulaires. */
export const EVALUATION_QUESTIONNAIRES: readonly QuestionnaireId[] = QUESTIONNAIRES.filter((q) => q !== 'orientation' && !FORM_QUESTIONNAIRES.includes(q));

/** Questionnaires exigés pour générer un dossier d'évaluation (guide, étape 10.2). */
export const DOSSIER_QUESTIONNAIRES: readonly QuestionnaireId[] = ['interoperabilite', 'urbanisation', 'securite'];

/** Questionnaires faits seulement de zones de dépôt de preuves. */
export const EVIDENCE_ONLY_QUESTIONNAIRES: readonly QuestionnaireId[] = ['rgpd', 'securite-echanges'];

/** Questionnaires où un producteur en marque blanche répond à la question de spécificité (guide §4). */
export const SPECIFICITE_QUESTIONNAIRES: readonly QuestionnaireId[] = ['interoperabilite', 'urbanisation', 'securite', 'ethique'];

/**
 * Zones de dépôt des questionnaires de preuves telles que les décrit le guide public (étapes 9.2, 9.3).
 * Repli seulement, tant que le catalogue ne les a pas apprises des pages.
 */
export const GUIDE_EVIDENCE_ZONES: Partial<Record<QuestionnaireId, readonly { id: string; title: string }[]>> = {
  rgpd: [
    { id: 'RGPD.QUESTIONNAIRE', title: 'Questionnaire RGPD' },
    { id: 'RGPD.CGU', title: "CGU et Mentions d'information RGPD" },
    { id: 'RGPD.AIPD', title: "Analyse d'impact relative à la Protection des Données - AIPD" },
  ],
  'securite-echanges': [{ id: 'SEC-ECH.PREUVES', title: 'Questionnaire et preuves Sécurité' }],
};

/** Devine un questionnaire d'après un libellé libre (nom de feuille, titre, colonne « Questionnaire »). */
export function questionnaireFromLabel(label: string): QuestionnaireId | null {
  const n = normalizeText(label);
  if (!n) return null;
  if (QUESTIONNAIRES.includes(n.replace(/ /g, '-') as QuestionnaireId)) return n.replace(/ /g, '-') as QuestionnaireId;
  if (n.includes('orientation')) return 'orientation';
  if (n.includes('interop')) return 'interoperabilite';
  if (n.includes('urbanis')) return 'urbanisation';
  if (n.includes('ethique')) return 'ethique';
  if (n.includes('rgpd')) return 'rgpd';
  if (n.includes('echange')) return 'securite-echanges';
  if (n.includes('securite') || n.includes('ssi')) return 'securite';
  if (n.includes('fiche admin') || n.includes('administrative')) return 'fiche-administrative';
  return null;
}

/** Devine un questionnaire d'après la forme d'un identifiant de critère (formes vues dans le guide public). */
export function questionnaireFromCriterionId(id: string): QuestionnaireId | null {
  const t = id.trim().toUpperCase();
  if (/^[A-Z]{3}\.\d+\.\d+$/.test(t)) return 'ethique';
  if (/^\d{2}\.\d{2}$/.test(t)) return 'securite';
  if (/^A\d{2}(\.\d+)+$/.test(t)) return 'interoperabilite';
  if (/^Q\d+$/.test(t)) return 'orientation';
  return null;
}
