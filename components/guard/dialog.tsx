import { render } from 'preact';
import type { GuardAction, GuardProblem } from '../../lib/page/guard/types';
import { GuardDialog } from './GuardDialog';
import { DIALOG_CSS, adoptStyles } from './styles';

export const DIALOG_HOST_TAG = 'assistant-convergence-garde';
const ISOLATED = ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'focusin', 'focusout', 'input', 'change'];

export interface OpenDialog {
  buttonLabel: string;
  action: GuardAction;
  problems: GuardProblem[];
  /** Le bouton arrêté : il retrouve le focus à la fermeture. */
  returnFocus: HTMLElement | null;
  onCorrect(): void;
  onForce(): void;
}

/**
 * Ouvre la boîte de dialogue de la garde dans sa propre racine fantôme ouverte, au-dessus de la page.
 * Les événements clavier et souris n'en sortent pas (la page ne les voit pas). Rend la fonction de fermeture.
 */
export function openGuardDialog(doc: Document, o: OpenDialog): () => void {
  const host = doc.createElement(DIALOG_HOST_TAG);
  for (const type of ISOLATED) host.addEventListener(type, (e) => e.stopPropagation());
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, DIALOG_CSS);
  const mount = doc.createElement('div');
  shadow.appendChild(mount);
  (doc.body ?? doc.documentElement).appendChild(host);

  let closed = false;
  const close = (restoreFocus: boolean) => {
    if (closed) return;
    closed = true;
    render(null, mount);
    host.remove();
    if (restoreFocus && o.returnFocus?.isConnected) o.returnFocus.focus();
  };
  render(
    <GuardDialog
      buttonLabel={o.buttonLabel}
      action={o.action}
      problems={o.problems}
      onClose={() => close(true)}
      onCorrect={() => {
        close(false);
        o.onCorrect();
      }}
      onForce={() => {
        close(true);
        o.onForce();
      }}
    />,
    mount,
  );
  return () => close(true);
}

/** Met au premier plan le contrôle d'un problème : défilement jusqu'à lui, puis focus (un élément non focalisable reçoit tabindex="-1"). */
export function focusProblem(target: HTMLElement | null): boolean {
  if (!target?.isConnected) return false;
  const focusable = target.matches('input,select,textarea,button,a[href],[tabindex]') && !(target as HTMLInputElement).disabled;
  if (!focusable) target.setAttribute('tabindex', '-1');
  target.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  target.focus({ preventScroll: true });
  return target.ownerDocument.activeElement === target;
}
