/**
 * Questionnaire d'orientation (illustratif, d'après l'étape 5.2 du guide).
 * Questions de base : 22 obligatoires. Des réponses révèlent des questions complémentaires
 * obligatoires (jusqu'à 31 au total) :
 *  - 1 = Oui → 1.1 (classe du DM) ; 1.1 ∈ {IIa, IIb, III} → 1.2 (organisme notifié)   [chaîne à deux niveaux]
 *  - 4 ∋ Android ou iOS → 5 (nom commercial dans les magasins d'applications)
 *  - 6 = Oui → 6.1 (identifiant) et 6.2 (mot de passe)
 *  - 7 = Oui → 7.1 (hébergeur certifié HDS ?) ; 7.1 = Oui → 7.2 (nom de l'hébergeur certifié HDS),
 *    7.1 = Non → 7.3 (date prévue de certification)                                    [chaîne à deux niveaux]
 *  - 11 = Oui → 11.1 (flux échangés avec Mon espace santé)
 *  - 17 = Oui → 17.1 (alertes sur décision critique)
 */

export type QuestionType = 'radio' | 'checkbox' | 'text' | 'select';

export interface OrientationQuestion {
  id: string;
  /** numéro affiché, ex. « 6.1 » */
  number: string;
  title: string;
  type: QuestionType;
  options?: string[];
  /** option exclusive d'une question à cases à cocher */
  exclusive?: string;
  heading: string;
  /** question parente et réponse(s) qui la révèlent */
  revealedBy?: { question: string; equals?: string; includesAny?: string[]; oneOf?: string[] };
  placeholder?: string;
}

export const AUCUNE = 'Aucune réponse correspondante';
const OUI_NON = ['Oui', 'Non'];
const SVC = 'Le service, pour lequel vous candidatez au référencement MES,';

export const ORIENTATION_HEADINGS = [
  'Généralités',
  'Accès au service et hébergement',
  'Activités et contenus',
  'Échanges de données',
  'Identification et authentification',
  'Éthique et usages',
] as const;

