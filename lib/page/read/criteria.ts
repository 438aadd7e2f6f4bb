import { pageText, type PageText } from '../model/text';
import { parseConformity, parseLevel, parseMinimumText, parseOuiNon, sortLevels, type Level } from '../../domain/levels';
import { questionnaireFromLabel } from '../../domain/questionnaires';
import { accessibleName, buttonText, visibleText } from '../dom/name';
import type { PageCriterion, PageOption, PageQuestionnaire } from '../model/page';
import { isHiddenElement } from './signals';
import { foldText } from '../../text/normalize';
import { leadingCriterionId } from './ids';
import { readDepositZones } from './zones';

/** Boutons qui marquent le pied du questionnaire : un bloc de critère ne les englobe jamais. */
const FOOTER_BUTTONS = /^(valider|retour|enregistrer comme brouillon|enregistrer et demander validation)$/;

interface IdMark {
  id: string;
  el: Element;
}

/** Trouve les éléments dont le texte commence par un identifiant de critère (le plus profond). */
function findIdMarks(root: Element): IdMark[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const marks: IdMark[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.nodeValue;
    if (!value || value.length < 4) continue;
    const id = leadingCriterionId(value);
    if (!id) continue;
    const el = n.parentElement;
    if (!el || el.closest('label,option,select,textarea,button,[role="button"],[role="radio"]')) continue;
    // Le texte doit être le début visible de l'élément (pas une référence au milieu d'une phrase).
    if (leadingCriterionId(el.textContent ?? '') !== id) continue;
    if (isHiddenElement(el)) continue;
    marks.push({ id, el });
  }
  return marks;
}

/** Pour chaque identifiant, le plus grand ancêtre qui ne contient aucun autre identifiant ni le pied de page. */
function criterionContainers(root: Element, marks: IdMark[]): Map<IdMark, Element> {
  const idsBelow = new Map<Element, Set<string>>();
  const blocked = new Set<Element>();
  for (const m of marks) {
    for (let a: Element | null = m.el; a && a !== root.parentElement; a = a.parentElement) {
      let s = idsBelow.get(a);
      if (!s) idsBelow.set(a, (s = new Set()));
      s.add(m.id);
    }
  }
  for (const b of Array.from(root.querySelectorAll('button,[role="button"],input[type="submit"],h1'))) {
    if (b.tagName === 'H1' || FOOTER_BUTTONS.test(foldText(buttonText(b)))) {
      for (let a: Element | null = b; a; a = a.parentElement) blocked.add(a);
    }
  }
  const out = new Map<IdMark, Element>();
  for (const m of marks) {
    let cur = m.el;
    for (let p = cur.parentElement; p && p !== root.parentElement; p = p.parentElement) {
      if ((idsBelow.get(p)?.size ?? 0) > 1 || blocked.has(p)) break;
      cur = p;
    }
    out.set(m, cur);
  }
  return out;
}

function hasAnswerControls(el: Element): boolean {
  return el.querySelector('input[type="radio"],input[type="checkbox"],input[type="file"]') !== null;
}

function optionOf(input: HTMLInputElement): PageOption {
  const label = accessibleName(input);
  // ✓ dans le libellé, ou juste à côté du bouton (même parent), marque un niveau acceptable.
  // (Le parent n'est relu que s'il n'est pas déjà le libellé, compté dans le nom accessible.)
  const parent = input.parentElement;
  let acceptableMark = /[✓✔☑]/.test(label);
  if (!acceptableMark && parent && parent.tagName !== 'LABEL' && /[✓✔☑]/.test(parent.textContent ?? '') && sameOptionScope(input)) {
    const around = visibleText(parent);
    acceptableMark = /[✓✔☑]/.test(around) && around.length < 400;
  }
  return { label: label.replace(/^[\s✓✔☑]+/, '').trim(), control: input, checked: input.checked, acceptableMark };
}

/** Vrai si le parent du bouton ne contient que ce bouton (sinon un ✓ voisin appartient à une autre option). */
function sameOptionScope(input: HTMLInputElement): boolean {
  return (input.parentElement?.querySelectorAll('input[type="radio"],input[type="checkbox"]').length ?? 0) === 1;
}

