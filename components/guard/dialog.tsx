import { platform } from '../../lib/platform';

export const DIALOG_HOST_TAG = 'assistant-convergence-garde';

/**
 * Le cadre de la fenêtre de la garde, au-dessus de la page, dans une racine fantôme fermée : la fenêtre
 * elle-même est une page de l'extension (garde.html) que les scripts de la page ne peuvent ni lire ni
 * piloter. Elle demande son contenu et rend le choix de la personne par les messages « guard.* ».
 * Rend la fonction qui retire le cadre.
 */
export function openGuardFrame(doc: Document): () => void {
  const host = doc.createElement(DIALOG_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    ':host{all:initial;position:fixed;inset:0;z-index:2147483647;display:block}iframe{position:absolute;inset:0;width:100%;height:100%;border:0;background:transparent;color-scheme:normal}';
  const frame = doc.createElement('iframe');
  frame.src = platform.extensionUrl('/garde.html');
  frame.title = 'Assistant Convergence — garde avant validation';
  // Le focus passe dans la fenêtre dès qu'elle est chargée (le clic arrêté vient d'une personne).
  frame.addEventListener('load', () => frame.focus());
  shadow.append(style, frame);
  (doc.body ?? doc.documentElement).appendChild(host);
  return () => {
    // Masqué tout de suite ; retiré un instant après, quand le clic qui l'a fermé a fini d'être traité dans le cadre.
    host.style.display = 'none';
    setTimeout(() => host.remove(), 100);
  };
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
