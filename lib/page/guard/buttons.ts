import { accessibleName, buttonText } from '../dom/name';
import type { PageKind } from '../model/kinds';
import { foldText } from '../../text/normalize';
import type { GuardAction } from './types';

/** Ce qui peut être un bouton pour une personne : jamais une classe CSS. */
export const BUTTON_LIKE = 'button,[role="button"],input[type="submit"],input[type="button"]';

/** Textes (repliés) des boutons qui soumettent. « Transmettre » seul : le bouton du récapitulatif de la fiche administrative. */
const ACTIONS: [RegExp, GuardAction][] = [
  [/^valider( le questionnaire( d'orientation| d'evaluation)?)?$/, 'valider'],
  [/^enregistrer et demander (la )?validation$/, 'demande-validation'],
  [/^transmettre la fiche administrative$/, 'transmettre-fiche'],
  [/^generer une reference de dossier d'evaluation$/, 'generer-dossier'],
  [/^candidater$/, 'candidater'],
];

/** Nom d'un bouton tel qu'annoncé : aria-labelledby, aria-label, valeur d'un input, sinon son texte. */
export function buttonName(el: Element): string {
  if (el.hasAttribute('aria-labelledby')) {
    const n = accessibleName(el);
    if (n) return n;
  }
  return buttonText(el);
}

/**
 * L'action d'un bouton qui soumet, d'après son nom visible, ou null.
 * « Transmettre » seul n'est reconnu que sur la fiche administrative (le bouton de son récapitulatif).
 */
export function guardedAction(el: Element, kind: PageKind | null | (() => PageKind | null)): GuardAction | null {
  if (!el.matches(BUTTON_LIKE)) return null;
  const name = foldText(buttonName(el)).replace(/[.…]+$/, '').trim();
  if (!name || name.length > 60) return null;
  for (const [re, action] of ACTIONS) if (re.test(name)) return action;
  if (name === 'transmettre' && (typeof kind === 'function' ? kind() : kind) === 'fiche-administrative') return 'transmettre-fiche';
  return null;
}

/** Le premier élément bouton du chemin d'un événement (la cible, ou l'un de ses ancêtres, y compris dans une racine fantôme ouverte). */
export function buttonInPath(path: readonly EventTarget[]): Element | null {
  for (const n of path) {
    if (!(n instanceof Element)) continue;
    if (n.matches(BUTTON_LIKE)) return n;
    if (n.tagName === 'BODY' || n.tagName === 'HTML') return null;
  }
  return null;
}
