import type { PageText } from './text';
import type { Conformity, Level, LevelScale, OuiNon } from '../domain/levels';
import type { QuestionnaireId } from '../domain/questionnaires';
import type { Obligation } from '../domain/schemas';

/** Une option (bouton radio ou case) telle que lue sur la page. */
export interface PageOption {
  /** Nom accessible de l'option (« Niveau 2 : … », « Conforme »). */
  label: string;
  control: HTMLInputElement;
  checked: boolean;
  /** Option marquée ✓ (niveau acceptable). */
  acceptableMark: boolean;
}

/** Une zone de dépôt de preuves : son type, son champ fichier, les fichiers déposés (hors archivés). */
export interface PageEvidenceZone {
  type: string;
  input: HTMLInputElement | null;
  files: string[];
  /** Dépôt unique déjà confirmé : plus rien ne peut être déposé. */
  locked: boolean;
}

/** Un critère lu sur un questionnaire d'évaluation. */
export interface PageCriterion {
  id: string;
  title: string;
  section?: string;
  container: Element;
  obligation: Obligation | null;
  kind: 'niveau' | 'conformite' | 'preuves';
  scale?: LevelScale;
  /** Niveaux acceptables (vide = aucun minimum), et le texte d'où ils viennent. */
  acceptableLevels: Level[];
  minimumText?: string;
  /** Niveaux acceptables repris de la bibliothèque : la page ne les écrit pas. */
  minimumFromLibrary?: boolean;
  options: PageOption[];
  level: Level | null;
  conformity: Conformity | null;
  comment: { value: string; control: HTMLTextAreaElement | HTMLInputElement } | null;
  evidence: PageEvidenceZone[];
  specificite: { value: OuiNon | null; options: PageOption[] } | null;
  /** Contrôle « Récupérer la réponse de l'éditeur producteur » (distributeur), s'il est présent. */
  takeFromProducer: HTMLElement | null;
  objective?: string;
  displayCondition?: string;
  /** Ce qui n'a pas pu être lu, en français (affiché dans le panneau, jamais deviné). */
  problems: PageText[];
}

export interface PageQuestionnaire {
  questionnaire: QuestionnaireId | null;
  title: string;
  criteria: PageCriterion[];
  /** Textes d'identifiants vus sans contrôle associé : sections ou critères illisibles. */
  unreadable: string[];
  /** Critères dont la réponse est dans un contrôle que l'extension ne sait pas lire (liste, bouton ARIA). */
  unsupported: string[];
}