/** Regroupe les boutons radio d'un bloc par attribut name, à défaut par groupe ARIA ou fieldset. */
function radioGroups(container: Element, choices: HTMLInputElement[]): HTMLInputElement[][] {
  const groups = new Map<string | Element, HTMLInputElement[]>();
  for (const input of choices) {
    if (isHiddenElement(input)) continue;
    const key: string | Element =
      (input.type === 'radio' && input.name) || input.closest('[role="radiogroup"],[role="group"],fieldset') || container;
    const list = groups.get(key) ?? [];
    list.push(input);
    groups.set(key, list);
  }
  return [...groups.values()];
}

/** Question posée par un groupe : légende, nom du groupe ARIA, ou texte précédent. */
function groupQuestion(group: HTMLInputElement[]): string {
  const first = group[0];
  if (!first) return '';
  const holder = first.closest('fieldset,[role="radiogroup"],[role="group"]');
  if (holder) {
    const legend = holder.tagName === 'FIELDSET' ? holder.querySelector('legend') : null;
    if (legend) return visibleText(legend);
    const name = accessibleName(holder);
    if (name) return name;
  }
  return '';
}

/**
 * Ce qu'un bloc de critère contient, relevé en un seul parcours : les feuilles de texte (éléments sans enfant
 * élément) et les éléments candidats au texte du minimum. Lire 250 critères en quelques millisecondes interdit
 * de replier le texte de chaque élément de chaque bloc plusieurs fois (nature, objectif, conditions, minimum).
 */
interface BlockIndex {
  leaves: Element[];
  minimumCandidates: Element[];
  /** Boutons radio et cases à cocher, champs de texte (commentaire), boutons : dans l'ordre du document. */
  choices: HTMLInputElement[];
  texts: (HTMLTextAreaElement | HTMLInputElement)[];
  buttons: HTMLElement[];
}

const MINIMUM_TAGS = new Set(['P', 'DIV', 'SPAN', 'STRONG', 'EM', 'DD', 'LI', 'SMALL']);
const PARAGRAPH_HEADING_TAGS = new Set(['H3', 'H4', 'H5', 'H6', 'DT', 'STRONG', 'B', 'P', 'SPAN', 'DIV']);
/** Début possible de la formule du minimum (« Aucun niveau… », « Niveau minimum… », « Le(s) niveau(x)… »), avant tout repli. */
const MINIMUM_START = /^[\s\u00a0]*(aucun[\s\u00a0]+niveau|niveau[\s\u00a0]+minimum|les?[\s\u00a0]+niveaux?(?![\p{L}\d]))/iu;

function indexBlock(container: Element): BlockIndex {
  const block: BlockIndex = { leaves: [], minimumCandidates: [], choices: [], texts: [], buttons: [] };
  const walker = container.ownerDocument.createTreeWalker(container, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      // Le minimum commence par sa formule : seul un texte qui commence comme elle désigne des candidats.
      if (MINIMUM_START.test(n.nodeValue ?? '')) addMinimumCandidates(block, n, container);
      continue;
    }
    const el = n as Element;
    const tag = el.tagName;
    if (el.childElementCount === 0) block.leaves.push(el);
    if (tag === 'INPUT') {
      const type = (el as HTMLInputElement).type;
      if (type === 'radio' || type === 'checkbox') block.choices.push(el as HTMLInputElement);
      else if (type === 'text') block.texts.push(el as HTMLInputElement);
      if (type === 'checkbox') block.buttons.push(el as HTMLInputElement);
    } else if (tag === 'TEXTAREA') block.texts.push(el as HTMLTextAreaElement);
    else if (tag === 'BUTTON' || el.getAttribute('role') === 'button') block.buttons.push(el as HTMLElement);
  }
  return block;
}

/**
 * Les éléments dont le texte visible commence par ce texte : ses ancêtres (dans le bloc) dont il est le premier
 * texte, du plus englobant au plus proche, comme l'ordre du document les donnerait.
 */
