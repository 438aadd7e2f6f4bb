import { foldText } from '../../text/normalize';
import { cachedHidden, withDomCache } from '../dom/cache';
import { withoutProductMention } from './product';
import type { PageSignals } from '../model/signals';

/** Caractères du texte de la page gardés pour la reconnaissance (ses indices sont en haut de page ; replier coûte). */
const TEXT_LIMIT = 20_000;

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
  // L'interface de l'extension (hôtes <assistant-convergence…>) ne fait pas partie de la page : comptée comme masquée.
  if (cur.tagName.startsWith(OWN_UI_PREFIX)) return true;
  if (cur.hasAttribute('hidden') || cur.getAttribute('aria-hidden') === 'true' || cur.hasAttribute('inert')) return true;
  // Le style en ligne n'est consulté que s'il existe : créer l'objet style de chaque ancêtre coûte.
  if (cur.hasAttribute('style')) {
    const style = (cur as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
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

/** Séparateurs visibles d'un fil d'Ariane écrit en texte, du moins au plus ambigu (« / », « | » peuvent être dans un nom). */
const GUILLEMET_SPLITTER = /\s*»\s*/;
const CRUMB_SPLITTERS: RegExp[] = [/\s*›\s*/, GUILLEMET_SPLITTER, /\s*→\s*/, /\s*>\s*/, /\s+\/\s+/, /\s+\|\s+/];
const CRUMB_EDGE = /^[\s>›»→/|]+|[\s>›»→/|]+$/g;

/** Espaces (insécables comprises) regroupés. */
/** Les morceaux d'un titre : le texte de chacun de ses nœuds enfants, s'il y en a plusieurs ; sinon le titre entier. */
function headingParts(el: Element, raw: string): string[] {
  if (el.childNodes.length < 2) return [raw];
  const parts: string[] = [];
  for (const n of Array.from(el.childNodes)) {
    const t = squash(n.textContent);
    if (t) parts.push(t);
  }
  return parts.length > 1 ? parts : [raw];
}

/**
 * Texte replié d'un titre sans la mention du produit. Gardé (borné) d'une lecture à l'autre : une page de
 * 250 critères répète 500 fois « Objectif du critère » et « Conditions d'affichage ».
 */
const headingTexts = new Map<string, string>();
function headingText(parts: string[]): string {
  const key = parts.join('\u0000');
  let t = headingTexts.get(key);
  if (t === undefined) {
    if (headingTexts.size > 5000) headingTexts.clear();
    t = foldText(parts.map(withoutProductMention).filter(Boolean).join(' '));
    headingTexts.set(key, t);
  }
  return t;
}

function squash(t: string | null | undefined): string {
  return (t ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/**
 * Coupe un fil écrit en texte au premier séparateur présent (un seul type : « Dossia iOS / Android » reste entier
 * sous « › »). « » » n'en est pas un quand le texte ouvre un guillemet « ; strong : seulement › » →.
 */
function splitTrail(text: string, strong = false): string[] {
  const clean = squash(text).replace(CRUMB_EDGE, '');
  for (const re of strong ? CRUMB_SPLITTERS.slice(0, 3) : CRUMB_SPLITTERS) {
    if (re === GUILLEMET_SPLITTER && clean.includes('«')) continue;
    const parts = clean.split(re).map((p) => p.trim()).filter(Boolean);
    if (parts.length >= 2) return parts;
  }
  return clean ? [clean] : [];
}

/** Un fil d'Ariane se lit comme un chemin : 2 à 10 étapes courtes, chacune avec au moins une lettre. */
function looksLikeTrail(parts: string[]): boolean {
  return parts.length >= 2 && parts.length <= 10 && parts.every((p) => p.length <= 150 && /\p{L}/u.test(p));
}

/** Éléments de texte courant : leur texte appartient au bloc qui les contient (li compris : la liste est le bloc). */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'EM', 'I', 'LI', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);
/** Jamais lus comme texte de page : code, listes de choix, champs, boutons. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA', 'BUTTON', 'svg', 'SVG']);
const OWN_UI_PREFIX = 'ASSISTANT-CONVERGENCE';
const SECTIONING = 'article,aside,section,li,form,fieldset';
const BANNER = 'header,[role="banner"]';

/** Un bloc de texte visible (paragraphe, liste, div…) et ses morceaux, chacun rattaché à son li éventuel. */
interface TextBlock {
  el: Element;
  pieces: { text: string; li: Element | null }[];
  length: number;
}

function blockText(b: TextBlock): string {
  let out = '';
  let li: Element | null | undefined;
  for (const p of b.pieces) {
    // Deux li voisins se lisent séparés, même sans espace dans le code.
    out += li !== undefined && p.li !== li ? ` ${p.text}` : p.text;
    li = p.li;
  }
  return squash(out);
}

function isHeadingElement(el: Element): boolean {
  return /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading';
}

function isDialogElement(el: Element): boolean {
  const role = el.getAttribute('role');
  return el.tagName === 'DIALOG' || role === 'dialog' || role === 'alertdialog';
}

/**
 * Regroupe par bloc les textes visibles de root hors titres, dans l'ordre du document. Borné (textes, caractères,
 * éléments) : la lecture tourne à chaque salve de mutations d'une page de 249 critères. stopAt : arrête à cet élément.
 */
function collectBlocks(
  root: Element,
  budget: { texts: number; chars: number; elements: number },
  stopAt?: (el: Element) => boolean,
): TextBlock[] {
  const doc = root.ownerDocument;
  const blocks = new Map<Element, TextBlock>();
  let stop = false;
  let elements = 0;
  const walker = doc.createTreeWalker(root, 1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(n: Node): number {
      if (n.nodeType !== 1) return 1; // FILTER_ACCEPT
      const el = n as Element;
      // Des milliers d'éléments sans texte (champs d'un questionnaire) bornent aussi la lecture.
      if (++elements > budget.elements || stopAt?.(el)) stop = true;
      if (stop || SKIPPED_TAGS.has(el.tagName) || el.tagName.startsWith(OWN_UI_PREFIX) || isDialogElement(el) || hiddenItself(el)) return 2; // FILTER_REJECT : sous-arbre ignoré
      // Les titres sont lus à part (headings) : leur texte n'est ni un fil d'Ariane ni une ligne d'en-tête.
      if (isHeadingElement(el)) return 2;
      return 3; // FILTER_SKIP : l'élément n'est pas rendu, ses enfants sont visités
    },
  });
  let texts = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n && !stop; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    if (!text.trim()) continue;
    if (++texts > budget.texts || (chars += text.length) > budget.chars) break;
    let block = n.parentElement;
    let li: Element | null = null;
    while (block && block !== root && INLINE_TAGS.has(block.tagName)) {
      if (block.tagName === 'LI' && !li) li = block;
      block = block.parentElement;
    }
    if (!block) continue;
    let b = blocks.get(block);
    if (!b) blocks.set(block, (b = { el: block, pieces: [], length: 0 }));
    // Un bloc trop long n'est pas une ligne de fil d'Ariane ni d'en-tête : inutile de le garder entier.
    if (b.length > 2000) continue;
    b.pieces.push({ text, li });
    b.length += text.length;
  }
  return Array.from(blocks.values());
}

/** Une étape de fil d'Ariane n'est pas une phrase : courte, sans ponctuation finale. */
const SENTENCE_END = /[.?!;]$/;

/**
 * Le fil d'Ariane lu dans un bloc de texte sans nom accessible : texte à séparateurs, ou liste dont les séparateurs
 * sont dessinés (ol dans un nav, ou liste dont le dernier élément porte aria-current, comme la page courante).
 * strong : après le titre principal, seuls les séparateurs typographiques (› » →) comptent : « oui / non », « score > 3 » ne sont pas des fils.
 */
function trailFromBlock(b: TextBlock, strong: boolean): string[] | null {
  if (b.length > 600) return null;
  const text = blockText(b);
  const parts = splitTrail(text, strong);
  if (looksLikeTrail(parts) && !parts.some((p) => SENTENCE_END.test(p))) return parts;
  const tag = b.el.tagName;
  if (tag !== 'OL' && tag !== 'UL') return null;
  const lastLi = b.pieces.at(-1)?.li;
  const currentLast = !!lastLi && (lastLi.hasAttribute('aria-current') || !!lastLi.querySelector('[aria-current]'));
  if (!currentLast && !(tag === 'OL' && b.el.closest('nav'))) return null;
  // Liste sans séparateur écrit (dessiné en CSS) : une étape par li.
  const byLi = new Map<Element | null, string>();
  for (const p of b.pieces) byLi.set(p.li, `${byLi.get(p.li) ?? ''}${p.text}`);
  const lis = Array.from(byLi.values()).map((t) => squash(t).replace(CRUMB_EDGE, '').trim()).filter(Boolean);
  return lis.length <= 8 && looksLikeTrail(lis) ? lis : null;
}

const TRAIL_NAME = /ariane|breadcrumb/i;
const NOT_A_TRAIL = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'LI', 'IMG', 'svg']);

