/**
 * Les types de pages Convergence que l'extension sait reconnaître, et leur libellé français : une ligne par type.
 * Chaque type a son module (lib/page/kinds/<type>.ts : reconnaissance, lecture, règles de la garde), enregistré
 * dans lib/page/kinds/index.ts, dont le typage exige un module par type de cette liste, et rien d'autre.
 * Ce fichier reste sans dépendance : le protocole des messages (arrière-plan) en valide les noms sans charger
 * les lecteurs de page.
 */
const LABELS = {
  'tableau-de-bord': 'Tableau de bord',
  parcours: 'Présentation du parcours Mon espace santé',
  'produit-formulaire': 'Formulaire produit (Ajouter un nouveau produit)',
  'produit-fiche': 'Fiche du produit',
  'marque-blanche': 'Fenêtre marque blanche',
  demarche: 'Page de la démarche (étapes)',
  'fiche-administrative': 'Fiche administrative',
  convention: 'Convention',
  'liste-questionnaires': 'Liste des questionnaires',
  orientation: "Questionnaire d'orientation",
  'questionnaire-niveaux': "Questionnaire d'évaluation à niveaux",
  ethique: 'Éthique Mon espace santé',
  rgpd: 'RGPD Mon espace santé',
  'securite-echanges': 'Sécurité pour les échanges de données',
  resultats: "Résultats d'évaluation",
  dossier: "Dossier d'évaluation",
  notifications: 'Vos notifications',
} as const;

export type PageKind = keyof typeof LABELS;

/** Libellés français affichés à l'utilisateur pour chaque type de page. */
export const PAGE_KIND_LABELS: Readonly<Record<PageKind, string>> = LABELS;

/** Les types, dans l'ordre de la liste (à score égal, la reconnaissance retient le premier). */
export const PAGE_KINDS = Object.keys(LABELS) as readonly PageKind[];