function addMinimumCandidates(block: BlockIndex, text: Node, container: Element): void {
  const chain: Element[] = [];
  for (let el = text.parentElement; el && el !== container; el = el.parentElement) {
    if (leadingTextNode(el) !== text) break;
    if (MINIMUM_TAGS.has(el.tagName)) chain.push(el);
  }
  for (let i = chain.length - 1; i >= 0; i--) block.minimumCandidates.push(chain[i]!);
}

/** Le premier texte non vide d'un élément (son début visible), sans concaténer tout son contenu. */
function leadingTextNode(el: Element): Node | null {
  for (let n: Node | null = el.firstChild; n; ) {
    if (n.nodeType === 3) {
      if (n.nodeValue && n.nodeValue.trim()) return n;
    } else if (n.nodeType === 1 && n.firstChild && !/^(SCRIPT|STYLE|SELECT|TEXTAREA)$/.test((n as Element).tagName)) {
      n = n.firstChild;
      continue;
    }
    while (n && !n.nextSibling && n.parentNode !== el) n = n.parentNode;
    n = n ? n.nextSibling : null;
  }
  return null;
}

/**
 * Texte d'une feuille, replié, seulement s'il peut être l'intitulé cherché : court, et commençant comme lui
 * (`start`, sur le texte brut) ; sinon null, sans rien replier.
 */
function foldedIf(el: Element, max: number, start: RegExp): string | null {
  const raw = el.textContent ?? '';
  return raw.length > max || !start.test(raw) ? null : foldText(raw);
}

const BADGE_START = /^[\s\u00a0]*o/i;
const PARAGRAPH_START = /^[\s\u00a0]*(objectif|condition)/i;

function badge(block: BlockIndex): 'obligation' | 'option' | null {
  for (const el of block.leaves) {
    const t = foldedIf(el, 40, BADGE_START);
    if (t === 'obligation' || t === 'obligatoire') return 'obligation';
    if (t === 'option' || t === 'optionnel') return 'option';
  }
  return null;
}

/** Textes qui suivent les intitulés « Objectif du critère » et « Conditions d'affichage » dans le bloc (un seul parcours). */
function labelledParagraphs(block: BlockIndex): { objective?: string; displayCondition?: string } {
  const out: { objective?: string; displayCondition?: string } = {};
  for (const el of block.leaves) {
    if (!PARAGRAPH_HEADING_TAGS.has(el.tagName)) continue;
    const t = foldedIf(el, 120, PARAGRAPH_START);
    if (!t) continue;
    const which = /^objectif du critere/.test(t) ? 'objective' : /^conditions? d'affichage/.test(t) ? 'displayCondition' : null;
    if (!which || out[which] !== undefined) continue;
    const next = el.nextElementSibling ?? el.parentElement?.nextElementSibling;
    const text = next ? visibleText(next) : '';
    if (text) out[which] = text;
  }
  return out;
}

const MINIMUM_TEXT = /^(aucun niveau minimum requis|niveau minimum requis|les? niveaux? .+ acceptables? pour ce critere)/;

/** Le niveau minimum affiché dans le bloc : l'élément dont le texte commence par la formule du guide. */
function minimumFromBlock(block: BlockIndex): { levels: Level[]; text: string } | null {
  for (const el of block.minimumCandidates) {
    if (el.querySelector('input,textarea,select')) continue;
    const raw = visibleText(el);
    if (raw.length > 300) continue;
    const n = foldText(raw);
    if (!MINIMUM_TEXT.test(n)) continue;
    if (n.startsWith('aucun')) return { levels: [], text: raw };
    const parsed = parseMinimumText(raw);
    if (parsed.ok) return { levels: parsed.acceptable, text: raw };
  }
  return null;
}

/**
 * Les libellés d'options se répètent d'un critère à l'autre (« Niveau 2 : … », « Conforme ») : leur analyse, pure,
 * est gardée (borné) pour qu'une relecture de la page ne refasse pas des milliers de fois le même travail.
 */
const parsedLabels = new Map<string, { level: Level | null; conformity: ReturnType<typeof parseConformity> }>();
function parsedLabel(label: string): { level: Level | null; conformity: ReturnType<typeof parseConformity> } {
  let r = parsedLabels.get(label);
  if (!r) {
    if (parsedLabels.size > 5000) parsedLabels.clear();
    r = { level: parseLevel(label), conformity: parseConformity(label) };
    parsedLabels.set(label, r);
  }
  return r;
}

