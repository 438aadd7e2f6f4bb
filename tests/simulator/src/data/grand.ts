import type { LevelCriterion, LevelKey, LevelQuestionnaireDef, Section } from './types.ts';
import { INTEROPERABILITE } from './interoperabilite.ts';

/**
 * Questionnaire Interopérabilité « grand » (scénario `grand`) : les 9 critères habituels
 * suivis de 12 sections générées de 20 critères, soit 249 critères, tous applicables ;
 * puis la « Section complémentaire » A32.1 (5 critères), affichée seulement quand le premier
 * critère généré (A20.1.1) a le niveau 2 ou 3 (voir `revealedBy`), soit 254 au plus.
 */
const THEMES = [
  'Documents de biologie', 'Imagerie médicale', 'Prescriptions', 'Vaccination', 'Lettres de liaison',
  'Comptes rendus opératoires', 'Mesures de santé', 'Agenda et rendez-vous', 'Téléconsultation',
  'Télésurveillance', 'Dossier pharmaceutique', 'Carnet de santé',
];

function genLevels(subject: string, na: boolean): Partial<Record<LevelKey, string>> {
  const l: Partial<Record<LevelKey, string>> = {};
  if (na) l.NA = `Le produit n'est pas concerné par ${subject}.`;
  l['0'] = `Le produit ne prend pas en charge ${subject}.`;
  l['1'] = `Le produit prend en charge ${subject} de manière non structurée.`;
  l['2'] = `Le produit prend en charge ${subject} de manière structurée, partiellement conforme au CI-SIS.`;
  l['3'] = `Le produit prend en charge ${subject} de manière structurée et conforme au CI-SIS, testée avec les outils de test.`;
  return l;
}

const genSections: Section[] = [];
const genCriteria: LevelCriterion[] = [];
THEMES.forEach((theme, t) => {
  const sid = `A${20 + t}.1`;
  genSections.push({ id: sid, title: `${sid} ${theme}`, intro: `Critères générés pour le thème « ${theme} » (scénario de performance).` });
  for (let i = 1; i <= 20; i++) {
    const subject = `le volet ${theme.toLowerCase()} n° ${i}`;
    const mod = i % 4;
    genCriteria.push({
      id: `${sid}.${i}`,
      title: `${theme} - volet ${i}`,
      section: sid,
      nature: mod === 0 ? 'Option' : 'Obligation',
      objectif: `Mesurer la prise en charge du volet ${i} du thème « ${theme} ».`,
      condition: { always: true },
      wording: i % 2 === 0 ? 'maturite' : 'niveau',
      minimum: mod === 0 ? { kind: 'none' } : mod === 1 ? { kind: 'level', level: '2' } : mod === 2 ? { kind: 'acceptable', levels: ['NA', '2', '3'] } : { kind: 'level', level: '1' },
      levels: genLevels(subject, mod === 2 || i % 5 === 0),
    });
  }
});

/** Critère qui révèle la section complémentaire, et les niveaux qui la révèlent. */
export const COMPLEMENTAIRE_TRIGGER = { criterion: 'A20.1.1', levels: ['2', '3'] as LevelKey[] };
const COMPLEMENTAIRE_SECTION: Section = {
  id: 'A32.1',
  title: 'A32.1 Section complémentaire',
  intro: 'Critères complémentaires affichés parce que le volet 1 des documents de biologie est pris en charge de manière structurée (critère A20.1.1).',
};
const COMPLEMENTAIRE_CRITERIA: LevelCriterion[] = Array.from({ length: 5 }, (_, k) => {
  const i = k + 1;
  const subject = `l'échange structuré complémentaire n° ${i}`;
  return {
    id: `A32.1.${i}`,
    title: `Section complémentaire - échange ${i}`,
    section: COMPLEMENTAIRE_SECTION.id,
    nature: i === 5 ? 'Option' : 'Obligation',
    objectif: `Préciser la prise en charge structurée des documents de biologie (échange ${i}).`,
    condition: { always: true },
    wording: i % 2 === 0 ? 'maturite' : 'niveau',
    minimum: i === 5 ? { kind: 'none' } : { kind: 'level', level: '1' },
    levels: genLevels(subject, i === 3),
    revealedBy: { criterion: COMPLEMENTAIRE_TRIGGER.criterion, levels: [...COMPLEMENTAIRE_TRIGGER.levels] },
  };
});
export const COMPLEMENTAIRE_IDS = COMPLEMENTAIRE_CRITERIA.map((c) => c.id);

export const INTEROPERABILITE_GRAND: LevelQuestionnaireDef = {
  key: 'interoperabilite',
  title: 'Interopérabilité',
  sections: [...INTEROPERABILITE.sections, ...genSections, COMPLEMENTAIRE_SECTION],
  criteria: [...INTEROPERABILITE.criteria.map((c) => ({ ...c, condition: { always: true } as const })), ...genCriteria, ...COMPLEMENTAIRE_CRITERIA],
};
