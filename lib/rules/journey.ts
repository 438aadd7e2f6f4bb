/**
 * Le parcours d'un produit sur Convergence, d'un coup d'œil (issue 11 §4) : fiche administrative, convention,
 * orientation, chaque questionnaire applicable, dossier d'évaluation, candidature. Pour chaque étape, le statut
 * VU sur Convergence et quand (jamais supposé : une étape jamais vue reste « pas encore vue »), la préparation
 * de la bibliothèque (rapport de lib/rules/readiness.ts, jamais recalculé ici), et la prochaine chose à faire.
 * Pur : des observations datées et un rapport de préparation en entrée ; des codes en sortie (traduits par l'UI).
 */
import { EVALUATION_QUESTIONNAIRES } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import type { ShownStatusData } from '../domain/schemas';
import type { FindingCode, QuestionnaireStatus, ReadinessReport } from './types';

/** Un statut tel qu'affiché sur Convergence, et quand il y a été lu. */
export interface SeenStatus {
  /** Le texte affiché (« Terminé », « À compléter », « Convention à signer »…). */
  status: string;
  /** ISO : quand la page l'a montré. */
  at: string;
  /** L'étape est faite d'après ce statut (Terminé, fiche transmise, convention validée, dossier généré…). */
  done: boolean;
  /** Faux : Convergence dit « Non applicable » pour ce produit. */
  applicable: boolean;
  /** Compteur affiché (« Critères renseignés 12/30 »). */
  count?: { done: number; total: number };
}

/** Ce que l'extension a vu du parcours d'un produit, étape par étape. */
export interface JourneyObservations {
  fiche?: SeenStatus;
  convention?: SeenStatus;
  dossier?: SeenStatus;
  candidature?: SeenStatus;
  /** Orientation et questionnaires d'évaluation, lus sur la liste des questionnaires. */
  questionnaires?: Partial<Record<QuestionnaireId, SeenStatus>>;
}

type JourneyStepId = 'fiche-administrative' | 'convention' | QuestionnaireId | 'dossier' | 'candidature';

/** La préparation d'un questionnaire selon la bibliothèque (reprise du rapport de préparation). */
export interface StepReadiness {
  answered: number;
  total: number;
  complete: boolean;
  atteint: boolean;
  blockers: number;
  belowMinimum: number;
  unanswered: number;
  missingEvidence: number;
}

export interface JourneyStep {
  id: JourneyStepId;
  kind: 'fiche-administrative' | 'convention' | 'questionnaire' | 'dossier' | 'candidature';
  questionnaire?: QuestionnaireId;
  /** null : jamais vu sur Convergence. */
  seen: SeenStatus | null;
  /** Questionnaires seulement, quand la bibliothèque a un rapport pour ce produit. */
  readiness?: StepReadiness;
}

/** La prochaine chose à faire, en code (la phrase est écrite par l'interface, en français ou en anglais). */
export type NextAction =
  | { code: 'ouvrir-convergence' }
  | { code: 'fiche' }
  | { code: 'convention-attente'; status: string }
  | { code: 'completer'; questionnaire: QuestionnaireId; belowMinimum: number; unanswered: number; missingEvidence: number; answered: number; total: number }
  | { code: 'valider'; questionnaire: QuestionnaireId }
  | { code: 'dossier' }
  | { code: 'candidater' }
  | { code: 'termine' };

export interface Journey {
  steps: JourneyStep[];
  /** L'étape que vise la prochaine action (absente : rien à faire, ou ouvrir Convergence). */
  nextStepId: JourneyStepId | null;
  next: NextAction;
  /** La plus récente observation (ISO), null si rien n'a été vu. */
  lastSeenAt: string | null;
}

interface JourneyInput {
  observations: JourneyObservations;
  /** Rapport de préparation de la bibliothèque ; null pour un produit affiché mais pas relié. */
  readiness: ReadinessReport | null;
}

const MISSING_EVIDENCE: ReadonlySet<FindingCode> = new Set(['preuve-manquante', 'document-manquant']);

function readinessOf(q: QuestionnaireStatus): StepReadiness {
  const blocking = q.findings.filter((f) => f.severity === 'bloquant');
  const count = (pred: (code: FindingCode) => boolean) => blocking.filter((f) => pred(f.code as FindingCode)).length;
  return {
    answered: q.answered,
    total: q.total,
    complete: q.complete,
    atteint: q.atteint,
    blockers: blocking.length,
    belowMinimum: count((c) => c === 'sous-minimum'),
    unanswered: count((c) => c === 'non-repondu' || c === 'orientation-incomplete'),
    missingEvidence: count((c) => MISSING_EVIDENCE.has(c)),
  };
}