/**
 * Vrai si l'élément est nommé « fil d'Ariane » / « breadcrumb » : par aria-label (tout élément), ou par
 * aria-labelledby (nav et role="navigation" seulement : les champs d'un questionnaire en portent des milliers).
 */
function namedAsTrail(el: Element): boolean {
  // Un lien ou un champ nommé « … Ariane » n'est pas le fil lui-même.
  if (NOT_A_TRAIL.has(el.tagName)) return false;
  const label = el.getAttribute('aria-label');
  if (label) return TRAIL_NAME.test(label); // « Ariane » s'écrit sans accent : pas besoin de replier
  const ids = el.getAttribute('aria-labelledby');
  if (!ids || !(el.tagName === 'NAV' || el.getAttribute('role') === 'navigation')) return false;
  return TRAIL_NAME.test(ids.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '));
}

// Un seul sélecteur simple : une liste de sélecteurs à attributs partiels coûte cher à chaque lecture.
const LABELLED = '[aria-label],[aria-labelledby]';

/**
 * Trouve le fil d'Ariane, où qu'il soit écrit : d'abord un élément nommé « fil d'Ariane » / « breadcrumb »
 * (ses li, sinon son texte coupé aux séparateurs), sinon, en haut de page (avant le premier titre qui suit le titre
 * principal), un bloc qui se lit comme un chemin « A › B › C » (séparateurs › » → > / |) ou une liste à séparateurs
 * dessinés (voir trailFromBlock).
 */
function findBreadcrumb(doc: Document, mainHeadingEl: Element | undefined, blocks: TextBlock[]): { text: string; items: string[]; raw: string[] } {
  for (const el of Array.from(doc.querySelectorAll(LABELLED))) {
    if (!namedAsTrail(el) || isHiddenElement(el)) continue;
    const lis = Array.from(el.querySelectorAll('li'));
    const raw = (lis.length > 0 ? lis.map((li) => squash(li.textContent)) : splitTrail(el.textContent ?? ''))
      .map((t) => t.replace(CRUMB_EDGE, '').trim())
      .filter(Boolean);
    if (raw.length === 0) continue;
    return { text: foldText(el.textContent), items: raw.map((r) => foldText(r)), raw };
  }
  for (const b of blocks) {
    // Après le titre principal (son introduction), seuls les séparateurs typographiques comptent.
    const after = !!mainHeadingEl && (mainHeadingEl.compareDocumentPosition(b.el) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
    const raw = trailFromBlock(b, after);
    if (raw) return { text: foldText(blockText(b)), items: raw.map((r) => foldText(r)), raw };
  }
  return { text: '', items: [], raw: [] };
}

/** Lignes courtes (≤ 160 caractères) de l'en-tête de page parmi les blocs du haut de page : le produit y est parfois rappelé. */
function headerLines(blocks: TextBlock[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    const header = b.el.closest(BANNER);
    // L'en-tête d'un article, d'une section ou d'un critère n'est pas celui de la page.
    if (!header || header.closest(SECTIONING)) continue;
    const t = blockText(b);
    if (t.length > 0 && t.length <= 160 && /\p{L}/u.test(t)) lines.push(t);
    if (lines.length >= 30) break;
  }
  return lines;
}

export function collectSignals(doc: Document): PageSignals {
  // Les masquages des ancêtres, partagés par tous les titres et boutons (la reconnaissance court à chaque salve).
  return withDomCache(doc, () => collectSignalsNow(doc));
}

/**
 * Texte replié du début de `root` (au plus `limit` caractères) : un parcours des textes qui s'arrête à la limite,
 * au lieu de concaténer tout le texte d'un questionnaire de 250 critères pour n'en garder que le début.
 */
function leadingFoldedText(root: Element, limit: number): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) out += n.nodeValue ?? '';
  return foldText(out.slice(0, limit));
}

