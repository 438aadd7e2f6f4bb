import { defineStrings } from './i18n';

/** Textes communs : panneau sur la page, fenêtre de l'icône, en-tête du gestionnaire. */
export const t = defineStrings(
  {
    panelTitle: 'Assistant Convergence',
    panelRegion: "Panneau de l'Assistant Convergence",
    pageRecognised: 'Page reconnue : {kind}',
    pageNotRecognised: 'Page non reconnue',
    pageWhy: 'Indices : {why}',
    panelCollapse: 'Réduire le panneau',
    panelExpand: 'Afficher le panneau',
    popupTitle: 'Assistant Convergence',
    popupNoConvergence: "L'onglet actif n'est pas une page Convergence (https://convergence.esante.gouv.fr).",
    popupNoAnswer: "La page Convergence ne répond pas encore : rechargez-la puis rouvrez ce menu.",
    openLibrary: 'Gérer les bibliothèques de réponses',
    optionsTitle: 'Bibliothèques de réponses',
    optionsIntro: "Vos réponses restent dans ce navigateur : rien n'est envoyé sur Internet.",
  },
  {
    panelTitle: 'Convergence Assistant',
    panelRegion: 'Convergence Assistant panel',
    pageRecognised: 'Page recognised: {kind}',
    pageNotRecognised: 'Page not recognised',
    pageWhy: 'Clues: {why}',
    panelCollapse: 'Collapse the panel',
    panelExpand: 'Show the panel',
    popupTitle: 'Convergence Assistant',
    popupNoConvergence: 'The active tab is not a Convergence page (https://convergence.esante.gouv.fr).',
    popupNoAnswer: 'The Convergence page is not answering yet: reload it, then open this menu again.',
    openLibrary: 'Manage answer libraries',
    optionsTitle: 'Answer libraries',
    optionsIntro: 'Your answers stay in this browser: nothing is sent over the Internet.',
  },
);
