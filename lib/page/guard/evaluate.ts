/**
 * Les règles de la garde avant validation : l'état COURANT de la page (lu dans le DOM) contre les règles
 * de complétude (lib/rules). DOM en entrée, liste de problèmes en sortie ; rien n'est modifié.
 */
import { questionnaireFromLabel, type QuestionnaireId } from '../../domain/questionnaires';
import { withKnown, type KnownCriteria } from './known';
import { isMandatory } from '../mandatory';
import { isLevelAcceptable, parseLevel } from '../../domain/levels';
import { DOSSIER_QUESTIONNAIRES } from '../../domain/questionnaires';
import { accessibleName, visibleText } from '../dom/name';
import type { PageKind } from '../kinds';
import type { PageCriterion, PageQuestionnaire } from '../model';
import { readQuestionnaire } from '../read/criteria';
import { readFormFields, type FormField } from '../read/form';
import { foldText } from '../../text/normalize';
import { isEmptyShownValue, producerFileCount, readDepositZones, readRecapEntries, readShownStatuses, zoneOf } from './read';
import type { GuardAction, GuardProblem, ProblemCode, ShownStatus } from './types';

export interface GuardInput {
  /** La zone principale de la page (main), sans l'interface de l'extension. */
  root: Element;
  /** Type de page reconnu (null : non reconnu, aucune règle n'est appliquée). */
  kind: PageKind | null;
  action: GuardAction;
  /** Statuts lus plus tôt sur la liste des questionnaires du même produit (la page des dossiers ne les montre pas). */
  remembered?: readonly ShownStatus[];
  /** Ce que la bibliothèque sait des critères de ce questionnaire (minimum, nature) quand la page ne l'écrit pas. */
  known?: KnownCriteria;
}

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

export { isMandatory };

/** Le questionnaire de la page d'après son titre (« Questionnaire d'évaluation : Interopérabilité »), sans relire les critères. */
export function pageQuestionnaire(root: Element): QuestionnaireId | null {
  return questionnaireFromLabel(pageTitle(root));
}

function answerTarget(c: PageCriterion): HTMLElement | null {
  return (c.options.find((o) => o.checked) ?? c.options.find((o) => !o.control.disabled) ?? c.options[0])?.control ?? null;
}

function specificiteProblem(c: PageCriterion, questionnaire: PageQuestionnaire['questionnaire']): GuardProblem[] {
  if (!c.specificite || c.specificite.value !== null) return [];
  return [{ code: 'specificite-non-repondue', ref: c.id, title: c.title, questionnaire: questionnaire ?? undefined, target: c.specificite.options[0]?.control ?? null }];
}

/** Questionnaires à niveaux : obligatoire sans réponse ou hors des niveaux acceptables ; optionnel sans réponse (signalé comme tel). */
export function levelProblems(q: PageQuestionnaire): GuardProblem[] {
  const out: GuardProblem[] = [];
  const questionnaire = q.questionnaire ?? undefined;
  for (const c of q.criteria) {
    if (c.kind !== 'niveau') continue;
    const mandatory = isMandatory(c);
    const base = { ref: c.id, title: c.title, questionnaire, scale: c.scale, acceptable: c.acceptableLevels, acceptableFromLibrary: c.minimumFromLibrary, target: answerTarget(c) };
    if (c.level === null) out.push({ ...base, code: mandatory ? 'non-repondu' : 'option-non-repondu' });
    else if (mandatory && !isLevelAcceptable(c.level, c.acceptableLevels)) out.push({ ...base, code: 'sous-minimum', level: c.level });
    out.push(...specificiteProblem(c, q.questionnaire));
  }
  return sortProblems(out);
}

/** Types de preuve d'un critère Conforme sans fichier (ni preuve confidentielle de l'éditeur producteur). */
export function missingEvidence(c: PageCriterion): { types: string[]; target: HTMLElement | null } {
  const types: string[] = [];
  let target: HTMLElement | null = null;
  for (const z of c.evidence) {
    if (z.files.length > 0 || z.locked) continue;
    if (z.input && producerFileCount(zoneOf(z.input, c.container)) > 0) continue;
    types.push(z.type);
    target ??= z.input;
  }
  return { types, target };
}

/** Éthique : chaque critère répondu, Conforme avec une preuve par type attendu, obligatoire non Non conforme. */
export function ethiqueProblems(q: PageQuestionnaire): GuardProblem[] {
  const out: GuardProblem[] = [];
  const questionnaire = q.questionnaire ?? 'ethique';
  for (const c of q.criteria) {
    if (c.kind !== 'conformite') continue;
    const mandatory = isMandatory(c);
    const base = { ref: c.id, title: c.title, questionnaire, target: answerTarget(c) };
    if (c.conformity === null) out.push({ ...base, code: mandatory ? 'non-repondu' : 'option-non-repondu' });
    else if (c.conformity === 'non-conforme') {
      if (mandatory) out.push({ ...base, code: 'non-conforme' });
    } else {
      const missing = missingEvidence(c);
      if (missing.types.length > 0) out.push({ ...base, code: 'preuve-manquante', missing: missing.types, target: missing.target ?? base.target });
    }
    out.push(...specificiteProblem(c, questionnaire));
  }
  return sortProblems(out);
}

/** RGPD, Sécurité échanges : chaque zone de dépôt a au moins un document. */
export function depositProblems(root: Element, questionnaire: 'rgpd' | 'securite-echanges'): GuardProblem[] {
  return readDepositZones(root)
    .filter((z) => z.files.length === 0 && z.producerFiles === 0)
    .map((z) => ({ code: 'document-manquant' as const, ref: z.type, questionnaire, missing: [z.type], target: z.input }));
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

/** Tous les problèmes que la page montre pour ce bouton ; vide : la soumission peut passer. */
export function evaluateGuard(input: GuardInput): GuardProblem[] {
  const { root, kind, action } = input;
  if (action === 'transmettre-fiche') return ficheProblems(root);
  if (action === 'generer-dossier' || action === 'candidater') return dossierProblems(root, action, input.remembered);
  switch (kind) {
    case 'questionnaire-niveaux':
      return levelProblems(withKnown(readQuestionnaire(root, pageTitle(root)), input.known));
    case 'ethique':
      return ethiqueProblems(withKnown(readQuestionnaire(root, pageTitle(root)), input.known));
    case 'rgpd':
    case 'securite-echanges':
      return depositProblems(root, kind);
    case 'orientation':
      return orientationProblems(root);
    case 'fiche-administrative':
      return ficheProblems(root);
    default:
      return [];
  }
}

/** Critères obligatoires dont le niveau choisi est hors des niveaux acceptables : les repères à afficher pendant la saisie. */
export interface BelowMinimum {
  id: string;
  criterion: PageCriterion;
  /** Où placer le repère : le groupe des niveaux (fieldset, radiogroup) dans le critère, sinon le bloc du critère. */
  anchor: Element;
}

export function belowMinimum(q: Pick<PageQuestionnaire, 'criteria'>): BelowMinimum[] {
  const out: BelowMinimum[] = [];
  for (const c of q.criteria) {
    if (c.kind !== 'niveau' || c.level === null || !isMandatory(c) || isLevelAcceptable(c.level, c.acceptableLevels)) continue;
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
