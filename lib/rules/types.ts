/**
 * lib/rules — les règles de préparation (points bloquants, avertissements) et le parcours d'un dossier, en fonctions pures.
 * Les mêmes règles servent l'extension et la CLI : elles ne lisent que le modèle.
 * N'importe de lib/ que : domain, text (et zod pour journey-schema.ts) — ni db, exchange, messages, page.
 */
import type { QuestionnaireId } from '../domain/questionnaires';
import type { Answer } from '../domain/schemas';

type Severity = 'bloquant' | 'avertissement';

export const FINDING_CODES = [
  'non-repondu',
  'orientation-incomplete',
  'sous-minimum',
  'non-conforme',
  'preuve-manquante',
  'document-manquant',
  'preuve-non-renseignee',
  'reponse-perimee',
  'questionnaire-absent',
  'a-verifier-marque-blanche',
  /** Critère modifié par Convergence depuis la réponse (issue 11 §3). */
  'critere-modifie',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * Ce que dit un constat, en clé et paramètres, pour les interfaces qui le traduisent (gestionnaire en anglais).
 * `message` et `action` restent sa version française, seule source du texte français (CLI, gestionnaire).
 */
export const FINDING_TEXT_KEYS = [
  'document-manquant',
  'orientation-incomplete',
  'non-repondu.obligatoire',
  'non-repondu.optionnel',
  'non-repondu.inconnu-obligatoire',
  'non-repondu.inconnu',
  'sous-minimum',
  'non-conforme.obligatoire',
  'non-conforme.optionnel',
  'non-conforme.inconnu-obligatoire',
  'non-conforme.inconnu',
  'preuve-non-renseignee.types-inconnus',
  'preuve-non-renseignee.non-indiquees',
  'preuve-manquante',
  'reponse-perimee',
  'critere-modifie',
  'marque-blanche.mise-a-jour',
  'marque-blanche.liste',
  'distributeur',
  'questionnaire-absent.fichier',
  'questionnaire-absent.plateforme',
  'verdict.aucun-critere',
  'verdict.incomplet',
  'verdict.incomplet-preuves',
  'verdict.bloquants',
] as const;
export type FindingTextKey = (typeof FINDING_TEXT_KEYS)[number];
export interface FindingText {
  key: FindingTextKey;
  params: Record<string, string>;
}

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** Le même constat en clé et paramètres (traduisible). */
  text?: FindingText;
  questionnaire: QuestionnaireId;
  /** Identifiant du critère tel que Convergence l'affiche (absent pour un constat sur tout un questionnaire). */
  criterionId?: string;
  /** Ce qui ne va pas, en français, en nommant le critère. */
  message: string;
  /** Quoi faire, en français. */
  action: string;
}

/** Ce que les règles savent d'une réponse, quelle que soit son origine (base, fichier, page affichée). */
export interface AnswerFacts {
  criterionKey: string;
  value: Answer['value'];
  evidence: readonly { evidenceType: string; name?: string }[];
  validUntil?: string | undefined;
  /** Types de preuve couverts par les preuves confidentielles d'un producteur (le distributeur ne les voit pas). */
  inheritedEvidenceTypes?: readonly string[];
  /** Faux quand la source ne peut pas dire quelles preuves existent (un tableur sans colonne « Preuves ») : pas de faux bloquant. */
  evidenceStated?: boolean;
  /** Critère de marque blanche à revoir (d'après la résolution). */
  reviewFlag?: boolean;
  /** Paquet producteur : « à revoir » parce que la mise à jour du paquet a changé ce critère. */
  reviewReason?: 'marque-blanche' | 'mise-a-jour' | 'referentiel';
}

export interface QuestionnaireStatus {
  questionnaire: QuestionnaireId;
  label: string;
  total: number;
  answered: number;
  /** Chaque critère répondu et chaque document ou preuve exigé présent (ce qu'exige « Valider »). */
  complete: boolean;
  /** Aucun critère obligatoire sous son minimum ni Non conforme. */
  atteint: boolean;
  findings: Finding[];
}

export interface Verdict {
  ok: boolean;
  /** Pourquoi pas, en français (vide si ok). */
  reasons: string[];
  /** Les mêmes raisons, en clé et paramètres, dans le même ordre. */
  reasonTexts?: FindingText[];
}

export interface ReadinessReport {
  today: string;
  questionnaires: QuestionnaireStatus[];
  /** Tous les constats, points bloquants d'abord. */
  findings: Finding[];
  blockers: number;
  warnings: number;
  /** « Dossier d'évaluation générable » : Interopérabilité, Urbanisation et Maturité Sécurité complets. */
  dossierGenerable: Verdict;
  /** « Prêt à candidater » : chaque questionnaire applicable complet, aucun point bloquant. */
  pretACandidater: Verdict;
}
