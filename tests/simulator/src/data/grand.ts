import type { LevelCriterion, LevelKey, LevelQuestionnaireDef, Section } from './types.ts';
import { INTEROPERABILITE } from './interoperabilite.ts';

/**
 * Questionnaire Interopérabilité « grand » (scénario `grand`) : les 9 critères habituels
 * suivis de 12 sections générées de 20 critères, soit 249 critères, tous applicables.
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

export const INTEROPERABILITE_GRAND: LevelQuestionnaireDef = {
  key: 'interoperabilite',
  title: 'Interopérabilité',
  sections: [...INTEROPERABILITE.sections, ...genSections],
  criteria: [...INTEROPERABILITE.criteria.map((c) => ({ ...c, condition: { always: true } as const })), ...genCriteria],
};
