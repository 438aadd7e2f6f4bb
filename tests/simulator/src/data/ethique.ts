import type { EthiqueQuestionnaireDef } from './types.ts';

/** Éthique Mon espace santé : 11 critères (identifiants et titres du guide, textes illustratifs). */
export const ETHIQUE: EthiqueQuestionnaireDef = {
  key: 'ethique',
  title: 'Éthique Mon espace santé',
  sections: [
    { id: 'QUA', title: '1. Qualité du service', intro: 'Les critères de cette section portent sur la qualité des informations et des services rendus aux usagers.' },
    { id: 'ACC', title: '2. Accessibilité et inclusion', intro: "Les critères de cette section portent sur l'accès de tous les publics au service et sur l'accompagnement des usagers." },
    { id: 'ETH', title: '3. Éthique des données', intro: 'Les critères de cette section portent sur les finalités, la valorisation et la protection des données des usagers.' },
    { id: 'DEV', title: '4. Développement durable', intro: "Les critères de cette section portent sur l'empreinte environnementale du service (éco-score, cycle de vie)." },
  ],
  criteria: [
    {
      id: 'QUA.1.5', title: 'Interprétation par professionnels de santé', section: 'QUA', nature: 'Obligation',
      objectif: "S'assurer que les données de santé nécessitant une interprétation médicale sont interprétées par des professionnels de santé.",
      condition: { question: '18', equals: 'Oui' },
      evidence: [{ id: 'procedure', label: "Procédure d'interprétation des données par des professionnels de santé" }],
    },
    {
      id: 'ACC.1.1', title: 'Inclusion de tous les publics', section: 'ACC', nature: 'Obligation',
      objectif: 'Garantir que le service est utilisable par tous les publics, y compris les personnes en situation de handicap.',
      condition: { always: true },
      evidence: [
        { id: 'declaration', label: "Déclaration d'accessibilité (RGAA)" },
        { id: 'audit', label: "Rapport d'audit d'accessibilité" },
      ],
    },
    {
      id: 'ACC.1.5', title: 'Guichet', section: 'ACC', nature: 'Obligation',
      objectif: "Mettre à disposition des usagers un guichet d'assistance identifié.",
      condition: { always: true },
      evidence: [{ id: 'capture', label: "Capture d'écran du guichet d'assistance" }],
    },
    {
      id: 'ACC.1.6', title: 'Alerte sur décision critique', section: 'ACC', nature: 'Option',
      objectif: "Alerter l'usager lorsqu'une décision critique le concernant est produite par un algorithme.",
      condition: { question: '17.1', equals: 'Oui' },
      evidence: [{ id: 'description', label: "Description du mécanisme d'alerte" }],
    },
    {
      id: 'ACC.1.7', title: 'Réponses aux questions', section: 'ACC', nature: 'Obligation',
      objectif: 'Répondre aux questions des usagers dans un délai annoncé.',
      condition: { always: true },
      evidence: [{ id: 'procedure', label: 'Procédure de traitement des questions des usagers' }],
    },
    {
      id: 'ETH.1.1', title: 'Finalités', section: 'ETH', nature: 'Obligation',
      objectif: "Informer clairement l'usager des finalités du service et des traitements de données.",
      condition: { always: true },
      evidence: [{ id: 'cgu', label: 'Extrait des CGU présentant les finalités' }],
    },
    {
      id: 'ETH.1.4', title: 'Valorisation', section: 'ETH', nature: 'Obligation',
      objectif: "Informer l'usager de toute valorisation des données et recueillir son accord.",
      condition: { question: '19', equals: 'Oui' },
      evidence: [
        { id: 'declaration', label: 'Déclaration relative à la valorisation des données' },
        { id: 'contrats', label: 'Extrait des contrats avec les partenaires' },
      ],
    },
    {
      id: 'ETH.1.7', title: 'Destinataires/Sous-traitants', section: 'ETH', nature: 'Obligation',
      objectif: "Informer l'usager des destinataires et sous-traitants de ses données.",
      condition: { always: true },
      evidence: [{ id: 'liste', label: 'Liste des destinataires et sous-traitants' }],
    },
    {
      id: 'ETH.1.8', title: 'Limitation des droits RGPD', section: 'ETH', nature: 'Obligation',
      objectif: "Ne pas limiter l'exercice des droits RGPD de l'usager au-delà de ce que prévoit la loi.",
      condition: { always: true },
      evidence: [{ id: 'politique', label: 'Extrait de la politique de confidentialité' }],
    },
    {
      id: 'DEV.1.1', title: 'Ecoscore', section: 'DEV', nature: 'Obligation',
      objectif: "Calculer l'éco-score du service sur https://ecoscore.esante.gouv.fr/ et le renseigner.",
      condition: { always: true },
      evidence: [{ id: 'rapport', label: "Rapport de calcul de l'éco-score" }],
    },
    {
      id: 'DEV.1.2', title: 'Cycle de vie', section: 'DEV', nature: 'Option',
      objectif: 'Maîtriser le cycle de vie du service et sa fin de vie.',
      condition: { always: true },
      evidence: [
        { id: 'politique', label: 'Politique de gestion du cycle de vie du service' },
        { id: 'reversibilite', label: 'Plan de fin de vie et de réversibilité' },
      ],
    },
  ],
};
