import { foldText } from '../text/normalize';
import { cachedHidden } from './dom/cache';

/**
 * Ce qu'une personne voit d'une page, extrait une fois et partagé par tous les détecteurs :
 * titres, fil d'Ariane, fenêtre modale ouverte, boutons. Aucune classe CSS, aucune URL.
 */
export interface PageSignals {
  /** Titres visibles (h1–h6 et role="heading"), dans l'ordre du document : normalisés (text) et tels qu'affichés (raw). */
  headings: { level: number; text: string; raw: string }[];
  /** Le titre principal : le premier h1, à défaut le titre de plus haut niveau (normalisé, puis tel qu'affiché). */
  mainHeading: string;
  mainHeadingRaw: string;
  /** Le fil d'Ariane normalisé ('' s'il n'y en a pas). */
  breadcrumb: string;
  /** Ses éléments, du plus général au plus précis (normalisés, puis tels qu'affichés). */
  breadcrumbItems: string[];
  breadcrumbRaw: string[];
  /** Texte normalisé de la fenêtre modale ouverte au premier plan ('' sinon). */
  dialog: string;
  /** Textes normalisés des boutons et liens-boutons visibles. */
  buttons: string[];
  /** Texte normalisé de la zone principale (ou du corps), sans la fenêtre modale. */
  text: string;
}

/** Caractères du texte de la page gardés pour la reconnaissance. */
const TEXT_LIMIT = 40_000;

const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6,[role="heading"]';
const DIALOG_SELECTOR = 'dialog[open],[role="dialog"],[role="alertdialog"]';
const BUTTON_SELECTOR = 'button,[role="button"],input[type="submit"],input[type="button"],a[href]';

/** Vrai si l'élément est masqué par un attribut (hidden, aria-hidden, inert) ou par un style en ligne. */
export function isHiddenElement(el: Element): boolean {
  const cached = cachedHidden(el, hiddenItself);
  if (cached !== undefined) return cached;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (hiddenItself(cur)) return true;
  return false;
}

/** L'élément lui-même (pas ses ancêtres) est-il masqué ? */
function hiddenItself(cur: Element): boolean {
  if (cur.hasAttribute('hidden') || cur.getAttribute('aria-hidden') === 'true' || cur.hasAttribute('inert')) return true;
  const style = (cur as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  return cur.tagName === 'DIALOG' && !cur.hasAttribute('open');
}

function headingLevel(el: Element): number {
  const m = /^H([1-6])$/.exec(el.tagName);
  if (m) return Number(m[1]);
  const aria = Number(el.getAttribute('aria-level'));
  return Number.isFinite(aria) && aria > 0 ? aria : 2;
}

function elementText(el: Element): string {
  if (el instanceof HTMLInputElement) return el.value;
  return el.textContent ?? '';
}

/** Trouve le fil d'Ariane : un <nav> nommé « fil d'Ariane » / « breadcrumb » ; ses éléments (li, sinon séparés par « > »). */
function findBreadcrumb(root: ParentNode): { text: string; items: string[]; raw: string[] } {
  for (const nav of Array.from(root.querySelectorAll('nav[aria-label],[role="navigation"][aria-label]'))) {
    const label = foldText(nav.getAttribute('aria-label'));
    if (!label.includes('ariane') && !label.includes('breadcrumb')) continue;
    const text = foldText(nav.textContent);
    const lis = Array.from(nav.querySelectorAll('li'));
    const raw = (lis.length > 0 ? lis.map((li) => li.textContent ?? '') : (nav.textContent ?? '').split(/\s[>›/]\s/))
      .map((t) => t.replace(/\s+/g, ' ').trim().replace(/^[>›/]\s*/, '').trim())
      .filter(Boolean);
    return { text, items: raw.map((r) => foldText(r)), raw };
  }
  return { text: '', items: [], raw: [] };
}

export function collectSignals(doc: Document): PageSignals {
  const body = doc.body;
  const dialogs = Array.from(doc.querySelectorAll(DIALOG_SELECTOR)).filter((d) => !isHiddenElement(d));
  const topDialog = dialogs.at(-1);
  const inDialog = (el: Element) => dialogs.some((d) => d.contains(el));

  const headings = Array.from(doc.querySelectorAll(HEADING_SELECTOR))
    .filter((h) => !isHiddenElement(h) && !inDialog(h))
    .map((h) => ({ level: headingLevel(h), text: foldText(h.textContent), raw: (h.textContent ?? '').replace(/\s+/g, ' ').trim() }))
    .filter((h) => h.text.length > 0);
  const h1 = headings.find((h) => h.level === 1);
  const top = headings.reduce<{ level: number; text: string; raw: string } | undefined>(
    (best, h) => (!best || h.level < best.level ? h : best),
    undefined,
  );

  const buttons = Array.from(doc.querySelectorAll(BUTTON_SELECTOR))
    .filter((b) => !isHiddenElement(b))
    .map((b) => foldText(elementText(b) || b.getAttribute('aria-label')))
    .filter((t) => t.length > 0);

  const main = doc.querySelector('main,[role="main"]') ?? body;
  let text = '';
  if (main) {
    // Texte de la page hors fenêtre modale : on retire le texte des modales incluses.
    // Les indices de reconnaissance sont en tête de page : inutile de replier tout le texte d'un long questionnaire.
    text = foldText((main.textContent ?? '').slice(0, TEXT_LIMIT));
    for (const d of dialogs) {
      if (main.contains(d)) text = text.replace(foldText(d.textContent), ' ');
    }
  }

  const crumb = findBreadcrumb(doc);
  return {
    headings,
    mainHeading: (h1 ?? top)?.text ?? '',
    mainHeadingRaw: (h1 ?? top)?.raw ?? '',
    breadcrumb: crumb.text,
    breadcrumbItems: crumb.items,
    breadcrumbRaw: crumb.raw,
    dialog: topDialog ? foldText(topDialog.textContent) : '',
    buttons,
    text,
  };
}