/** Lit un bloc de critère. */
function readCriterion(id: string, idEl: Element, container: Element, section: string | undefined): PageCriterion {
  const problems: PageText[] = [];
  const idText = visibleText(idEl);
  let title = idText.slice(idText.indexOf(id) + id.length).replace(/^[\s:–—-]+/, '').trim();
  if (!title) {
    const next = idEl.nextElementSibling ?? idEl.parentElement?.nextElementSibling;
    // Le titre est le premier texte qui suit : le premier élément titre/gras du bloc voisin, sinon tout son texte.
    const strong = next?.matches('h2,h3,h4,h5,strong,b,p') ? next : next?.querySelector('h2,h3,h4,h5,strong,b,p');
    title = strong ? visibleText(strong) : next ? visibleText(next) : '';
  }

  let levelGroup: PageOption[] | null = null;
  let conformityGroup: PageOption[] | null = null;
  let specificite: PageCriterion['specificite'] = null;
  const block = indexBlock(container);
  for (const group of radioGroups(container, block.choices)) {
    const options = group.map(optionOf);
    const question = foldText(groupQuestion(group));
    if (question.includes('specifique') || question.includes('specificite')) {
      const checked = options.find((o) => o.checked);
      specificite = { value: checked ? parseOuiNon(checked.label) : null, options };
      continue;
    }
    if (options.every((o) => parsedLabel(o.label).conformity !== null)) conformityGroup = options;
    else if (options.filter((o) => parsedLabel(o.label).level !== null).length >= 2) levelGroup = options;
  }

  // Zones de preuves : le lecteur unique (zones.ts), borné au bloc du critère.
  const evidence = readDepositZones(container);
  const kind: PageCriterion['kind'] = levelGroup ? 'niveau' : conformityGroup ? 'conformite' : 'preuves';
  const options = levelGroup ?? conformityGroup ?? [];
  const checked = options.find((o) => o.checked);
  const level = levelGroup && checked ? parsedLabel(checked.label).level : null;
  const conformity = conformityGroup && checked ? parsedLabel(checked.label).conformity : null;
  if (!levelGroup && !conformityGroup && evidence.length === 0) problems.push(pageText('critereSansReponse', { id }));

  // Niveaux acceptables : ✓ sur les options, sinon le texte du bloc.
  let acceptableLevels: Level[] = [];
  let minimumText: string | undefined;
  const marked = (levelGroup ?? []).filter((o) => o.acceptableMark).map((o) => parsedLabel(o.label).level).filter((l): l is Level => l !== null);
  const fromText = minimumFromBlock(block);
  if (marked.length > 0) {
    acceptableLevels = sortLevels(marked);
    minimumText = fromText?.text ?? 'niveaux marqués ✓';
  } else if (fromText) {
    acceptableLevels = fromText.levels;
    minimumText = fromText.text;
  } else if (levelGroup) {
    problems.push(pageText('minimumNonIndique', { id }));
  }

  const textarea = block.texts.find((c) => !isHiddenElement(c));
  const takeFromProducer =
    block.buttons.find((b) =>
      foldText(b instanceof HTMLInputElement ? accessibleName(b) : buttonText(b)).includes("recuperer la reponse de l'editeur producteur"),
    ) ?? null;

  const obligation = badge(block);
  if (!obligation) problems.push(pageText('natureNonIndiquee', { id }));

  return {
    id,
    title,
    section,
    container,
    obligation,
    kind,
    scale: levelGroup ? (levelGroup.some((o) => /maturit/i.test(o.label)) ? 'maturite' : 'niveau') : undefined,
    acceptableLevels,
    minimumText,
    options,
    level,
    conformity,
    comment: textarea ? { value: textarea.value, control: textarea } : null,
    evidence,
    specificite,
    takeFromProducer,
    ...labelledParagraphs(block),
    problems,
  };
}

/**
 * Relire 250 critères à chaque salve de changements de la page coûterait : la lecture d'un bloc est gardée tant
 * que rien n'a changé dans ce bloc (ni élément, ni attribut, ni texte : un MutationObserver par document le dit).
 * Seules les valeurs, qui changent sans mutation du DOM (option cochée, texte d'un champ), sont relues à chaque fois.
 * Un bloc détaché du document n'est jamais gardé (aucun observateur n'y verrait ses changements).
 */
