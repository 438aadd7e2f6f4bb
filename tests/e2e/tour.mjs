// Une page du simulateur par type de page, avec le scénario qui la rend accessible.
// Partagé par les tests de bout en bout et la démonstration (npm start).

/** @type {{ kind: import('../../lib/page/model/kinds').PageKind, path: string, scenario: string, style?: 'a'|'b', title: string }[]} */
export const PAGE_TOUR = [
  { kind: 'tableau-de-bord', path: '/tableau-de-bord', scenario: 'vierge', title: 'Tableau de bord' },
  { kind: 'parcours', path: '/parcours/mon-espace-sante', scenario: 'vierge', title: 'Parcours Mon espace santé' },
  { kind: 'produit-formulaire', path: '/produits/nouveau', scenario: 'vierge', title: 'Ajouter un nouveau produit' },
  { kind: 'produit-fiche', path: '/produits/3100', scenario: 'nominal', title: 'Fiche du produit' },
  { kind: 'marque-blanche', path: '/produits/3101/nouvelle-demarche/mon-espace-sante/marque-blanche', scenario: 'nominal', title: 'Fenêtre marque blanche' },
  { kind: 'demarche', path: '/produits/3100/demarches/mes', scenario: 'nominal', title: 'Démarche (étapes)' },
  { kind: 'fiche-administrative', path: '/produits/3100/demarches/mes/fiche-administrative', scenario: 'nominal', title: 'Fiche administrative' },
  { kind: 'convention', path: '/produits/3100/demarches/mes/convention', scenario: 'nominal', title: 'Convention (non disponible)' },
  { kind: 'convention', path: '/produits/3100/demarches/mes/convention', scenario: 'questionnaires', title: 'Convention (validée)' },
  { kind: 'liste-questionnaires', path: '/produits/3100/demarches/mes/questionnaires', scenario: 'questionnaires', title: 'Liste des questionnaires' },
  { kind: 'orientation', path: '/produits/3100/demarches/mes/questionnaires/orientation', scenario: 'questionnaires', title: "Questionnaire d'orientation" },
  { kind: 'questionnaire-niveaux', path: '/produits/3100/demarches/mes/questionnaires/interoperabilite', scenario: 'questionnaires', title: 'Interopérabilité' },
  { kind: 'questionnaire-niveaux', path: '/produits/3100/demarches/mes/questionnaires/maturite-securite', scenario: 'questionnaires', style: 'b', title: 'Maturité Sécurité (balisage b)' },
  { kind: 'ethique', path: '/produits/3100/demarches/mes/questionnaires/ethique', scenario: 'questionnaires', title: 'Éthique' },
  { kind: 'ethique', path: '/produits/3100/demarches/mes/questionnaires/ethique', scenario: 'questionnaires', style: 'b', title: 'Éthique (balisage b)' },
  { kind: 'rgpd', path: '/produits/3100/demarches/mes/questionnaires/rgpd', scenario: 'questionnaires', title: 'RGPD' },
  { kind: 'securite-echanges', path: '/produits/3100/demarches/mes/questionnaires/securite-echanges', scenario: 'questionnaires', title: 'Sécurité des échanges de données' },
  { kind: 'resultats', path: '/produits/3100/demarches/mes/questionnaires/interoperabilite/resultats', scenario: 'pret', title: "Résultats de l'évaluation" },
  { kind: 'dossier', path: '/produits/3100/demarches/mes/dossiers', scenario: 'pret', title: "Dossier d'évaluation" },
  { kind: 'notifications', path: '/notifications', scenario: 'producteur', title: 'Vos notifications' },
];
