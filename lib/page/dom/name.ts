import { cachedLabels } from './cache';

/**
 * Nom accessible simplifié d'un contrôle de formulaire, calculé comme le ferait un lecteur d'écran
 * dans les cas courants : aria-labelledby, aria-label, <label for>, <label> englobant, title, placeholder.
 * Le texte propre du contrôle (valeur d'un champ) n'est jamais inclus.
 */
export function accessibleName(el: Element): string {
  const doc = el.ownerDocument;
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const parts = labelledby
      .split(/\s+/)
      .map((id) => doc.getElementById(id))
      .filter((n): n is HTMLElement => n !== null)
      .map((n) => visibleText(n));
    const joined = parts.join(' ').trim();
    if (joined) return joined;
  }
  const aria = el.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  const labels = cachedLabels(el) ?? (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    const joined = Array.from(labels)
      .map((l) => textWithoutControls(l))
      .join(' ')
      .trim();
    if (joined) return joined;
  }
  const title = el.getAttribute('title') ?? el.getAttribute('placeholder');
  if (title?.trim()) return title.trim();
  if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) return el.value.trim();
  return '';
}

/** Texte d'un élément sans celui des contrôles de formulaire qu'il contient (ex. une <select> dans un <label>). */
function textWithoutControls(el: Element): string {
  // Parcours itératif (premier enfant, frère suivant) : appelé pour chaque option de chaque critère.
  let out = '';
  for (let n: Node | null = el.firstChild; n; ) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1 && n.firstChild && !SKIPPED.has((n as Element).tagName)) {
      n = n.firstChild;
      continue;
    }
    while (n && !n.nextSibling && n.parentNode !== el) n = n.parentNode;
    n = n ? n.nextSibling : null;
  }
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}

const SKIPPED = new Set(['SELECT', 'TEXTAREA', 'SCRIPT', 'STYLE']);

/** Texte visible d'un élément (textContent sans scripts ni styles), espaces regroupés. */
export function visibleText(el: Element): string {
  return textWithoutControls(el);
}

/** Texte d'un bouton : son nom accessible ou son contenu. */
export function buttonText(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  if (el instanceof HTMLInputElement) return el.value.trim();
  return visibleText(el);
}
