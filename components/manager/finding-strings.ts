/**
 * Constats de préparation et raisons des verdicts dans la langue de l'interface. Le français vient des règles
 * elles-mêmes (lib/rules : `message`, `action`, `reasons`), seule source du texte français ; ici, l'anglais,
 * depuis la clé et les paramètres que chaque constat porte. Sans clé (ancienne donnée), le français est gardé.
 */
import type { FindingText, FindingTextKey } from '../../lib/rules/types';
import { uiLanguage } from '../i18n';

type Template = (p: Record<string, string>) => string;

const nature = { obligatoire: 'mandatory', optionnel: 'optional', 'inconnu-obligatoire': 'of unknown nature (Obligation or Option not shown), treated as mandatory', inconnu: 'of unknown nature (Obligation or Option not shown)' } as const;

/** Le constat, puis quoi faire. */
const EN: Record<FindingTextKey, [Template, Template]> = {
  'document-manquant': [(p) => `${p.id}: no document deposited for “${p.title}”.`, (p) => `Deposit the document “${p.title}” in its drop zone.`],
  'orientation-incomplete': [
    (p) => `${p.id}: orientation question not answered (“${p.title}”).`,
    () => 'Answer this orientation question: it determines which questionnaires and criteria apply.',
  ],
  'non-repondu.obligatoire': [(p) => `${p.id}: ${nature.obligatoire} criterion not answered (“${p.title}”).`, () => 'Enter an answer: the questionnaire cannot be validated without it.'],
  'non-repondu.optionnel': [(p) => `${p.id}: ${nature.optionnel} criterion not answered (“${p.title}”).`, () => 'Enter an answer: every criterion must be answered to validate the questionnaire.'],
  'non-repondu.inconnu-obligatoire': [
    (p) => `${p.id}: criterion ${nature['inconnu-obligatoire']} not answered (“${p.title}”).`,
    () => 'Enter an answer and check its nature on Convergence: it is treated as mandatory (conformity criterion, or known minimum level).',
  ],
  'non-repondu.inconnu': [
    (p) => `${p.id}: criterion ${nature.inconnu} not answered (“${p.title}”).`,
    () => 'Check its nature on Convergence and enter an answer: if it is mandatory, it blocks the listing.',
  ],
  'sous-minimum': [
    (p) => `${p.id}: current level “${p.level}” below the required minimum${p.min ? ` “${p.min}”` : ''} (acceptable levels: ${p.levels}).`,
    (p) => `Improve the product or correct the answer to an acceptable level (${p.levels}); otherwise the criterion blocks the listing.`,
  ],
  'non-conforme.obligatoire': [(p) => `${p.id}: ${nature.obligatoire} criterion declared Non conforme (“${p.title}”).`, () => 'Bring the product into conformity, then answer Conforme with the expected evidence.'],
  'non-conforme.inconnu-obligatoire': [
    (p) => `${p.id}: criterion ${nature['inconnu-obligatoire']} declared Non conforme (“${p.title}”).`,
    () => 'Bring the product into conformity, then answer Conforme with the expected evidence.',
  ],
  'non-conforme.optionnel': [(p) => `${p.id}: ${nature.optionnel} criterion declared Non conforme (“${p.title}”).`, () => 'Check whether the product can become conformant; explain the situation in the comment.'],
  'non-conforme.inconnu': [
    (p) => `${p.id}: criterion ${nature.inconnu} declared Non conforme (“${p.title}”).`,
    () => 'Check whether the product can become conformant; explain the situation in the comment.',
  ],
  'preuve-non-renseignee.types-inconnus': [
    (p) => `${p.id}: Conforme without stated evidence, expected evidence types unknown.`,
    () => 'Open the criterion on Convergence to learn the expected evidence and deposit at least one per type.',
  ],
  'preuve-non-renseignee.non-indiquees': [
    (p) => `${p.id}: Conforme, but the file does not state the deposited evidence (expected: ${p.types}).`,
    () => 'Check that each expected evidence type has at least one deposited file.',
  ],
  'preuve-manquante': [(p) => `${p.id}: Conforme without evidence for ${p.types}.`, () => 'Deposit at least one file per expected evidence type, otherwise the questionnaire cannot be validated.'],
  'reponse-perimee': [(p) => `${p.id}: answer to review, valid until ${p.date} (date passed).`, () => 'Reread the answer and its evidence, then push back the “valid until” date.'],
  'critere-modifie': [
    (p) => `${p.id}: to review, criterion changed by Convergence since your answer.`,
    () => 'Compare the old and new wording (“Answers” tab), then confirm “I have reviewed” or change the answer.',
  ],
  'marque-blanche.mise-a-jour': [
    (p) => `${p.id}: to review, the producer’s answer changed with the update of its package.`,
    () => 'Reread the producer’s new answer, then confirm it or answer yourself.',
  ],
  'marque-blanche.liste': [
    (p) => `${p.id}: criterion often different between producer and distributor (ANS guide list).`,
    () => 'Check that this answer holds for your white-label solution.',
  ],
  distributeur: [
    (p) => `${p.id}: to be answered by the distributor (spécificité “Oui” at the producer).`,
    () => 'Answer this criterion yourself: the producer’s answer does not hold for your solution.',
  ],
  'questionnaire-absent.fichier': [
    (p) => `Questionnaire “${p.questionnaire}” missing from the file: it was not checked.`,
    () => 'Add its criteria to the file (or check it separately) before applying.',
  ],
  'questionnaire-absent.plateforme': [(p) => `No known criterion for “${p.questionnaire}”.`, () => 'Open this questionnaire on Convergence so that the assistant learns its criteria.'],
  'verdict.aucun-critere': [(p) => `“${p.questionnaire}”: no known criterion.`, () => ''],
  'verdict.incomplet': [(p) => `“${p.questionnaire}” is not complete (${p.answered}/${p.total} criteria answered).`, () => ''],
  'verdict.incomplet-preuves': [(p) => `“${p.questionnaire}” is not complete (${p.answered}/${p.total} criteria answered, evidence missing).`, () => ''],
  'verdict.bloquants': [(p) => `${p.count} blocking issue(s) to fix.`, () => ''],
};

const english = (text: FindingText | undefined): text is FindingText => uiLanguage() === 'en' && !!text && text.key in EN;

export function findingMessage(f: { message: string; text?: FindingText | undefined }): string {
  return english(f.text) ? EN[f.text.key][0](f.text.params) : f.message;
}

export function findingAction(f: { action: string; text?: FindingText | undefined }): string {
  return english(f.text) ? EN[f.text.key][1](f.text.params) : f.action;
}

/** Les raisons d'un verdict, dans la langue de l'interface. */
export function verdictReasons(v: { reasons: string[]; reasonTexts?: FindingText[] | undefined }): string[] {
  return v.reasons.map((fr, i) => {
    const text = v.reasonTexts?.[i];
    return english(text) ? EN[text.key][0](text.params) : fr;
  });
}
