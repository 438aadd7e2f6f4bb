import { defineStrings } from './i18n';
import { formatLevel, type Level } from '../lib/domain/levels';
import type { ReferentialAspect } from '../lib/domain/referential';

/**
 * Critères modifiés par Convergence (issue 11 § 3) : le même vocabulaire dans le panneau (notice, rapport de
 * remplissage) et le gestionnaire (onglet « Réponses »), en français puis en anglais.
 */
export const tr = defineStrings(
  {
    aspect_minimum: 'minimum',
    aspect_obligation: 'nature (Obligation / Option)',
    aspect_intitule: 'intitulé',
    aspect_niveaux: 'libellés des niveaux',
    aspect_preuves: 'preuves attendues',
    panelTitle: '{count} critère(s) modifié(s) depuis vos réponses',
    panelItem: '{id} : {aspects}',
    panelHint: 'Convergence montre ces critères autrement que lors de vos réponses : relisez-les avant de valider.',
    statusModified: '✗ critère modifié',
    holdMinimum: 'niveau {level} enregistré, minimum désormais {minimum}',
    holdLevels: 'niveau {level} enregistré, libellés des niveaux changés',
    title: 'Critères modifiés par Convergence depuis vos réponses',
    intro: 'Ces réponses sont à revoir : le critère a changé sur Convergence depuis. Comparez, puis confirmez « J\'ai revu » ou changez la réponse.',
    colCriterion: 'Critère',
    colWhat: 'Ce qui a changé',
    colBefore: 'Avant',
    colAfter: 'Maintenant',
    rowTitle: 'Intitulé',
    rowMinimum: 'Niveaux acceptables',
    rowObligation: 'Nature',
    rowEvidence: 'Preuves attendues',
    rowLevels: 'Libellés des niveaux',
    noMinimum: 'aucun minimum',
    unknown: 'non indiquée',
    none: 'aucune',
    obligation: 'Obligation',
    option: 'Option',
    yourAnswer: 'Votre réponse : {value}',
    noAnswer: 'sans réponse',
    seen: 'Vu le {date} ({source})',
    reviewed: "J'ai revu",
    reviewedLabel: "J'ai revu le critère {id}",
    reviewedDone: 'Critère {id} revu : il n\'est plus à revoir.',
    fillHold: 'Non rempli : {reason}',
  },
  {
    aspect_minimum: 'minimum',
    aspect_obligation: 'nature (Obligation / Option)',
    aspect_intitule: 'title',
    aspect_niveaux: 'level labels',
    aspect_preuves: 'expected evidence',
    panelTitle: '{count} criterion(s) changed since your answers',
    panelItem: '{id}: {aspects}',
    panelHint: 'Convergence shows these criteria differently from when you answered: read them again before validating.',
    statusModified: '✗ criterion changed',
    holdMinimum: 'level {level} stored, minimum now {minimum}',
    holdLevels: 'level {level} stored, level labels changed',
    title: 'Criteria changed by Convergence since your answers',
    intro: 'These answers need review: the criterion changed on Convergence since. Compare, then confirm “Reviewed” or change the answer.',
    colCriterion: 'Criterion',
    colWhat: 'What changed',
    colBefore: 'Before',
    colAfter: 'Now',
    rowTitle: 'Title',
    rowMinimum: 'Acceptable levels',
    rowObligation: 'Nature',
    rowEvidence: 'Expected evidence',
    rowLevels: 'Level labels',
    noMinimum: 'no minimum',
    unknown: 'not shown',
    none: 'none',
    obligation: 'Obligation',
    option: 'Option',
    yourAnswer: 'Your answer: {value}',
    noAnswer: 'no answer',
    seen: 'Seen on {date} ({source})',
    reviewed: 'Reviewed',
    reviewedLabel: 'Reviewed criterion {id}',
    reviewedDone: 'Criterion {id} reviewed: no longer to review.',
    fillHold: 'Not filled: {reason}',
  },
);

export function aspectsText(aspects: readonly ReferentialAspect[]): string {
  return aspects.map((a) => tr(`aspect_${a}`)).join(', ');
}

/** Le plus petit niveau acceptable hors « non applicable » : le « minimum » tel que Convergence l'écrit. */
function minimumOf(levels: readonly Level[]): string {
  const real = levels.filter((l) => l !== 'NA');
  return real.length ? real[0]! : levels.map((l) => formatLevel(l)).join(', ');
}

/** Pourquoi un niveau enregistré n'est pas rempli (« niveau 1 enregistré, minimum désormais 2 »). */
export function holdText(hold: { code: 'minimum'; level: Level; acceptable: Level[] } | { code: 'niveaux'; level: Level }): string {
  return hold.code === 'minimum' ? tr('holdMinimum', { level: hold.level, minimum: minimumOf(hold.acceptable) }) : tr('holdLevels', { level: hold.level });
}
