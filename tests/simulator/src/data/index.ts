import type { DepositQuestionnaireDef, EthiqueQuestionnaireDef, LevelQuestionnaireDef, LevelQuestionnaireKey, QuestionnaireKey } from './types.ts';
import { INTEROPERABILITE } from './interoperabilite.ts';
import { URBANISATION, URBANISATION_V2 } from './urbanisation.ts';
import { MATURITE_SECURITE } from './maturiteSecurite.ts';
import { ETHIQUE } from './ethique.ts';
import { RGPD, SECURITE_ECHANGES } from './depots.ts';
import { COMPLEMENTAIRE_IDS, COMPLEMENTAIRE_TRIGGER, INTEROPERABILITE_GRAND } from './grand.ts';

export * from './types.ts';
export { INTEROPERABILITE, URBANISATION, MATURITE_SECURITE, ETHIQUE, RGPD, SECURITE_ECHANGES, INTEROPERABILITE_GRAND, COMPLEMENTAIRE_IDS, COMPLEMENTAIRE_TRIGGER };
export { ORIENTATION_QUESTIONS, ORIENTATION_ALL_APPLICABLE, ORIENTATION_SIMPLE_WEB } from './orientation.ts';

/** Ordre d'affichage des questionnaires d'évaluation. */
export const QUESTIONNAIRE_KEYS: QuestionnaireKey[] = [
  'interoperabilite', 'urbanisation', 'maturite-securite', 'ethique', 'rgpd', 'securite-echanges',
];
export const LEVEL_KEYS: LevelQuestionnaireKey[] = ['interoperabilite', 'urbanisation', 'maturite-securite'];
/** Questionnaires dont l'éditeur distributeur peut récupérer les réponses de l'éditeur producteur. */
export const SHARED_KEYS: QuestionnaireKey[] = ['interoperabilite', 'urbanisation', 'maturite-securite', 'ethique'];

/** Titre affiché dans la liste des questionnaires et dans les en-têtes. */
export const QUESTIONNAIRE_TITLES: Record<QuestionnaireKey, string> = {
  interoperabilite: 'Interopérabilité',
  urbanisation: 'Urbanisation',
  'maturite-securite': 'Maturité Sécurité',
  ethique: 'Éthique Mon espace santé',
  rgpd: 'RGPD Mon espace santé',
  'securite-echanges': 'Sécurité Mon espace santé pour les échanges de données',
};

/** Version du référentiel affichée (1 par défaut) : tenue par le magasin d'après l'état (`referentiel`). */
let referentiel: 1 | 2 = 1;
export function setReferentielVersion(v: 1 | 2): void {
  referentiel = v;
}

export function levelQuestionnaire(key: LevelQuestionnaireKey, grand = false): LevelQuestionnaireDef {
  if (key === 'interoperabilite') return grand ? INTEROPERABILITE_GRAND : INTEROPERABILITE;
  if (key === 'urbanisation') return referentiel === 2 ? URBANISATION_V2 : URBANISATION;
  return MATURITE_SECURITE;
}
export function ethiqueQuestionnaire(): EthiqueQuestionnaireDef {
  return ETHIQUE;
}
export function depositQuestionnaire(key: 'rgpd' | 'securite-echanges'): DepositQuestionnaireDef {
  return key === 'rgpd' ? RGPD : SECURITE_ECHANGES;
}
export function isLevelKey(k: string): k is LevelQuestionnaireKey {
  return (LEVEL_KEYS as string[]).includes(k);
}
export function isQuestionnaireKey(k: string): k is QuestionnaireKey {
  return (QUESTIONNAIRE_KEYS as string[]).includes(k);
}