interface KeptBlock {
  id: string;
  idEl: Element;
  section: string | undefined;
  criterion: PageCriterion;
}
const keptBlocks = new WeakMap<Element, KeptBlock>();
const observedDocs = new WeakMap<Document, MutationObserver>();

function forgetChanged(records: MutationRecord[]): void {
  for (const r of records) {
    for (let n: Node | null = r.target; n; n = n.parentNode) {
      if (n.nodeType === 1 && keptBlocks.delete(n as Element)) break; // les blocs ne s'emboîtent pas
    }
  }
}

function watchDocument(doc: Document): void {
  const obs = observedDocs.get(doc);
  if (obs) {
    forgetChanged(obs.takeRecords());
    return;
  }
  const Observer = doc.defaultView?.MutationObserver ?? (typeof MutationObserver === 'function' ? MutationObserver : null);
  if (!Observer || !doc.documentElement) return;
  const o = new Observer(forgetChanged);
  o.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  observedDocs.set(doc, o);
}

function cachedCriterion(id: string, idEl: Element, container: Element, section: string | undefined): PageCriterion {
  const doc = container.ownerDocument;
  const kept = keptBlocks.get(container);
  if (kept && kept.id === id && kept.idEl === idEl && kept.section === section && container.isConnected && observedDocs.has(doc)) {
    return withCurrentValues(kept.criterion);
  }
  const criterion = readCriterion(id, idEl, container, section);
  if (container.isConnected && observedDocs.has(doc)) keptBlocks.set(container, { id, idEl, section, criterion });
  return criterion;
}

/** Le critère gardé, avec ce qui change sans mutation du DOM relu maintenant : options cochées, commentaire. */
function withCurrentValues(c: PageCriterion): PageCriterion {
  const options = c.options.map((o) => ({ ...o, checked: o.control.checked }));
  const checked = options.find((o) => o.checked);
  const specificite = c.specificite
    ? (() => {
        const opts = c.specificite.options.map((o) => ({ ...o, checked: o.control.checked }));
        const on = opts.find((o) => o.checked);
        return { value: on ? parseOuiNon(on.label) : null, options: opts };
      })()
    : null;
  return {
    ...c,
    options,
    level: c.kind === 'niveau' && checked ? parsedLabel(checked.label).level : null,
    conformity: c.kind === 'conformite' && checked ? parsedLabel(checked.label).conformity : null,
    comment: c.comment ? { value: c.comment.control.value, control: c.comment.control } : null,
    specificite,
    evidence: [...c.evidence],
    acceptableLevels: [...c.acceptableLevels],
    problems: [...c.problems],
  };
}

/** Lit tous les critères d'un questionnaire d'évaluation affiché dans `root`. */
export function readQuestionnaire(root: Element, title = ''): PageQuestionnaire {
  watchDocument(root.ownerDocument);
  const marks = findIdMarks(root);
  const containers = criterionContainers(root, marks);
  const criteria: PageCriterion[] = [];
  const unreadable: string[] = [];
  const unsupported: string[] = [];
  const seen = new Set<string>();
  let section: string | undefined;
  for (const m of marks) {
    const container = containers.get(m);
    if (!container) continue;
    if (!hasAnswerControls(container)) {
      // Une réponse dans un contrôle non pris en charge (liste déroulante, bouton ARIA) : critère illisible, dit.
      if (container.querySelector('select,[role="radio"],[role="radiogroup"],[role="listbox"],[role="combobox"],[contenteditable="true"]')) {
        unsupported.push(m.id);
        continue;
      }
      // Un identifiant sans contrôle : un titre de section (préfixe des critères suivants).
      const text = visibleText(m.el);
      if (text.length > m.id.length) section = text;
      else unreadable.push(m.id);
      continue;
    }
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    criteria.push(cachedCriterion(m.id, m.el, container, section));
  }
  return { questionnaire: questionnaireFromLabel(title), title, criteria, unreadable, unsupported };
}