function collectSignalsNow(doc: Document): PageSignals {
  const body = doc.body;
  const dialogs = Array.from(doc.querySelectorAll(DIALOG_SELECTOR)).filter((d) => !isHiddenElement(d));
  const topDialog = dialogs.at(-1);
  const inDialog = (el: Element) => dialogs.some((d) => d.contains(el));

  const headingEls = Array.from(doc.querySelectorAll(HEADING_SELECTOR))
    // (L'interface de l'extension compte comme masquée : voir hiddenItself.)
    .filter((h) => !isHiddenElement(h) && !inDialog(h))
    .map((el) => ({ el, level: headingLevel(el), raw: squash(el.textContent) }))
    .filter((h) => h.raw.length > 0);
  // Morceaux et texte replié calculés à la demande : la plupart des détecteurs s'arrêtent au titre principal,
  // et une page de 250 critères a 250 titres.
  const headings = headingEls.map(({ el, level, raw }) => {
    let parts: string[] | undefined;
    let text: string | undefined;
    return {
      level,
      raw,
      // Un titre fait de plusieurs morceaux (une ligne produit puis le titre, par exemple) : chaque morceau
      // compte à part, comme une personne les lit.
      get parts(): string[] {
        return (parts ??= headingParts(el, raw));
      },
      get text(): string {
        return (text ??= headingText(this.parts));
      },
    };
  });
  const mainText = (h: { el: Element } | undefined) => (h ? headings[headingEls.indexOf(h as (typeof headingEls)[number])]?.text ?? '' : '');
  const h1 = headingEls.find((h) => h.level === 1);
  const top = headingEls.reduce<(typeof headingEls)[number] | undefined>((best, h) => (!best || h.level < best.level ? h : best), undefined);

  const buttons = Array.from(doc.querySelectorAll(BUTTON_SELECTOR))
    .filter((b) => !isHiddenElement(b))
    .map((b) => foldText(elementText(b) || b.getAttribute('aria-label')))
    .filter((t) => t.length > 0);

  const main = doc.querySelector('main,[role="main"]') ?? body;
  let text = '';
  if (main) {
    // Texte de la page hors fenêtre modale : on retire le texte des modales incluses.
    // Les indices de reconnaissance sont en tête de page : inutile de replier tout le texte d'un long questionnaire.
    text = leadingFoldedText(main, TEXT_LIMIT);
    for (const d of dialogs) {
      if (main.contains(d)) text = text.replace(foldText(d.textContent), ' ');
    }
  }

  // Le haut de page (jusqu'au premier titre qui suit le titre principal), lu une fois pour le fil et l'en-tête.
  const mainEl = (h1 ?? top)?.el;
  let seenMain = false;
  const topBlocks = body
    ? collectBlocks(body, { texts: 400, chars: 8000, elements: 4000 }, (el) => {
        if (!isHeadingElement(el)) return false;
        if (seenMain) return true;
        if (el === mainEl) seenMain = true;
        return false;
      })
    : [];
  const crumb = findBreadcrumb(doc, mainEl, topBlocks);
  return {
    headings,
    mainHeading: mainText(h1 ?? top),
    mainHeadingRaw: (h1 ?? top)?.raw ?? '',
    breadcrumb: crumb.text,
    breadcrumbItems: crumb.items,
    breadcrumbRaw: crumb.raw,
    dialog: topDialog ? foldText(topDialog.textContent) : '',
    buttons,
    text,
    documentTitle: squash(doc.title),
    headerLines: headerLines(topBlocks),
  };
}