/**
 * Les questionnaires d'évaluation du parcours : ceux que la liste de Convergence a montrés (applicables ou non,
 * dans l'ordre de la plateforme) ; tant qu'elle n'a pas été vue, ceux du rapport de préparation.
 */
function evaluationSteps(obs: JourneyObservations, readiness: ReadinessReport | null): QuestionnaireId[] {
  const seen = obs.questionnaires ?? {};
  const fromList = EVALUATION_QUESTIONNAIRES.filter((q) => seen[q]);
  if (fromList.length > 0) return fromList;
  const fromReport = new Set(readiness?.questionnaires.map((q) => q.questionnaire) ?? []);
  return EVALUATION_QUESTIONNAIRES.filter((q) => fromReport.has(q));
}

function nextFor(step: JourneyStep): NextAction {
  switch (step.kind) {
    case 'fiche-administrative':
      return { code: 'fiche' };
    case 'convention':
      return step.seen ? { code: 'convention-attente', status: step.seen.status } : { code: 'ouvrir-convergence' };
    case 'dossier':
      return { code: 'dossier' };
    case 'candidature':
      return { code: 'candidater' };
    case 'questionnaire': {
      const q = step.questionnaire!;
      const r = step.readiness;
      // La bibliothèque est prête : il reste à reporter ou valider sur Convergence.
      if (r && r.complete && r.blockers === 0) return { code: 'valider', questionnaire: q };
      return {
        code: 'completer',
        questionnaire: q,
        belowMinimum: r?.belowMinimum ?? 0,
        unanswered: r?.unanswered ?? 0,
        missingEvidence: r?.missingEvidence ?? 0,
        answered: r?.answered ?? 0,
        total: r?.total ?? 0,
      };
    }
  }
}

/** Le parcours d'un produit et sa prochaine étape. */
export function buildJourney({ observations: obs, readiness }: JourneyInput): Journey {
  const byQ = new Map(readiness?.questionnaires.map((q) => [q.questionnaire, q]) ?? []);
  const qStep = (q: QuestionnaireId): JourneyStep => {
    const r = byQ.get(q);
    return { id: q, kind: 'questionnaire', questionnaire: q, seen: obs.questionnaires?.[q] ?? null, ...(r ? { readiness: readinessOf(r) } : {}) };
  };
  const steps: JourneyStep[] = [
    { id: 'fiche-administrative', kind: 'fiche-administrative', seen: obs.fiche ?? null },
    { id: 'convention', kind: 'convention', seen: obs.convention ?? null },
    qStep('orientation'),
    ...evaluationSteps(obs, readiness).map(qStep),
    { id: 'dossier', kind: 'dossier', seen: obs.dossier ?? null },
    { id: 'candidature', kind: 'candidature', seen: obs.candidature ?? null },
  ];
  const seenAt = steps.flatMap((s) => (s.seen ? [s.seen.at] : [])).sort();
  const lastSeenAt = seenAt.at(-1) ?? null;
  if (!lastSeenAt) return { steps, nextStepId: null, next: { code: 'ouvrir-convergence' }, lastSeenAt };

  // Une étape vue plus loin dit que Convergence a laissé passer les précédentes (la liste des questionnaires
  // ne s'ouvre qu'une fois la convention validée) : une étape antérieure jamais vue n'est pas « à faire ».
  const lastSeenIndex = steps.reduce((last, s, i) => (s.seen ? i : last), -1);
  for (const [i, step] of steps.entries()) {
    if (step.seen) {
      if (!step.seen.applicable || step.seen.done) continue;
      return { steps, nextStepId: step.id, next: nextFor(step), lastSeenAt };
    }
    if (i < lastSeenIndex) continue;
    // Jamais vue, après tout ce qui a été vu : la suite logique du parcours, sans en supposer le statut.
    if (step.kind === 'convention') return { steps, nextStepId: step.id, next: { code: 'ouvrir-convergence' }, lastSeenAt };
    return { steps, nextStepId: step.id, next: nextFor(step), lastSeenAt };
  }
  return { steps, nextStepId: null, next: { code: 'termine' }, lastSeenAt };
}

/**
 * Les statuts lus sur la liste des questionnaires (lib/page/guard/read.ts) en observations datées. Seuls les
 * questionnaires montrés changent : ce qui n'est pas sur la page n'efface pas ce qui a été vu avant.
 */
export function observeList(
  previous: JourneyObservations,
  shown: readonly Omit<ShownStatusData, 'label'>[],
  at: string,
): JourneyObservations {
  const questionnaires = { ...previous.questionnaires };
  for (const s of shown) {
    questionnaires[s.questionnaire] = { status: s.status, at, done: s.termine, applicable: s.applicable, ...(s.count ? { count: s.count } : {}) };
  }
  return { ...previous, questionnaires };
}
