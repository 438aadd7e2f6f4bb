/**
 * L'évaluation d'un critère lu sur la page, seul endroit où se décide ce qui ne va pas : la garde en tire sa
 * liste de problèmes avant « Valider », le résumé du panneau ses critères « à risque » (ceux qui ont un problème
 * bloquant), les repères leurs niveaux sous le minimum. Les prédicats (obligatoire, sous le minimum, une preuve
 * par type) sont ceux des réponses enregistrées : lib/rules/criterion-predicates.
 */
import type { QuestionnaireId } from '../../domain/questionnaires';
import { isBelowMinimum, uncoveredEvidence } from '../../rules/criterion-predicates';
import { isMandatory } from './mandatory';
import type { PageCriterion, PageEvidenceZone, PageQuestionnaire } from '../model/page';
import { zoneHasEvidence } from '../read/zones';
import { withKnown, type KnownCriteria } from './known';
import type { GuardProblem, ProblemCode } from './types';

/**
 * Ce qui compromet le référencement quand le critère est obligatoire. Le reste (critère optionnel sans réponse
 * ou sans preuve, question de spécificité) fera refuser la validation, sans rendre le critère « à risque ».
 */
const REFERENCING_RISKS: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['sous-minimum', 'non-repondu', 'non-conforme', 'preuve-manquante', 'document-manquant']);

function answerTarget(c: PageCriterion): HTMLElement | null {
  return (c.options.find((o) => o.checked) ?? c.options.find((o) => !o.control.disabled) ?? c.options[0])?.control ?? null;
}

/** Zones de preuve sans fichier (ni preuve confidentielle du producteur, ni dépôt confirmé) : une preuve par type attendu. */
export function missingEvidence(c: Pick<PageCriterion, 'evidence'>): { types: string[]; target: HTMLElement | null } {
  const zones = uncoveredEvidence(c.evidence, zoneHasEvidence);
  return { types: zones.map((z) => z.type), target: zones.find((z) => z.input)?.input ?? null };
}

/** Niveau choisi d'un critère obligatoire hors des niveaux acceptables (problème « sous-minimum », repères). */
export function criterionBelowMinimum(c: PageCriterion): boolean {
  return c.kind === 'niveau' && c.level !== null && isBelowMinimum(c, c.level);
}

/**
 * Les problèmes d'un critère, avec les codes de la garde, dans l'ordre de la page. `questionnaire` : celui de la
 * page. Les niveaux acceptables et la nature appris de la bibliothèque s'appliquent avant (withKnown).
 */
export function evaluateCriterion(c: PageCriterion, questionnaire?: QuestionnaireId): GuardProblem[] {
  const mandatory = isMandatory(c);
  const out: GuardProblem[] = [];
  const add = (p: GuardProblem) => out.push({ ...p, blocking: mandatory && REFERENCING_RISKS.has(p.code) });
  const base = { ref: c.id, title: c.title, questionnaire, target: answerTarget(c) };
  switch (c.kind) {
    case 'niveau': {
      const levels = { ...base, scale: c.scale, acceptable: c.acceptableLevels, acceptableFromLibrary: c.minimumFromLibrary };
      if (c.level === null) add({ ...levels, code: mandatory ? 'non-repondu' : 'option-non-repondu' });
      else if (criterionBelowMinimum(c)) add({ ...levels, code: 'sous-minimum', level: c.level });
      break;
    }
    case 'conformite': {
      if (c.conformity === null) add({ ...base, code: mandatory ? 'non-repondu' : 'option-non-repondu' });
      else if (c.conformity === 'non-conforme') {
        // Non conforme est une réponse : seul un critère obligatoire Non conforme bloque.
        if (mandatory) add({ ...base, code: 'non-conforme' });
      } else {
        const missing = missingEvidence(c);
        if (missing.types.length > 0) add({ ...base, code: 'preuve-manquante', missing: missing.types, target: missing.target ?? base.target });
      }
      break;
    }
    case 'preuves':
      // Critère fait seulement de zones de dépôt : obligatoire, chaque type attendu a son document.
      if (mandatory) for (const p of missingDeposits(c.evidence, questionnaire)) add(p);
      break;
  }
  if (c.specificite && c.specificite.value === null) {
    add({ code: 'specificite-non-repondue', ref: c.id, title: c.title, questionnaire, target: c.specificite.options[0]?.control ?? null });
  }
  return out;
}

/** Zones de dépôt (RGPD, Sécurité échanges, critère fait de preuves) sans document : un problème par zone. */
export function missingDeposits(zones: readonly PageEvidenceZone[], questionnaire?: QuestionnaireId): GuardProblem[] {
  return uncoveredEvidence(zones, zoneHasEvidence).map((z) => ({ code: 'document-manquant' as const, ref: z.type, questionnaire, missing: [z.type], target: z.input, blocking: true }));
}

/** « À risque » : au moins un problème bloquant, tel que la garde le définit. */
export function isAtRisk(problems: readonly GuardProblem[]): boolean {
  return problems.some((p) => p.blocking === true);
}

interface CriterionEvaluation {
  /** Le critère, complété par la bibliothèque (minimum, nature) quand la page ne les écrit pas. */
  criterion: PageCriterion;
  problems: GuardProblem[];
}

/** Tous les critères d'une page, complétés par la bibliothèque puis évalués : ce que la garde et le résumé lisent. */
export function evaluateCriteria(
  q: Pick<PageQuestionnaire, 'criteria'>,
  opts: { questionnaire?: QuestionnaireId | undefined; known?: KnownCriteria | undefined } = {},
): CriterionEvaluation[] {
  return withKnown(q, opts.known).criteria.map((criterion) => ({ criterion, problems: evaluateCriterion(criterion, opts.questionnaire) }));
}

/** Vrai si le critère est « à risque » (un problème bloquant) ; `known` : ce que la bibliothèque en sait. */
export function criterionAtRisk(c: PageCriterion, known?: KnownCriteria): boolean {
  return evaluateCriteria({ criteria: [c] }, { known }).some((e) => isAtRisk(e.problems));
}
