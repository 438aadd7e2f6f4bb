import type { DepositQuestionnaireDef } from './types.ts';

export const ZED_STEPS = [
  'Télécharger zed! pour ouvrir le conteneur ZED sécurisé et chiffré ;',
  'Télécharger le conteneur ZED et mémorisez le nom d\'utilisateur et le mot de passe du conteneur ;',
  'Ouvrir le conteneur ZED téléchargé et saisissez le nom d\'utilisateur et le mot de passe ;',
  'Charger les preuves dans le conteneur ZED ;',
  'Une fois toutes vos preuves chargées, fermer le conteneur et le déposer dans la zone de dépôt des preuves.',
];

/** RGPD Mon espace santé : 3 zones de dépôt (étape 9.2 du guide). */
export const RGPD: DepositQuestionnaireDef = {
  key: 'rgpd',
  title: 'RGPD Mon espace santé',
  sectionTitle: 'Questionnaire RGPD et preuves associées',
  zones: [
    {
      id: 'questionnaire-rgpd',
      title: 'Questionnaire RGPD',
      single: true,
      instructions: [
        'Télécharger le questionnaire RGPD à compléter ;',
        'Déposer le questionnaire RGPD complété dans la zone de dépôt du formulaire RGPD.',
      ],
    },
    {
      id: 'cgu',
      title: "CGU et Mentions d'information RGPD",
      instructions: [
        'Déposer les CGU',
        "Déposer les mentions d'information RGPD/Politique de protection des données ou de confidentialité contenant les mentions d'information RGPD.",
      ],
    },
    {
      id: 'aipd',
      title: "Analyse d'impact relative à la Protection des Données - AIPD",
      zed: true,
      instructions: [
        'Télécharger zed! pour ouvrir le conteneur ZED sécurisé et chiffré ;',
        'Télécharger le conteneur ZED et récupérer le nom d\'utilisateur et le mot de passe du conteneur ;',
        'Ouvrir le conteneur ZED téléchargé et saisir le nom d\'utilisateur et le mot de passe ;',
        'Charger les preuves dans le conteneur ZED ;',
        'Une fois les preuves AIPD chargées, fermer le conteneur et le déposer dans la zone de dépôt AIPD.',
      ],
    },
  ],
};

/** Sécurité Mon espace santé pour les échanges de données : 1 zone (étape 9.3 du guide). */
export const SECURITE_ECHANGES: DepositQuestionnaireDef = {
  key: 'securite-echanges',
  title: 'Sécurité Mon espace santé pour les échanges de données',
  sectionTitle: 'Questionnaire Sécurité pour les échanges de données et preuves associées',
  zones: [
    {
      id: 'questionnaire-securite',
      title: 'Questionnaire et preuves Sécurité',
      zed: true,
      instructions: ['Télécharger le questionnaire Sécurité à compléter ;', ...ZED_STEPS],
    },
  ],
};
