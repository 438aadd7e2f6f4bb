import type { QuestionnaireId } from '../domain/questionnaires';
import type { Answer } from '../domain/schemas';

export type Severity = 'bloquant' | 'avertissement';

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
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  severity: Severity;
  code: FindingCode;
  questionnaire: QuestionnaireId;
  /** Criterion ID as shown on Convergence (absent for questionnaire-level findings). */
  criterionId?: string;
  /** What is wrong, in French, naming the criterion. */
  message: string;
  /** What to do, in French. */
  action: string;
}

/** The facts the rules need about one answer: from the database, a file, or a live page. */
export interface AnswerFacts {
  criterionKey: string;
  value: Answer['value'];
  evidence: readonly { evidenceType: string; name?: string }[];
  validUntil?: string | undefined;
  /** Evidence types covered by a producer's confidential evidence. */
  inheritedEvidenceTypes?: readonly string[];
  /** False when the source cannot tell which evidence exists (e.g. a spreadsheet without a « Preuves » column). */
  evidenceStated?: boolean;
  /** White-label criterion to review (from the resolver). */
  reviewFlag?: boolean;
  /** Paquet producteur : « à revoir » parce que la mise à jour du paquet a changé ce critère. */
  reviewReason?: 'marque-blanche' | 'mise-a-jour';
}

export interface QuestionnaireStatus {
  questionnaire: QuestionnaireId;
  label: string;
  total: number;
  answered: number;
  /** Every criterion answered and every required document/evidence present (what « Valider » needs). */
  complete: boolean;
  /** No mandatory criterion below its minimum or Non conforme. */
  atteint: boolean;
  findings: Finding[];
}

export interface Verdict {
  ok: boolean;
  /** Why not, in French (empty when ok). */
  reasons: string[];
}

export interface ReadinessReport {
  today: string;
  questionnaires: QuestionnaireStatus[];
  /** Every finding, blockers first. */
  findings: Finding[];
  blockers: number;
  warnings: number;
  /** « Dossier d'évaluation générable »: Interopérabilité, Urbanisation and Maturité Sécurité complete. */
  dossierGenerable: Verdict;
  /** « Prêt à candidater »: every applicable questionnaire complete and no blocker. */
  pretACandidater: Verdict;
}
