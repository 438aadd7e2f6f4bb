/** Préparation d'un produit (ou d'un fichier), par questionnaire et pour le dossier, avec les deux verdicts (générable, prêt à candidater). */
import {
  DOSSIER_QUESTIONNAIRES,
  EVIDENCE_ONLY_QUESTIONNAIRES,
  GUIDE_EVIDENCE_ZONES,
  QUESTIONNAIRES,
  QUESTIONNAIRE_LABELS,
} from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import { criterionKey } from '../domain/schemas';
import type { Criterion } from '../domain/schemas';
import { checkCriterion, isAnswered } from './criterion-rules';
import type { AnswerFacts, Finding, FindingText, QuestionnaireStatus, ReadinessReport, Verdict } from './types';

export interface ReadinessInput {
  /** Critères applicables (ceux du catalogue montrés pour ce produit, ou les lignes d'un fichier). */
  criteria: readonly Criterion[];
  answers: readonly AnswerFacts[];
  /** Questionnaires applicables ; un questionnaire sans aucun critère connu donne un constat, jamais un silence. */
  applicableQuestionnaires: readonly QuestionnaireId[];
  /** YYYY-MM-DD. */
  today: string;
  /**
   * 'plateforme' : données enregistrées ; un questionnaire de preuves sans zone apprise prend les zones du guide.
   * 'fichier' : ne juger que ce que le fichier contient ; un questionnaire absent n'est qu'un avertissement.
   */
  mode: 'plateforme' | 'fichier';
  /** Distributeur : critères à spécificité « Oui » chez le producteur, sans réponse : « à répondre par le distributeur ». */
  distributorMustAnswer?: ReadonlySet<string>;
}

/** Un critère sans réponse que le producteur a déclaré spécifique : dit comme tel au distributeur. */
function distributorMustAnswer(f: Finding): Finding {
  if (f.code !== 'non-repondu' || !f.criterionId) return f;
  return {
    ...f,
    severity: 'bloquant',
    text: { key: 'distributeur', params: { id: f.criterionId } },
    message: `${f.criterionId} : à répondre par le distributeur (spécificité « Oui » chez l'éditeur producteur).`,
    action: 'Répondez vous-même à ce critère : la réponse du producteur ne vaut pas pour votre solution.',
  };
}

const VALIDATION_CODES = new Set(['non-repondu', 'orientation-incomplete', 'preuve-manquante', 'document-manquant']);
const NOT_REACHED_CODES = new Set(['sous-minimum', 'non-conforme']);

/** Critères tenant lieu des zones de dépôt d'un questionnaire de preuves, d'après le guide public (tant qu'aucune page ne les a montrées). */
function guideZoneCriteria(q: QuestionnaireId, now: string): Criterion[] {
  return (GUIDE_EVIDENCE_ZONES[q] ?? []).map((z) => ({
    key: criterionKey(q, z.id),
    questionnaire: q,
    id: z.id,
    title: z.title,
    kind: 'preuves' as const,
    obligation: 'obligation' as const,
    acceptableLevels: [],
    expectedEvidence: [z.title],
    source: { kind: 'saisie' as const, ref: 'Guide ANS du 17/12/2024', at: now },
    updatedAt: now,
  }));
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === 'bloquant' ? -1 : 1;
  const qa = QUESTIONNAIRES.indexOf(a.questionnaire);
  const qb = QUESTIONNAIRES.indexOf(b.questionnaire);
  if (qa !== qb) return qa - qb;
  return (a.criterionId ?? '').localeCompare(b.criterionId ?? '', 'fr', { numeric: true });
}

