/**
 * Les types d'une page lue (critères, zones de dépôt, champs de formulaire, modèle) : ce que les étapes
 * suivantes (planifier, remplir, capturer, garder) reçoivent de la lecture. Types seulement.
 */
import type { PageText } from './text';
import type { PageSignals } from './signals';
import type { Conformity, Level, LevelScale, OuiNon } from '../../domain/levels';
import type { QuestionnaireId } from '../../domain/questionnaires';
import type { Obligation } from '../../domain/schemas';

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

/** Un champ de formulaire ou une question, tel qu'une personne le voit. */
export interface FormField {
  /** Libellé affiché, sans astérisque (« Nom du produit », « 4. Pour quelle architecture… ? »). */
  label: string;
  /** Clé stable : libellé normalisé sans numéro (« nom du produit »). */
  key: string;
  /** Numéro de question affiché (« 4 ») s'il y en a un. */
  number?: string;
  required: boolean;
  type: 'text' | 'textarea' | 'select' | 'radio' | 'checkbox' | 'checkbox-group';
  /** Valeur : texte, libellé de l'option choisie, ou libellés cochés (groupe de cases). */
  value: string | string[];
  options: { label: string; control: HTMLInputElement | HTMLOptionElement; checked: boolean }[];
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  readOnly: boolean;
  /** Élément de repère pour l'ordre du document quand il n'y a pas de contrôle (valeur affichée). */
  anchor?: Element;
}

/** Le formulaire lu sur une page de formulaire. */
export type FormKind = 'orientation' | 'produit' | 'fiche-administrative' | 'marque-blanche';

/** Le modèle d'une page Convergence : ce que l'extension lit pour enregistrer, remplir et vérifier. */
export type PageModel =
  | { type: 'criteria'; questionnaire: QuestionnaireId; title: string; criteria: PageCriterion[]; unreadable: string[] }
  | { type: 'deposits'; questionnaire: QuestionnaireId; title: string; zones: PageEvidenceZone[] }
  | { type: 'form'; form: FormKind; fields: FormField[] }
  | { type: 'none' };

/** Ce que reçoit la lecture détaillée d'une page reconnue. */
export interface ReadContext {
  doc: Document;
  /** La zone de contenu (main), hors interface de l'extension. */
  root: Element;
  /** Les signaux déjà collectés pour la reconnaissance. */
  signals: PageSignals;
}

/** La lecture d'une page : son modèle, et ce qui n'a pas pu être lu (traduit par l'interface). */
export interface KindReading {
  model: PageModel;
  problems: PageText[];
}