export const ORIENTATION_QUESTIONS: OrientationQuestion[] = [
  { id: '1', number: '1', heading: 'Généralités', type: 'radio', options: OUI_NON, title: `${SVC} est-il un dispositif médical ?` },
  { id: '1.1', number: '1.1', heading: 'Généralités', type: 'radio', options: ['Classe I', 'Classe IIa', 'Classe IIb', 'Classe III'], title: 'Quelle est la classe du dispositif médical ?', revealedBy: { question: '1', equals: 'Oui' } },
  { id: '1.2', number: '1.2', heading: 'Généralités', type: 'text', title: "Indiquez le numéro de l'organisme notifié ayant délivré le marquage CE", revealedBy: { question: '1.1', oneOf: ['Classe IIa', 'Classe IIb', 'Classe III'] }, placeholder: 'ex. 0459' },
  { id: '2', number: '2', heading: 'Généralités', type: 'radio', options: OUI_NON, title: `${SVC} inclut-il un dispositif médical connecté ?` },
  { id: '3', number: '3', heading: 'Généralités', type: 'checkbox', options: ['Mesures de santé', 'Documents', 'Agenda', AUCUNE], exclusive: AUCUNE, title: `${SVC} contient-il les données suivantes ?` },
  { id: '4', number: '4', heading: 'Généralités', type: 'checkbox', options: ['Web', 'Android', 'iOS', AUCUNE], exclusive: AUCUNE, title: 'Pour quelle architecture du service sollicitez-vous un référencement à Mon Espace Santé ?' },
  { id: '5', number: '5', heading: 'Généralités', type: 'text', title: "Indiquez le nom commercial de l'application tel qu'il apparaît dans les magasins d'applications", revealedBy: { question: '4', includesAny: ['Android', 'iOS'] } },
  { id: '6', number: '6', heading: 'Accès au service et hébergement', type: 'radio', options: OUI_NON, title: 'Fournir un compte de démonstration permettant aux vérificateurs d\'accéder au service : un compte de démonstration est-il disponible ?' },
  { id: '6.1', number: '6.1', heading: 'Accès au service et hébergement', type: 'text', title: 'Identifiant du compte de démonstration', revealedBy: { question: '6', equals: 'Oui' } },
  { id: '6.2', number: '6.2', heading: 'Accès au service et hébergement', type: 'text', title: 'Mot de passe du compte de démonstration', revealedBy: { question: '6', equals: 'Oui' } },
  { id: '7', number: '7', heading: 'Accès au service et hébergement', type: 'radio', options: OUI_NON, title: 'Le service fait-il appel à un hébergeur de données de santé ?' },
  { id: '7.1', number: '7.1', heading: 'Accès au service et hébergement', type: 'radio', options: OUI_NON, title: "L'hébergeur est-il un hébergeur certifié HDS ?", revealedBy: { question: '7', equals: 'Oui' } },
  { id: '7.2', number: '7.2', heading: 'Accès au service et hébergement', type: 'text', title: "Nom de l'hébergeur certifié HDS", revealedBy: { question: '7.1', equals: 'Oui' } },
  { id: '7.3', number: '7.3', heading: 'Accès au service et hébergement', type: 'text', title: "Date prévue d'obtention de la certification HDS de l'hébergeur", revealedBy: { question: '7.1', equals: 'Non' }, placeholder: 'jj/mm/aaaa' },
  { id: '8', number: '8', heading: 'Activités et contenus', type: 'checkbox', options: ['Prévention', 'Suivi de pathologie', 'Téléconsultation', 'Bien-être', AUCUNE], exclusive: AUCUNE, title: 'Quelles sont les activités auxquelles le service est destiné ?' },
  { id: '9', number: '9', heading: 'Activités et contenus', type: 'radio', options: OUI_NON, title: 'Le service consiste-t-il en la seule mise à disposition de contenus d\'information ?' },
  { id: '10', number: '10', heading: 'Échanges de données', type: 'radio', options: OUI_NON, title: 'Le service échange-t-il des données avec d\'autres professionnels de la santé ?' },
  { id: '11', number: '11', heading: 'Échanges de données', type: 'radio', options: OUI_NON, title: 'Le service échange-t-il des données avec Mon espace santé ?' },
  { id: '11.1', number: '11.1', heading: 'Échanges de données', type: 'checkbox', options: ['Documents (DMP)', 'Messagerie sécurisée', 'Agenda', 'Mesures de santé'], title: 'Quels flux de données sont échangés avec Mon espace santé ?', revealedBy: { question: '11', equals: 'Oui' } },
  { id: '12', number: '12', heading: 'Échanges de données', type: 'radio', options: OUI_NON, title: 'Le service produit-il des documents de santé au format CDA (ex. volet VSM - Synthèse médicale) ?' },
  { id: '13', number: '13', heading: 'Échanges de données', type: 'radio', options: OUI_NON, title: 'Le service affiche-t-il ou traite-t-il des documents de santé ?' },
  { id: '14', number: '14', heading: 'Identification et authentification', type: 'radio', options: OUI_NON, title: "Le service utilise-t-il l'identité nationale de santé (INS) ?" },
  { id: '15', number: '15', heading: 'Identification et authentification', type: 'radio', options: OUI_NON, title: 'Le service permet-il l\'identification électronique des usagers (FranceConnect, Pro Santé Connect) ?' },
  { id: '16', number: '16', heading: 'Identification et authentification', type: 'radio', options: OUI_NON, title: "Le service s'adresse-t-il à des mineurs ?" },
  { id: '17', number: '17', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: "Le service utilise-t-il un algorithme d'aide à la décision ou d'intelligence artificielle ?" },
  { id: '17.1', number: '17.1', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: "L'algorithme peut-il produire une alerte sur une décision critique pour l'usager ?", revealedBy: { question: '17', equals: 'Oui' } },
  { id: '18', number: '18', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: 'Des professionnels de santé interviennent-ils dans l\'interprétation des données ?' },
  { id: '19', number: '19', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: 'Le service fait-il l\'objet d\'une valorisation des données (commerciale ou non) ?' },
  { id: '20', number: '20', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: 'Le service recourt-il à des sous-traitants pour le traitement des données personnelles ?' },
  { id: '21', number: '21', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: 'Le service propose-t-il un guichet d\'assistance aux usagers ?' },
  { id: '22', number: '22', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: 'Le service est-il évalué au regard du référentiel général d\'amélioration de l\'accessibilité (RGAA) ?' },
  { id: '23', number: '23', heading: 'Éthique et usages', type: 'radio', options: OUI_NON, title: 'Le service est-il accessible depuis l\'étranger ?' },
];

/** Réponses qui rendent applicables tous les questionnaires et tous les critères (31 questions). */
export const ORIENTATION_ALL_APPLICABLE: Record<string, string | string[]> = {
  '1': 'Oui', '1.1': 'Classe IIa', '1.2': '0459',
  '2': 'Oui',
  '3': ['Mesures de santé', 'Documents', 'Agenda'],
  '4': ['Web', 'Android', 'iOS'],
  '5': 'Produit Santé',
  '6': 'Oui', '6.1': 'demo.verificateur', '6.2': 'Demo-2024!',
  '7': 'Oui', '7.1': 'Oui', '7.2': 'Hébergeur HDS Exemple',
  '8': ['Prévention', 'Suivi de pathologie'],
  '9': 'Non',
  '10': 'Oui',
  '11': 'Oui', '11.1': ['Documents (DMP)', 'Messagerie sécurisée'],
  '12': 'Oui', '13': 'Oui', '14': 'Oui', '15': 'Oui', '16': 'Non',
  '17': 'Oui', '17.1': 'Oui',
  '18': 'Oui', '19': 'Oui', '20': 'Oui', '21': 'Oui', '22': 'Oui', '23': 'Non',
};

/** Réponses d'un service web simple, sans échange de données avec Mon espace santé (22 questions). */
export const ORIENTATION_SIMPLE_WEB: Record<string, string | string[]> = {
  '1': 'Non', '2': 'Non', '3': ['Documents'], '4': ['Web'], '6': 'Non', '7': 'Non',
  '8': ['Prévention'], '9': 'Non', '10': 'Non', '11': 'Non', '12': 'Non', '13': 'Oui', '14': 'Non',
  '15': 'Oui', '16': 'Non', '17': 'Non', '18': 'Non', '19': 'Non', '20': 'Oui', '21': 'Oui', '22': 'Oui', '23': 'Non',
};
