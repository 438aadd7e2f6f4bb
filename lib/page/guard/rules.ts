/**
 * Les règles de la garde avant validation, par famille de pages : l'état COURANT de la page (lu dans le DOM)
 * contre les règles de complétude. DOM en entrée, liste de problèmes en sortie ; rien n'est modifié.
 * Chaque type de page choisit les siennes dans son module (lib/page/kinds) ; lib/page/by-kind/guard.ts les appelle.
 */
import { DOSSIER_QUESTIONNAIRES, questionnaireFromLabel, type QuestionnaireId } from '../../domain/questionnaires';
import { parseLevel } from '../../domain/levels';
import { accessibleName, visibleText } from '../dom/name';
import type { PageCriterion, PageQuestionnaire, FormField } from '../model/page';
import { readQuestionnaire } from '../read/criteria';
import { readFormFields } from '../read/form';
import { readDepositZones } from '../read/zones';
import { foldText } from '../../text/normalize';
import { criterionBelowMinimum, evaluateCriteria, missingDeposits } from './criterion';
import type { KnownCriteria } from './known';
import { isEmptyShownValue, readRecapEntries, readShownStatuses } from './read';
import type { GuardProblem, ProblemCode, ShownStatus } from './types';

/** Ordre d'affichage : ce qui bloque le référencement d'abord, puis ce qui fera refuser la validation. */
const RANK: Record<ProblemCode, number> = {
  'sous-minimum': 0,
  'non-conforme': 1,
  'non-repondu': 2,
  'preuve-manquante': 3,
  'document-manquant': 3,
  'question-sans-reponse': 3,
  'champ-vide': 3,
  'champ-invalide': 3,
  'questionnaire-non-termine': 3,
  'dossier-non-choisi': 4,
  'specificite-non-repondue': 5,
  'option-non-repondu': 6,
};

function sortProblems(list: GuardProblem[]): GuardProblem[] {
  return list.map((p, i) => ({ p, i })).sort((a, b) => RANK[a.p.code] - RANK[b.p.code] || a.i - b.i).map((x) => x.p);
}

function pageTitle(root: Element): string {
  const h1 = root.querySelector('h1') ?? root.ownerDocument.querySelector('h1');
  return h1 ? visibleText(h1) : '';
}

/** Le questionnaire de la page d'après son titre (« Questionnaire d'évaluation : Interopérabilité »), sans relire les critères. */
export function pageQuestionnaire(root: Element): QuestionnaireId | null {
  return questionnaireFromLabel(pageTitle(root));
}

/** Problèmes de critères déjà lus (évaluation unique : guard/criterion.ts), bloquants d'abord. */
export function criteriaProblems(q: PageQuestionnaire, opts: { fallback?: QuestionnaireId; known?: KnownCriteria | undefined } = {}): GuardProblem[] {
  const questionnaire = q.questionnaire ?? opts.fallback;
  return sortProblems(evaluateCriteria(q, { questionnaire, known: opts.known }).flatMap((e) => e.problems));
}

/** Questionnaire à critères (à niveaux, Éthique) : chaque critère de la page, complété par la bibliothèque. */
export function criteriaPageProblems(root: Element, opts: { fallback?: QuestionnaireId; known?: KnownCriteria | undefined } = {}): GuardProblem[] {
  return criteriaProblems(readQuestionnaire(root, pageTitle(root)), opts);
}

/** RGPD, Sécurité échanges : chaque zone de dépôt a au moins un document. */
export function depositProblems(root: Element, questionnaire: 'rgpd' | 'securite-echanges'): GuardProblem[] {
  return missingDeposits(readDepositZones(root), questionnaire);
}

function isEmptyField(f: FormField): boolean {
  return Array.isArray(f.value) ? f.value.length === 0 : f.value.trim() === '';
}

function fieldTarget(f: FormField): HTMLElement | null {
  return f.control ?? (f.options[0]?.control as HTMLElement | undefined) ?? null;
}

/** Questionnaire d'orientation : chaque question obligatoire (astérisque) affichée, révélée comprise, a une réponse. */
export function orientationProblems(root: Element): GuardProblem[] {
  return readFormFields(root)
    .filter((f) => f.required && !f.readOnly && isEmptyField(f))
    .map((f) => {
      // « 1.1. Classe du dispositif » : le numéro affiché, sous-questions comprises.
      const m = /^\s*(\d{1,3}(?:\.\d{1,3})*)\s*[.)]?\s+(.+)$/s.exec(f.label);
      return {
        code: 'question-sans-reponse' as const,
        ref: m?.[1] ?? f.label,
        title: m?.[2] ?? undefined,
        questionnaire: 'orientation' as const,
        target: fieldTarget(f),
      };
    });
}

