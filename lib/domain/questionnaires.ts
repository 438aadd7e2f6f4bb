import { normalizeText } from './text';

/** Every questionnaire (or form) of the Mon espace santé "Référencement guidé" démarche. */
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

/** Questionnaires whose criteria are answered with a level scale. */
export const LEVEL_QUESTIONNAIRES: readonly QuestionnaireId[] = ['interoperabilite', 'urbanisation', 'securite'];

/** Evaluation questionnaires (after orientation), in the order of the platform. */
export const EVALUATION_QUESTIONNAIRES: readonly QuestionnaireId[] = [
  'interoperabilite',
  'urbanisation',
  'securite',
  'ethique',
  'rgpd',
  'securite-echanges',
];

/** Questionnaires needed to generate a dossier d'évaluation (guide, étape 10.2). */
export const DOSSIER_QUESTIONNAIRES: readonly QuestionnaireId[] = ['interoperabilite', 'urbanisation', 'securite'];

/** Questionnaires made only of evidence deposit zones. */
export const EVIDENCE_ONLY_QUESTIONNAIRES: readonly QuestionnaireId[] = ['rgpd', 'securite-echanges'];

/** Questionnaires for which a white-label producer answers the spécificité question (guide §4). */
export const SPECIFICITE_QUESTIONNAIRES: readonly QuestionnaireId[] = ['interoperabilite', 'urbanisation', 'securite', 'ethique'];

/**
 * Document zones of the evidence-only questionnaires as described in the public guide (étapes 9.2, 9.3).
 * Used only as a fallback when the catalogue has not yet learned those zones from the pages.
 */
export const GUIDE_EVIDENCE_ZONES: Partial<Record<QuestionnaireId, readonly { id: string; title: string }[]>> = {
  rgpd: [
    { id: 'RGPD.QUESTIONNAIRE', title: 'Questionnaire RGPD' },
    { id: 'RGPD.CGU', title: "CGU et Mentions d'information RGPD" },
    { id: 'RGPD.AIPD', title: "Analyse d'impact relative à la Protection des Données - AIPD" },
  ],
  'securite-echanges': [{ id: 'SEC-ECH.PREUVES', title: 'Questionnaire et preuves Sécurité' }],
};

/** Guess a questionnaire from a free label (sheet name, heading, "Questionnaire" column). */
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

/** Guess a questionnaire from the shape of a criterion ID (patterns seen in the public guide). */
export function questionnaireFromCriterionId(id: string): QuestionnaireId | null {
  const t = id.trim().toUpperCase();
  if (/^[A-Z]{3}\.\d+\.\d+$/.test(t)) return 'ethique';
  if (/^\d{2}\.\d{2}$/.test(t)) return 'securite';
  if (/^A\d{2}(\.\d+)+$/.test(t)) return 'interoperabilite';
  if (/^Q\d+$/.test(t)) return 'orientation';
  return null;
}
