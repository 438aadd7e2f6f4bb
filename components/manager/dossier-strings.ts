import { QUESTIONNAIRE_LABELS } from '../../lib/domain/questionnaires';
import type { Journey, JourneyStep, NextAction, SeenStatus, StepReadiness } from '../../lib/rules/journey';
import { defineStrings, uiLanguage } from '../i18n';

/** Textes de la vue « Dossier » (parcours d'un produit) et du résumé de la fenêtre de l'icône. */
export const td = defineStrings(
  {
    tab: 'Dossier',
    title: 'Où en est le dossier sur Convergence',
    hint: "Chaque étape de la démarche, avec le statut vu sur Convergence et sa date, et l'état de vos réponses dans la bibliothèque. Une étape que l'assistant n'a jamais vue est « pas encore vue » : ouvrez-la sur Convergence pour qu'il la lise.",
    colStep: 'Étape',
    colSeen: 'Vu sur Convergence',
    colReadiness: 'Vos réponses (bibliothèque)',
    stepsCaption: 'Étapes de la démarche',
    next: 'Prochaine étape : {action}',
    nextMarker: 'prochaine étape',
    lastSeen: 'Dernière lecture sur Convergence : {date}.',
    neverSeen: "Rien n'a encore été lu sur Convergence pour ce produit.",
    seenOn: '{status}, vu le {date}',
    notSeen: 'pas encore vu',
    stepFiche: 'Fiche administrative',
    stepConvention: 'Convention',
    stepDossier: "Dossier d'évaluation",
    stepCandidature: 'Candidature',
    noReadiness: '—',
    readinessCount: '{answered}/{total} critère(s) renseigné(s)',
    readinessBelow: '{count} sous le minimum',
    readinessUnanswered: '{count} sans réponse',
    readinessEvidence: '{count} preuve(s) manquante(s)',
    readinessReady: 'prêt à valider',
    readinessNone: 'aucun critère connu',
    aOuvrir: 'ouvrir ce produit sur Convergence (démarche, liste des questionnaires) pour que l\'assistant lise où en est le dossier',
    aFiche: 'transmettre la fiche administrative',
    aConvention: 'faire signer et valider la convention (statut vu : « {status} »)',
    aCompleter: 'compléter le questionnaire {q}',
    aCompleterBelow: '{count} critère(s) sous le minimum',
    aCompleterUnanswered: '{count} critère(s) sans réponse',
    aCompleterEvidence: '{count} preuve(s) manquante(s)',
    aValider: 'valider le questionnaire {q} sur Convergence (vos réponses sont prêtes dans la bibliothèque)',
    aDossier: "générer une référence de dossier d'évaluation",
    aCandidater: "candidater avec votre dossier d'évaluation",
    aTermine: 'aucune, la candidature est envoyée',
    popupUnlinked: "Ce produit n'est relié à aucune bibliothèque : seuls les statuts vus sur Convergence comptent.",
  },
  {
    tab: 'Dossier',
    title: 'Where the dossier stands on Convergence',
    hint: 'Each step of the procedure, with the status seen on Convergence and when, and the state of your answers in the library. A step the assistant has never seen is "not seen yet": open it on Convergence so that it can read it.',
    colStep: 'Step',
    colSeen: 'Seen on Convergence',
    colReadiness: 'Your answers (library)',
    stepsCaption: 'Steps of the procedure',
    next: 'Next step: {action}',
    nextMarker: 'next step',
    lastSeen: 'Last read on Convergence: {date}.',
    neverSeen: 'Nothing has been read on Convergence for this product yet.',
    seenOn: '{status}, seen on {date}',
    notSeen: 'not seen yet',
    stepFiche: 'Administrative form',
    stepConvention: 'Agreement',
    stepDossier: 'Evaluation dossier',
    stepCandidature: 'Application',
    noReadiness: '—',
    readinessCount: '{answered}/{total} criteria answered',
    readinessBelow: '{count} below the minimum',
    readinessUnanswered: '{count} unanswered',
    readinessEvidence: '{count} missing evidence',
    readinessReady: 'ready to validate',
    readinessNone: 'no known criterion',
    aOuvrir: 'open this product on Convergence (procedure, questionnaire list) so that the assistant can read where the dossier stands',
    aFiche: 'submit the administrative form',
    aConvention: 'have the agreement signed and validated (status seen: "{status}")',
    aCompleter: 'complete the {q} questionnaire',
    aCompleterBelow: '{count} criteria below the minimum',
    aCompleterUnanswered: '{count} unanswered criteria',
    aCompleterEvidence: '{count} missing evidence',
    aValider: 'validate the {q} questionnaire on Convergence (your answers are ready in the library)',
    aDossier: 'generate an evaluation dossier reference',
    aCandidater: 'apply with your evaluation dossier',
    aTermine: 'none, the application has been sent',
    popupUnlinked: 'This product is not linked to a library: only the statuses seen on Convergence count.',
  },
);

/** « 12/03 » : le jour et le mois, comme sur Convergence. */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(uiLanguage() === 'en' ? 'en-GB' : 'fr-FR', { day: '2-digit', month: '2-digit' });
}

export function stepLabel(step: JourneyStep): string {
  if (step.questionnaire) return QUESTIONNAIRE_LABELS[step.questionnaire];
  if (step.kind === 'fiche-administrative') return td('stepFiche');
  if (step.kind === 'convention') return td('stepConvention');
  if (step.kind === 'dossier') return td('stepDossier');
  return td('stepCandidature');
}

/** « Terminé, vu le 12/03 », ou « pas encore vu ». */
export function seenText(seen: SeenStatus | null): string {
  return seen ? td('seenOn', { status: seen.status, date: shortDate(seen.at) }) : td('notSeen');
}

export function readinessText(r: StepReadiness | undefined): string {
  if (!r) return td('noReadiness');
  if (r.total === 0) return td('readinessNone');
  const parts = [td('readinessCount', { answered: r.answered, total: r.total })];
  if (r.belowMinimum) parts.push(td('readinessBelow', { count: r.belowMinimum }));
  if (r.unanswered) parts.push(td('readinessUnanswered', { count: r.unanswered }));
  if (r.missingEvidence) parts.push(td('readinessEvidence', { count: r.missingEvidence }));
  if (r.complete && r.blockers === 0) parts.push(td('readinessReady'));
  return parts.join(', ');
}

function actionText(next: NextAction): string {
  switch (next.code) {
    case 'ouvrir-convergence':
      return td('aOuvrir');
    case 'fiche':
      return td('aFiche');
    case 'convention-attente':
      return td('aConvention', { status: next.status });
    case 'completer': {
      const q = QUESTIONNAIRE_LABELS[next.questionnaire];
      const why = [
        next.belowMinimum ? td('aCompleterBelow', { count: next.belowMinimum }) : '',
        next.unanswered ? td('aCompleterUnanswered', { count: next.unanswered }) : '',
        next.missingEvidence ? td('aCompleterEvidence', { count: next.missingEvidence }) : '',
      ].filter(Boolean);
      return td('aCompleter', { q }) + (why.length ? ` (${why.join(', ')})` : '');
    }
    case 'valider':
      return td('aValider', { q: QUESTIONNAIRE_LABELS[next.questionnaire] });
    case 'dossier':
      return td('aDossier');
    case 'candidater':
      return td('aCandidater');
    case 'termine':
      return td('aTermine');
  }
}

/** « Prochaine étape : compléter le questionnaire Maturité Sécurité (3 critère(s) sous le minimum) ». */
export function nextStepText(journey: Pick<Journey, 'next'>): string {
  return td('next', { action: actionText(journey.next) });
}