function siretProblem(label: string, value: string, target: HTMLElement | null): GuardProblem[] {
  if (!/\bsiret\b/.test(foldText(label)) || isEmptyShownValue(value)) return [];
  return value.replace(/\s/g, '').length === 14 && /^\d+$/.test(value.replace(/\s/g, '')) ? [] : [{ code: 'champ-invalide', ref: label, status: value, questionnaire: 'fiche-administrative', target }];
}

/** Fiche administrative : champs obligatoires vides (formulaire ou récapitulatif), SIRET de 14 chiffres. */
export function ficheProblems(root: Element): GuardProblem[] {
  const out: GuardProblem[] = [];
  for (const f of readFormFields(root)) {
    if (!f.required) continue;
    const v = Array.isArray(f.value) ? f.value.join(', ') : f.value;
    if (isEmptyField(f)) {
      if (!f.readOnly) out.push({ code: 'champ-vide', ref: f.label, questionnaire: 'fiche-administrative', target: fieldTarget(f) });
    } else out.push(...siretProblem(f.label, v, fieldTarget(f)));
  }
  for (const e of readRecapEntries(root)) {
    if (!e.required) continue;
    if (isEmptyShownValue(e.value)) out.push({ code: 'champ-vide', ref: e.label, questionnaire: 'fiche-administrative', target: e.definition });
    else out.push(...siretProblem(e.label, e.value, e.definition));
  }
  return out;
}

/** Statuts lus sur la page, complétés par ceux retenus de la liste des questionnaires. */
export function knownStatuses(root: Element, remembered: readonly ShownStatus[] = []): ShownStatus[] {
  const onPage = readShownStatuses(root);
  const have = new Set(onPage.map((s) => s.questionnaire));
  return [...onPage, ...remembered.filter((s) => !have.has(s.questionnaire)).map((s) => ({ ...s, action: s.action?.isConnected ? s.action : null }))];
}

function statusProblem(s: ShownStatus): GuardProblem {
  return { code: 'questionnaire-non-termine', ref: s.label, status: s.status, count: s.count, questionnaire: s.questionnaire, target: s.action };
}

/** « Mon dossier candidat » : la liste de choix du dossier, si la page l'affiche. */
function dossierSelect(root: Element): HTMLSelectElement | null {
  return Array.from(root.querySelectorAll('select')).find((s) => /dossier candidat/.test(foldText(accessibleName(s)))) ?? null;
}

/** « Générer une référence… » : Interopérabilité, Urbanisation et Maturité Sécurité terminés. « Candidater » : tout questionnaire applicable terminé, un dossier choisi. */
export function dossierProblems(root: Element, action: 'generer-dossier' | 'candidater', remembered: readonly ShownStatus[] = []): GuardProblem[] {
  const statuses = knownStatuses(root, remembered);
  const out: GuardProblem[] = [];
  if (action === 'generer-dossier') {
    for (const q of DOSSIER_QUESTIONNAIRES) {
      const s = statuses.find((x) => x.questionnaire === q);
      if (s && s.applicable && !s.termine) out.push(statusProblem(s));
    }
    return out;
  }
  for (const s of statuses) if (s.applicable && !s.termine) out.push(statusProblem(s));
  const select = dossierSelect(root);
  if (select && !select.disabled && select.value === '') out.push({ code: 'dossier-non-choisi', ref: accessibleName(select), target: select });
  return out;
}

/** Critères obligatoires dont le niveau choisi est hors des niveaux acceptables : les repères à afficher pendant la saisie. */
export interface BelowMinimum {
  id: string;
  criterion: PageCriterion;
  /** Où placer le repère : le groupe des niveaux (fieldset, radiogroup) dans le critère, sinon le bloc du critère. */
  anchor: Element;
}

/** Les repères suivent la règle du problème « sous-minimum » de la garde (criterionBelowMinimum). */
export function belowMinimum(q: Pick<PageQuestionnaire, 'criteria'>): BelowMinimum[] {
  const out: BelowMinimum[] = [];
  for (const c of q.criteria) {
    if (!criterionBelowMinimum(c)) continue;
    const group = c.options[0]?.control.closest('fieldset,[role="radiogroup"]');
    out.push({ id: c.id, criterion: c, anchor: group && c.container.contains(group) ? group : c.container });
  }
  return out;
}

/**
 * Relecture bon marché d'un critère déjà lu : seul le niveau coché change (les libellés et le bloc sont repris).
 * Null si l'un de ses contrôles a quitté la page (il faut alors tout relire).
 */
export function relevel(c: PageCriterion): PageCriterion | null {
  if (!c.container.isConnected || c.options.some((o) => !o.control.isConnected)) return null;
  if (c.kind !== 'niveau') return c;
  const checked = c.options.find((o) => o.control.checked);
  return { ...c, options: c.options.map((o) => ({ ...o, checked: o.control.checked })), level: checked ? parseLevel(checked.label) : null };
}
