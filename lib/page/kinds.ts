/**
 * Les types de pages Convergence que l'extension sait reconnaître.
 * Chaque type est reconnu par ce qu'une personne voit (titres, fil d'Ariane, libellés, boutons),
 * jamais par l'URL ni par des noms de classes.
 */
export const PAGE_KINDS = [
  'tableau-de-bord',
  'parcours',
  'produit-formulaire',
  'produit-fiche',
  'marque-blanche',
  'demarche',
  'fiche-administrative',
  'convention',
  'liste-questionnaires',
  'orientation',
  'questionnaire-niveaux',
  'ethique',
  'rgpd',
  'securite-echanges',
  'resultats',
  'dossier',
  'notifications',
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];

/** Libellés français affichés à l'utilisateur pour chaque type de page. */
export const PAGE_KIND_LABELS: Record<PageKind, string> = {
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
};