export function assessReadiness(input: ReadinessInput): ReadinessReport {
  const byKey = new Map(input.answers.map((a) => [a.criterionKey, a]));
  const byQ = new Map<QuestionnaireId, Criterion[]>();
  for (const c of input.criteria) {
    const list = byQ.get(c.questionnaire) ?? [];
    list.push(c);
    byQ.set(c.questionnaire, list);
  }
  const nowIso = `${input.today}T00:00:00.000Z`;
  const order = QUESTIONNAIRES.filter((q) => input.applicableQuestionnaires.includes(q) || byQ.has(q));
  const statuses: QuestionnaireStatus[] = [];
  for (const q of order) {
    let criteria = byQ.get(q) ?? [];
    if (criteria.length === 0 && input.mode === 'plateforme' && EVIDENCE_ONLY_QUESTIONNAIRES.includes(q)) criteria = guideZoneCriteria(q, nowIso);
    const findings: Finding[] = [];
    if (criteria.length === 0) {
      findings.push({
        severity: 'avertissement',
        code: 'questionnaire-absent',
        questionnaire: q,
        text: { key: input.mode === 'fichier' ? 'questionnaire-absent.fichier' : 'questionnaire-absent.plateforme', params: { questionnaire: QUESTIONNAIRE_LABELS[q] } },
        message:
          input.mode === 'fichier'
            ? `Questionnaire « ${QUESTIONNAIRE_LABELS[q]} » absent du fichier : il n'a pas été vérifié.`
            : `Aucun critère connu pour « ${QUESTIONNAIRE_LABELS[q]} ».`,
        action:
          input.mode === 'fichier'
            ? 'Ajoutez ses critères au fichier (ou vérifiez-le séparément) avant de candidater.'
            : "Ouvrez ce questionnaire sur Convergence pour que l'assistant apprenne ses critères.",
      });
    }
    let answered = 0;
    for (const c of criteria) {
      const a = byKey.get(c.key);
      if (isAnswered(c, a)) answered++;
      const found = checkCriterion(c, a, input.today);
      findings.push(...(input.distributorMustAnswer?.has(c.key) ? found.map(distributorMustAnswer) : found));
    }
    findings.sort(compareFindings);
    statuses.push({
      questionnaire: q,
      label: QUESTIONNAIRE_LABELS[q],
      total: criteria.length,
      answered,
      complete: criteria.length > 0 && !findings.some((f) => VALIDATION_CODES.has(f.code) && (f.severity === 'bloquant' || f.code !== 'orientation-incomplete')),
      atteint: !findings.some((f) => NOT_REACHED_CODES.has(f.code) && f.severity === 'bloquant'),
      findings,
    });
  }
  const findings = statuses.flatMap((s) => s.findings).sort(compareFindings);
  const blockers = findings.filter((f) => f.severity === 'bloquant').length;
  return {
    today: input.today,
    questionnaires: statuses,
    findings,
    blockers,
    warnings: findings.length - blockers,
    dossierGenerable: dossierVerdict(statuses),
    pretACandidater: candidatureVerdict(statuses, input.applicableQuestionnaires, blockers),
  };
}

interface Reason {
  fr: string;
  text: FindingText;
}

function incompleteReason(s: QuestionnaireStatus | undefined, q: QuestionnaireId): Reason | null {
  if (!s || s.total === 0)
    return { fr: `« ${QUESTIONNAIRE_LABELS[q]} » : aucun critère connu.`, text: { key: 'verdict.aucun-critere', params: { questionnaire: QUESTIONNAIRE_LABELS[q] } } };
  if (s.complete) return null;
  const evidence = s.findings.some((f) => f.code === 'preuve-manquante' || f.code === 'document-manquant');
  return {
    fr: `« ${s.label} » n'est pas complet (${s.answered}/${s.total} critères renseignés${evidence ? ', preuves manquantes' : ''}).`,
    text: { key: evidence ? 'verdict.incomplet-preuves' : 'verdict.incomplet', params: { questionnaire: s.label, answered: String(s.answered), total: String(s.total) } },
  };
}

function verdictOf(reasons: readonly Reason[]): Verdict {
  return { ok: reasons.length === 0, reasons: reasons.map((r) => r.fr), reasonTexts: reasons.map((r) => r.text) };
}

function dossierVerdict(statuses: readonly QuestionnaireStatus[]): Verdict {
  return verdictOf(DOSSIER_QUESTIONNAIRES.map((q) => incompleteReason(statuses.find((s) => s.questionnaire === q), q)).filter((r): r is Reason => r !== null));
}

function candidatureVerdict(statuses: readonly QuestionnaireStatus[], applicable: readonly QuestionnaireId[], blockers: number): Verdict {
  const wanted = new Set<QuestionnaireId>([...applicable, ...statuses.map((s) => s.questionnaire)]);
  const reasons: Reason[] = [];
  for (const q of QUESTIONNAIRES) {
    if (!wanted.has(q)) continue;
    const r = incompleteReason(statuses.find((s) => s.questionnaire === q), q);
    if (r) reasons.push(r);
  }
  if (blockers > 0) reasons.push({ fr: `${blockers} point(s) bloquant(s) à corriger.`, text: { key: 'verdict.bloquants', params: { count: String(blockers) } } });
  return verdictOf(reasons);
}

/** Questionnaires applicables par défaut, tant que la liste des questionnaires du produit n'a pas été lue. */
export function defaultApplicableQuestionnaires(criteria: readonly Criterion[]): QuestionnaireId[] {
  const known = new Set(criteria.map((c) => c.questionnaire));
  const base: QuestionnaireId[] = ['orientation', 'interoperabilite', 'urbanisation', 'securite', 'ethique', 'rgpd'];
  if (known.has('securite-echanges')) base.push('securite-echanges');
  return base;
}
