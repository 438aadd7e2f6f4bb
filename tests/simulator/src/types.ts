import type { LevelKey, QuestionnaireKey } from './data/types.ts';
import type { Display } from './display.ts';

/** État complet du simulateur, sérialisable en JSON (localStorage « convergence-simulateur »). */

export type Style = 'a' | 'b';
export type OrientationAnswers = Record<string, string | string[]>;

export interface ProductForm {
  nom: string;
  version: string;
  type: '' | 'Socle' | 'Option';
  nil: string;
  responsable: string;
  description: string;
  certifications: string;
  interets: string[];
}

export interface FileEntry {
  name: string;
  size: number;
  type: string;
  /** date ISO du dépôt */
  at: string;
  /** date ISO de l'archivage */
  archivedAt?: string;
}

export interface CriterionAnswer {
  /** questionnaires à niveaux */
  level?: LevelKey;
  /** Éthique */
  conformite?: 'Conforme' | 'Non conforme';
  comment: string;
  /** éditeur producteur : question de spécificité */
  specificite?: 'Oui' | 'Non';
  /** éditeur distributeur : réponse récupérée de l'éditeur producteur */
  fromProducer?: boolean;
}

export type QuestionnaireStatus = 'a-completer' | 'brouillon' | 'validation-demandee' | 'termine';

export interface QuestionnaireSnapshot {
  at: string;
  answers: Record<string, CriterionAnswer>;
  /** fichiers par zone ; les clés sont « CRITERE::type » (Éthique) ou l'identifiant de zone (RGPD, Sécurité) */
  files: Record<string, FileEntry[]>;
}

export interface QuestionnaireState {
  status: QuestionnaireStatus;
  answers: Record<string, CriterionAnswer>;
  files: Record<string, FileEntry[]>;
  archived: Record<string, FileEntry[]>;
  /** zones à dépôt unique confirmé (RGPD) */
  locked: Record<string, boolean>;
  draftSavedAt: string | null;
  /** dernière réponse validée */
  validated: QuestionnaireSnapshot | null;
  /** modifications depuis la dernière validation */
  modifiedSinceValidation: boolean;
  history: string[];
  /**
   * Erreurs des commentaires par critère (grand questionnaire), posées et retirées à la sortie du champ
   * d'après le commentaire du dernier rendu ; absent des états antérieurs = aucune.
   */
  commentErrors?: Record<string, string>;
}

export interface OrientationState {
  status: QuestionnaireStatus;
  answers: OrientationAnswers;
  validatedAnswers: OrientationAnswers | null;
  draftSavedAt: string | null;
}

export interface WhiteLabel {
  marqueBlanche: 'Oui' | 'Non';
  role?: 'producteur' | 'distributeur';
  producerProductId?: number;
  pourTiers?: 'Oui' | 'Non';
  attachment?: 'en-attente' | 'accepte' | 'refuse';
}

export type ConventionStatus = 'non-disponible' | 'en-attente-envoi' | 'a-signer' | 'validee';

export interface Dossier {
  ref: string;
  creator: string;
  createdAt: string;
  applicable: QuestionnaireKey[];
  questionnaires: Partial<Record<QuestionnaireKey, QuestionnaireSnapshot>>;
  orientation: OrientationAnswers;
}

export interface Demarche {
  whiteLabel: WhiteLabel;
  /** scénario `grand` : Interopérabilité à 249 critères */
  grand: boolean;
  ficheAdmin: { values: Record<string, string>; status: 'a-completer' | 'brouillon' | 'transmise'; transmittedAt: string | null };
  convention: ConventionStatus;
  orientation: OrientationState;
  questionnaires: Record<QuestionnaireKey, QuestionnaireState>;
  dossiers: Dossier[];
  candidature: { ref: string; at: string } | null;
  referencedAt: string | null;
  preReferenced: boolean;
  completionModal: boolean;
}

export interface Product {
  id: number;
  editeur: string;
  form: ProductForm;
  createdAt: string;
  demarche: Demarche | null;
}

export interface NotificationItem {
  id: number;
  emetteur: string;
  productId: number;
  producerProductId: number;
  type: string;
  contenu: string;
  receivedAt: string;
  status: 'nouvelle' | 'acceptee' | 'refusee';
}

export interface Refusal {
  at: string;
  page: string;
  productId: number | null;
  questionnaire: string | null;
  reasons: string[];
}

export interface SimState {
  version: 1;
  scenario: string;
  style: Style;
  /** variantes d'affichage du produit (?fil=, ?produit=, ?retard=) ; absent des états antérieurs = défaut */
  display?: Display;
  user: string;
  nextProductId: number;
  nextDossierSeq: number;
  products: Product[];
  notifications: NotificationItem[];
  /** brouillon du formulaire « Ajouter un nouveau produit » */
  productDraft: ProductForm;
  lastRefusal: Refusal | null;
  /** Version du référentiel affichée (absent = 1) : la 2 change le minimum et l'intitulé de U01.1 (Urbanisation). */
  referentiel?: 1 | 2;
}
