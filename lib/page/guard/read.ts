/**
 * Lectures propres à la garde, en plus de lib/page/read : récapitulatifs en liste de définitions (fiche
 * administrative transmise ou à transmettre), statuts de la liste des questionnaires, produit de la page.
 * Ce qu'une personne voit, jamais de classe CSS.
 */
import { questionnaireFromLabel } from '../../domain/questionnaires';
import { buttonText, visibleText } from '../dom/name';
import { isHiddenElement } from '../read/signals';
import { cleanLabel, foldText } from '../../text/normalize';
import type { ShownStatus } from './types';

/** Les zones de dépôt ont un seul lecteur, partagé avec le modèle de page : lib/page/read/zones.ts. */
export { readDepositZones, type DepositZone } from '../read/zones';

/** Une entrée d'un récapitulatif (liste de définitions) : « SIRET * » → « — ». */
export interface RecapEntry {
  label: string;
  required: boolean;
  value: string;
  term: HTMLElement;
  definition: HTMLElement;
}

const EMPTY_VALUE = /^[\s—–\-_.]*$/;

export function isEmptyShownValue(text: string): boolean {
  return EMPTY_VALUE.test(text) || /^(non renseigne|non renseignee|aucune?|a completer)$/.test(foldText(text));
}

/** Les paires dt/dd visibles de `root`. */
export function readRecapEntries(root: Element): RecapEntry[] {
  const out: RecapEntry[] = [];
  for (const dt of Array.from(root.querySelectorAll<HTMLElement>('dt'))) {
    if (isHiddenElement(dt)) continue;
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    const raw = visibleText(dt);
    out.push({ label: cleanLabel(raw), required: /\*\s*$/.test(raw), value: visibleText(dd), term: dt, definition: dd as HTMLElement });
  }
  return out;
}

const STATUS = /^(a completer|brouillon|validation demandee|en cours|termine\b.*|non applicable|non demarre|non commence)$/;

function statusFrom(texts: string[]): string | null {
  for (const t of texts) if (STATUS.test(foldText(t))) return t;
  return null;
}

function actionOf(scope: Element): HTMLElement | null {
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>('a[href],button,[role="button"]'))) {
    if (/^(demarrer|editer|modifier|reprendre|completer)\b/.test(foldText(buttonText(el)))) return el;
  }
  return null;
}

function countOf(text: string): ShownStatus['count'] {
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  return m?.[1] && m[2] ? { done: Number(m[1]), total: Number(m[2]) } : undefined;
}

function shown(label: string, status: string, scope: Element): ShownStatus | null {
  const questionnaire = questionnaireFromLabel(label);
  if (!questionnaire || questionnaire === 'fiche-administrative' || questionnaire === 'produit') return null;
  const s = foldText(status);
  return {
    questionnaire,
    label,
    status,
    termine: s.startsWith('termine'),
    applicable: s !== 'non applicable',
    count: countOf(visibleText(scope)),
    action: actionOf(scope),
  };
}

/**
 * Statuts affichés sur la liste des questionnaires : lignes de tableau (intitulé en première cellule,
 * statut dans une autre), puis cartes (un titre de questionnaire et un badge de statut).
 */
export function readShownStatuses(root: Element): ShownStatus[] {
  const out: ShownStatus[] = [];
  const seen = new Set<string>();
  for (const tr of Array.from(root.querySelectorAll('tr'))) {
    if (isHiddenElement(tr)) continue;
    const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    const head = cells[0];
    if (!head || cells.length < 2) continue;
    const label = visibleText(head);
    if (label.length > 80) continue;
    const status = statusFrom(cells.slice(1).map((c) => visibleText(c)));
    if (!status) continue;
    const s = shown(label, status, tr);
    if (s && !seen.has(s.questionnaire)) {
      seen.add(s.questionnaire);
      out.push(s);
    }
  }
  for (const h of Array.from(root.querySelectorAll('h2,h3,h4,[role="heading"]'))) {
    if (h.closest('table') || isHiddenElement(h)) continue;
    const label = visibleText(h);
    if (label.length > 80) continue;
    const q = questionnaireFromLabel(label);
    if (!q || seen.has(q)) continue;
    const card = h.closest('section,article,li,[role="group"],[role="region"]') ?? h.parentElement;
    if (!card || card.querySelectorAll('h2,h3,h4,[role="heading"]').length > 1) continue;
    const leaves = Array.from(card.querySelectorAll('*')).filter((e) => e.children.length === 0 && e !== h).map((e) => visibleText(e));
    const status = statusFrom(leaves);
    if (!status) continue;
    const s = shown(label, status, card);
    if (s) {
      seen.add(q);
      out.push(s);
    }
  }
  return out;
}

