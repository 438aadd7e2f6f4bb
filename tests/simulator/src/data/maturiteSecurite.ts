import type { Condition, LevelCriterion, LevelKey, LevelQuestionnaireDef, Minimum, Nature } from './types.ts';

type Row = [id: string, title: string, section: string, nature: Nature, min: Minimum, subject: string, condition?: Condition, na?: boolean];

const ALWAYS: Condition = { always: true };
const NONE: Minimum = { kind: 'none' };
const lvl = (level: Exclude<LevelKey, 'NA'>): Minimum => ({ kind: 'level', level });

/** Textes de niveaux génériques (illustratifs) construits à partir du sujet du critère. */
function levelsFor(subject: string, na: boolean): Partial<Record<LevelKey, string>> {
  const l: Partial<Record<LevelKey, string>> = {};
  if (na) l.NA = `Le produit n'est pas concerné par ${subject}.`;
  l['0'] = `Aucune mesure n'est mise en oeuvre concernant ${subject}.`;
  l['1'] = `Des mesures ponctuelles et non formalisées sont mises en oeuvre concernant ${subject}.`;
  l['2'] = `Des mesures formalisées et documentées sont mises en oeuvre concernant ${subject}.`;
  l['3'] = `Des mesures formalisées, documentées, testées et revues périodiquement sont mises en oeuvre concernant ${subject}.`;
  return l;
}

const ROWS: Row[] = [
  ['01.01', 'Politique de sécurité des systèmes d\'information', '01', 'Obligation', lvl('2'), 'la politique de sécurité du produit'],
  ['01.02', 'Responsable de la sécurité', '01', 'Option', NONE, 'la désignation d\'un responsable de la sécurité'],
  ['02.01', 'Analyse de risques', '02', 'Obligation', lvl('2'), "l'analyse des risques de sécurité"],
  ['03.01', 'Sensibilisation des équipes', '03', 'Option', NONE, 'la sensibilisation des équipes à la sécurité'],
  ['04.01', 'Authentification des professionnels', '04', 'Obligation', lvl('2'), "l'authentification des professionnels", undefined, true],
  ['04.02', 'Gestion des mots de passe', '04', 'Obligation', lvl('2'), 'la gestion des mots de passe'],
  ['04.03', 'Niveau de garantie de l\'identification électronique des patients ou usagers', '04', 'Obligation', { kind: 'acceptable', levels: ['2', '3'] }, "l'identification électronique des patients ou usagers", { question: '15', equals: 'Oui' }],
  ['05.01', 'Chiffrement des flux', '05', 'Obligation', lvl('3'), 'le chiffrement des flux réseau'],
  ['05.02', 'Chiffrement des données stockées', '05', 'Obligation', lvl('2'), 'le chiffrement des données stockées'],
  ['06.01', 'Journalisation des accès', '06', 'Obligation', lvl('2'), 'la journalisation des accès aux données'],
  ['06.02', 'Détection des incidents', '06', 'Option', NONE, 'la détection des incidents de sécurité'],
  ['07.01', 'Gestion des vulnérabilités', '07', 'Obligation', lvl('2'), 'la gestion des vulnérabilités'],
  ['07.02', 'Tests d\'intrusion', '07', 'Option', NONE, 'les tests d\'intrusion'],
  ['08.01', 'Développement sécurisé', '08', 'Obligation', lvl('1'), 'le développement sécurisé'],
  ['08.02', 'Gestion des dépendances logicielles', '08', 'Option', NONE, 'la gestion des dépendances logicielles'],
  ['09.01', 'Hébergement des données de santé', '09', 'Obligation', { kind: 'acceptable', levels: ['NA', '3'] }, "l'hébergement des données de santé", { question: '7', equals: 'Oui' }, true],
  ['09.02', 'Plan de continuité d\'activité', '09', 'Obligation', lvl('2'), "le plan de continuité d'activité"],
  ['09.03', 'Plan de reprise d\'activité', '09', 'Option', NONE, "le plan de reprise d'activité"],
  ['09.04', 'Réalisation des sauvegardes', '09', 'Obligation', lvl('2'), 'la réalisation des sauvegardes'],
  ['10.01', 'Gestion des incidents de sécurité', '10', 'Obligation', lvl('2'), 'la gestion et la déclaration des incidents de sécurité'],
  ['10.02', 'Sécurité des sous-traitants', '10', 'Option', NONE, 'la sécurité des sous-traitants', { question: '20', equals: 'Oui' }, true],
  ['11.01', 'Sécurité des applications mobiles', '11', 'Obligation', lvl('2'), 'la sécurité des applications mobiles', { question: '4', includes: 'Android' }, true],
];

const SECTIONS = [
  ['01', 'Gouvernance de la sécurité'],
  ['02', 'Gestion des risques'],
  ['03', 'Ressources humaines'],
  ['04', 'Identification et authentification'],
  ['05', 'Protection des données'],
  ['06', 'Traçabilité'],
  ['07', 'Maintien en condition de sécurité'],
  ['08', 'Développement'],
  ['09', 'Continuité et hébergement'],
  ['10', 'Incidents et sous-traitance'],
  ['11', 'Applications mobiles'],
] as const;

export const MATURITE_SECURITE: LevelQuestionnaireDef = {
  key: 'maturite-securite',
  title: 'Maturité Sécurité',
  sections: SECTIONS.map(([id, title]) => ({
    id,
    title: `${id} ${title}`,
    intro: `Cette section évalue les mesures de sécurité du produit relatives au thème « ${title} ».`,
  })),
  criteria: ROWS.map(([id, title, section, nature, minimum, subject, condition, na]): LevelCriterion => ({
    id,
    title,
    section,
    nature,
    objectif: `Évaluer le niveau de maturité du produit concernant ${subject}.`,
    condition: condition ?? ALWAYS,
    // alternance des deux formulations utilisées par le guide
    wording: Number(section) % 2 === 0 ? 'maturite' : 'niveau',
    minimum,
    levels: levelsFor(subject, Boolean(na) || minimum.kind === 'acceptable' && minimum.levels.includes('NA')),
  })),
};
