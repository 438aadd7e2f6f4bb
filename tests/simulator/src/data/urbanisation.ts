import type { LevelQuestionnaireDef } from './types.ts';

/** Urbanisation (illustratif). */
export const URBANISATION: LevelQuestionnaireDef = {
  key: 'urbanisation',
  title: 'Urbanisation',
  sections: [
    { id: 'U01', title: 'U01 Identification et authentification', intro: "Les services socles nationaux d'identification électronique simplifient et sécurisent l'accès des usagers et des professionnels." },
    { id: 'U02', title: 'U02 Référentiels et services socles', intro: 'Les référentiels nationaux (annuaire santé, nomenclatures) garantissent la cohérence des données échangées.' },
    { id: 'U03', title: 'U03 Architecture du produit', intro: "Une architecture modulaire et documentée facilite l'intégration du produit dans l'écosystème du numérique en santé." },
  ],
  criteria: [
    {
      id: 'U01.1', title: 'Identification électronique des usagers (FranceConnect)', section: 'U01', nature: 'Obligation',
      objectif: "Vérifier que le produit propose l'identification électronique des usagers via les services socles nationaux.",
      condition: { question: '15', equals: 'Oui' }, wording: 'niveau', minimum: { kind: 'level', level: '2' },
      levels: {
        '0': 'Le produit ne propose qu\'une authentification locale par identifiant et mot de passe.',
        '1': 'Le produit propose une authentification locale renforcée (second facteur).',
        '2': 'Le produit propose FranceConnect en complément de son authentification locale.',
        '3': 'Le produit propose FranceConnect+ ou Pro Santé Connect selon les publics.',
      },
    },
    {
      id: 'U01.2', title: 'Gestion des habilitations', section: 'U01', nature: 'Option',
      objectif: 'Évaluer la gestion des droits d\'accès des utilisateurs.', condition: { always: true }, wording: 'maturite', minimum: { kind: 'none' },
      levels: {
        '0': 'Tous les utilisateurs disposent des mêmes droits.',
        '1': 'Les droits sont attribués manuellement sans revue.',
        '2': 'Les droits sont attribués par profils et revus périodiquement.',
        '3': 'Les droits sont attribués par profils, revus périodiquement et tracés.',
      },
    },
    {
      id: 'U02.1', title: "Utilisation de l'annuaire santé", section: 'U02', nature: 'Option',
      objectif: 'Mesurer l\'usage des données de l\'annuaire santé (RPPS, FINESS).', condition: { question: '10', equals: 'Oui' }, wording: 'niveau', minimum: { kind: 'none' },
      levels: {
        NA: "Le produit n'utilise pas de données relatives aux professionnels ou structures de santé.",
        '0': 'Les professionnels sont saisis librement.',
        '1': 'Les identifiants RPPS sont saisis manuellement.',
        '2': "Les données sont importées périodiquement depuis l'annuaire santé.",
        '3': "Les données sont synchronisées automatiquement avec l'annuaire santé.",
      },
    },
    {
      id: 'U02.2', title: 'Utilisation des terminologies de référence', section: 'U02', nature: 'Obligation',
      objectif: 'Vérifier l\'usage des terminologies publiées par le serveur multi-terminologies (SMT).', condition: { always: true }, wording: 'niveau', minimum: { kind: 'level', level: '1' },
      levels: {
        NA: 'Le produit ne manipule pas de données codées.',
        '0': 'Le produit utilise uniquement des nomenclatures propriétaires.',
        '1': 'Le produit utilise certaines terminologies de référence.',
        '2': 'Le produit utilise les terminologies de référence et les met à jour manuellement.',
        '3': 'Le produit utilise les terminologies de référence mises à jour automatiquement depuis le SMT.',
      },
    },
    {
      id: 'U03.1', title: 'Découplage des composants', section: 'U03', nature: 'Option',
      objectif: "Évaluer la modularité de l'architecture.", condition: { always: true }, wording: 'maturite', minimum: { kind: 'none' },
      levels: {
        '0': 'Le produit est monolithique.',
        '1': 'Certains composants peuvent être déployés séparément.',
        '2': 'Les composants communiquent par des interfaces documentées.',
        '3': 'Les composants sont indépendants et remplaçables.',
      },
    },
    {
      id: 'U03.2', title: 'Interfaces de programmation (API) documentées', section: 'U03', nature: 'Obligation',
      objectif: "Vérifier que les interfaces exposées par le produit sont documentées.", condition: { question: '11', equals: 'Oui' }, wording: 'niveau', minimum: { kind: 'level', level: '1' },
      levels: {
        NA: "Le produit n'expose aucune interface.",
        '0': "Les interfaces ne sont pas documentées.",
        '1': 'Les interfaces sont documentées à la demande.',
        '2': 'Les interfaces sont documentées et publiées aux partenaires.',
        '3': 'Les interfaces sont documentées selon un standard ouvert (ex. OpenAPI, FHIR) et publiées.',
      },
    },
  ],
};

/**
 * Urbanisation dans une version 2 (illustrative) du référentiel : U01.1 change d'intitulé et son minimum passe
 * du niveau 2 au niveau 3 ; le reste est identique. Sert à éprouver la détection des critères modifiés entre
 * deux visites (`__convergenceSim.setReferentiel(2)`).
 */
export const URBANISATION_V2: LevelQuestionnaireDef = {
  ...URBANISATION,
  criteria: URBANISATION.criteria.map((c) =>
    c.id === 'U01.1'
      ? { ...c, title: 'Identification électronique des usagers par FranceConnect ou Pro Santé Connect', minimum: { kind: 'level', level: '3' } }
      : c,
  ),
};
