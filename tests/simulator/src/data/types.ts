/**
 * Types des données (illustratives) des questionnaires du simulateur Convergence.
 * Les identifiants et libellés reprennent ceux du guide ANS du 17/12/2024 ; les textes des
 * critères sont illustratifs.
 */

/** Clés internes des niveaux : NA = non applicable, puis 0 à 3. */
export type LevelKey = 'NA' | '0' | '1' | '2' | '3';
export const LEVEL_ORDER: LevelKey[] = ['NA', '0', '1', '2', '3'];

/** Formulation des niveaux : « Niveau 2 : … » ou « Maturité moyenne : … ». */
export type LevelWording = 'niveau' | 'maturite';

export type Nature = 'Obligation' | 'Option';

/** Condition d'affichage fondée sur une réponse du questionnaire d'orientation. */
export type Condition =
  | { always: true }
  | { question: string; equals: string }
  | { question: string; includes: string };

export type Minimum =
  | { kind: 'none' }
  /** affiché « Niveau minimum requis : Niveau 2 » ; ce niveau et les supérieurs (hors NA) sont acceptables */
  | { kind: 'level'; level: Exclude<LevelKey, 'NA'> }
  /** affiché par des ✓ sur chaque niveau acceptable et la phrase « Les niveaux … sont acceptables pour ce critère » */
  | { kind: 'acceptable'; levels: LevelKey[] };

export interface LevelCriterion {
  id: string;
  title: string;
  section: string;
  nature: Nature;
  objectif: string;
  condition: Condition;
  wording: LevelWording;
  minimum: Minimum;
  /** Textes des niveaux proposés, dans l'ordre d'affichage. */
  levels: Partial<Record<LevelKey, string>>;
  /**
   * Critère d'une section révélée par une réponse de la page (et non de l'orientation) : affiché seulement
   * quand le critère `criterion` a l'un des `levels`, un rendu après cette réponse (section complémentaire).
   */
  revealedBy?: { criterion: string; levels: LevelKey[] };
}

export interface Section {
  id: string;
  title: string;
  intro: string;
}

export type LevelQuestionnaireKey = 'interoperabilite' | 'urbanisation' | 'maturite-securite';
export type QuestionnaireKey =
  | LevelQuestionnaireKey
  | 'ethique'
  | 'rgpd'
  | 'securite-echanges';

export interface LevelQuestionnaireDef {
  key: LevelQuestionnaireKey;
  title: string;
  sections: Section[];
  criteria: LevelCriterion[];
}

export interface EvidenceType {
  id: string;
  label: string;
}

export interface EthiqueCriterion {
  id: string;
  title: string;
  section: string;
  nature: Nature;
  objectif: string;
  condition: Condition;
  evidence: EvidenceType[];
}

export interface EthiqueQuestionnaireDef {
  key: 'ethique';
  title: string;
  sections: Section[];
  criteria: EthiqueCriterion[];
}

export interface DepositZone {
  id: string;
  title: string;
  /** dépôt unique : confirmation demandée, ensuite ni archivage ni remplacement */
  single?: boolean;
  /** conteneur ZED chiffré attendu */
  zed?: boolean;
  instructions: string[];
}

export interface DepositQuestionnaireDef {
  key: 'rgpd' | 'securite-echanges';
  title: string;
  sectionTitle: string;
  zones: DepositZone[];
}
