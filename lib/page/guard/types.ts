import type { Level, LevelScale } from '../../domain/levels';
import type { QuestionnaireId } from '../../domain/questionnaires';
import type { ShownStatusData } from '../../domain/schemas';
import type { PageKind } from '../model/kinds';
import type { KnownCriteria } from './known';

/** Les boutons qui soumettent, reconnus par leur texte visible ou leur nom accessible. */
export const GUARD_ACTIONS = ['valider', 'demande-validation', 'transmettre-fiche', 'generer-dossier', 'candidater'] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];

export const PROBLEM_CODES = [
  /** Critère obligatoire dont le niveau choisi n'est pas acceptable. */
  'sous-minimum',
  /** Critère obligatoire (ou Éthique) sans réponse. */
  'non-repondu',
  /** Critère optionnel sans réponse : « Valider » exige tout de même une réponse. */
  'option-non-repondu',
  /** Question de spécificité (éditeur producteur) sans réponse. */
  'specificite-non-repondue',
  /** Critère Éthique obligatoire répondu Non conforme. */
  'non-conforme',
  /** Critère Conforme sans fichier dans une ou plusieurs zones de preuve attendues. */
  'preuve-manquante',
  /** Zone de dépôt (RGPD, Sécurité échanges) sans document. */
  'document-manquant',
  /** Question obligatoire (astérisque) sans réponse. */
  'question-sans-reponse',
  /** Champ obligatoire vide. */
  'champ-vide',
  /** Champ au format refusé (SIRET). */
  'champ-invalide',
  /** Questionnaire pas « Terminé » sur la liste des questionnaires. */
  'questionnaire-non-termine',
  /** Aucun dossier choisi dans « Mon dossier candidat ». */
  'dossier-non-choisi',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Un point qui bloquera (ou fera refuser) la soumission, lu sur la page telle qu'elle est. */
export interface GuardProblem {
  code: ProblemCode;
  /** Ce qui est en cause, tel qu'affiché : identifiant de critère, « 4 » (question), libellé de champ, questionnaire. */
  ref: string;
  /** Titre du critère, libellé de la question ou du champ. */
  title?: string;
  /** Niveau choisi (sous-minimum). */
  level?: Level;
  scale?: LevelScale;
  /** Niveaux acceptables (sous-minimum, non-repondu d'un critère obligatoire). */
  acceptable?: Level[];
  /** Niveaux acceptables connus par la bibliothèque (la page ne les affiche pas). */
  acceptableFromLibrary?: boolean;
  /** Types de preuves ou de documents manquants. */
  missing?: string[];
  /** Statut lu (questionnaire-non-termine) ou valeur refusée. */
  status?: string;
  questionnaire?: QuestionnaireId;
  /** Compteur affiché « n/m » (questionnaire-non-termine). */
  count?: { done: number; total: number };
  /** Le contrôle à mettre au premier plan pour corriger (bouton radio, champ, zone de dépôt, lien). */
  target: HTMLElement | null;
  /**
   * Problème d'un critère obligatoire qui compromet le référencement (le critère est « à risque » dans le
   * résumé du panneau) ; absent ou faux : il fera seulement refuser la validation. Voir guard/criterion.ts.
   */
  blocking?: boolean;
}

/** Ce que la garde lit pour un bouton qui soumet. */
export interface GuardInput {
  /** La zone principale de la page (main), sans l'interface de l'extension. */
  root: Element;
  /** Type de page reconnu (null : non reconnu, seules les règles propres au bouton s'appliquent). */
  kind: PageKind | null;
  action: GuardAction;
  /** Statuts lus plus tôt sur la liste des questionnaires du même produit (la page des dossiers ne les montre pas). */
  remembered?: readonly ShownStatus[];
  /** Ce que la bibliothèque sait des critères de ce questionnaire (minimum, nature) quand la page ne l'écrit pas. */
  known?: KnownCriteria;
}

/** Ce que reçoit la règle d'un type de page (module de page) : la même chose, le type étant connu. */
export type GuardContext = Omit<GuardInput, 'kind'>;

/** Statut lu sur la liste des questionnaires (ShownStatusSchema), plus la ligne à montrer pour « Corriger ». */
export type ShownStatus = ShownStatusData & {
  /** Lien ou bouton de la ligne (« Démarrer », « Editer ») ; un élément ne traverse pas la messagerie. */
  action: HTMLElement | null;
};
