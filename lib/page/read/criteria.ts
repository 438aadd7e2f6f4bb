import { pageText, type PageText } from '../text';
import { parseConformity, parseLevel, parseMinimumText, parseOuiNon, sortLevels, type Level } from '../../domain/levels';
import { questionnaireFromLabel } from '../../domain/questionnaires';
import { accessibleName, buttonText, visibleText } from '../dom/name';
import type { PageCriterion, PageOption, PageQuestionnaire } from '../model';
import { isHiddenElement } from '../signals';
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
  const around = parent && parent.tagName !== 'LABEL' && sameOptionScope(input) ? visibleText(parent) : '';
  const acceptableMark = /[✓✔☑]/.test(label) || (/[✓✔☑]/.test(around) && around.length < 400 && sameOptionScope(input));
  return { label: label.replace(/^[\s✓✔☑]+/, '').trim(), control: input, checked: input.checked, acceptableMark };
}

/** Vrai si le parent du bouton ne contient que ce bouton (sinon un ✓ voisin appartient à une autre option). */
function sameOptionScope(input: HTMLInputElement): boolean {
  return (input.parentElement?.querySelectorAll('input[type="radio"],input[type="checkbox"]').length ?? 0) === 1;
}

/** Regroupe les boutons radio d'un bloc par attribut name, à défaut par groupe ARIA ou fieldset. */
function radioGroups(container: Element): HTMLInputElement[][] {
  const groups = new Map<string | Element, HTMLInputElement[]>();
  for (const input of Array.from(container.querySelectorAll<HTMLInputElement>('input[type="radio"],input[type="checkbox"]'))) {
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

function badge(container: Element): 'obligation' | 'option' | null {
  for (const el of Array.from(container.querySelectorAll('*'))) {
    if (el.children.length > 0) continue;
    const t = foldText(el.textContent);
    if (t === 'obligation' || t === 'obligatoire') return 'obligation';
    if (t === 'option' || t === 'optionnel') return 'option';
  }
  return null;
}

/** Texte qui suit un intitulé (« Objectif du critère », « Conditions d'affichage ») dans le bloc. */
function labelledParagraph(container: Element, heading: RegExp): string | undefined {
  for (const el of Array.from(container.querySelectorAll('h3,h4,h5,h6,dt,strong,b,p,span,div'))) {
    if (el.children.length > 0) continue;
    if (!heading.test(foldText(el.textContent))) continue;
    const next = el.nextElementSibling ?? el.parentElement?.nextElementSibling;
    const text = next ? visibleText(next) : '';
    if (text) return text;
  }
  return undefined;
}

const MINIMUM_TEXT = /^(aucun niveau minimum requis|niveau minimum requis|les? niveaux? .+ acceptables? pour ce critere)/;

/** Le niveau minimum affiché dans le bloc : l'élément dont le texte commence par la formule du guide. */
function minimumFromBlock(container: Element): { levels: Level[]; text: string } | null {
  for (const el of Array.from(container.querySelectorAll('p,div,span,strong,em,dd,li,small'))) {
    if (el.querySelector('input,textarea,select')) continue;
    const raw = visibleText(el);
    const n = foldText(raw);
    if (!MINIMUM_TEXT.test(n) || raw.length > 300) continue;
    if (n.startsWith('aucun')) return { levels: [], text: raw };
    const parsed = parseMinimumText(raw);
    if (parsed.ok) return { levels: parsed.acceptable, text: raw };
  }
  return null;
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
  for (const group of radioGroups(container)) {
    const options = group.map(optionOf);
    const question = foldText(groupQuestion(group));
    if (question.includes('specifique') || question.includes('specificite')) {
      const checked = options.find((o) => o.checked);
      specificite = { value: checked ? parseOuiNon(checked.label) : null, options };
      continue;
    }
    if (options.every((o) => parseConformity(o.label) !== null)) conformityGroup = options;
    else if (options.filter((o) => parseLevel(o.label) !== null).length >= 2) levelGroup = options;
  }

  // Zones de preuves : le lecteur unique (zones.ts), borné au bloc du critère.
  const evidence = readDepositZones(container);
  const kind: PageCriterion['kind'] = levelGroup ? 'niveau' : conformityGroup ? 'conformite' : 'preuves';
  const options = levelGroup ?? conformityGroup ?? [];
  const checked = options.find((o) => o.checked);
  const level = levelGroup && checked ? parseLevel(checked.label) : null;
  const conformity = conformityGroup && checked ? parseConformity(checked.label) : null;
  if (!levelGroup && !conformityGroup && evidence.length === 0) problems.push(pageText('critereSansReponse', { id }));

  // Niveaux acceptables : ✓ sur les options, sinon le texte du bloc.
  let acceptableLevels: Level[] = [];
  let minimumText: string | undefined;
  const marked = (levelGroup ?? []).filter((o) => o.acceptableMark).map((o) => parseLevel(o.label)).filter((l): l is Level => l !== null);
  const fromText = minimumFromBlock(container);
  if (marked.length > 0) {
    acceptableLevels = sortLevels(marked);
    minimumText = fromText?.text ?? 'niveaux marqués ✓';
  } else if (fromText) {
    acceptableLevels = fromText.levels;
    minimumText = fromText.text;
  } else if (levelGroup) {
    problems.push(pageText('minimumNonIndique', { id }));
  }

  const textarea = Array.from(container.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea,input[type="text"]')).find(
    (c) => !isHiddenElement(c),
  );
  const takeFromProducer =
    Array.from(container.querySelectorAll<HTMLElement>('button,[role="button"],input[type="checkbox"]')).find((b) =>
      foldText(b instanceof HTMLInputElement ? accessibleName(b) : buttonText(b)).includes("recuperer la reponse de l'editeur producteur"),
    ) ?? null;

  const obligation = badge(container);
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
    objective: labelledParagraph(container, /^objectif du critere/),
    displayCondition: labelledParagraph(container, /^conditions? d'affichage/),
    problems,
  };
}

/** Lit tous les critères d'un questionnaire d'évaluation affiché dans `root`. */
export function readQuestionnaire(root: Element, title = ''): PageQuestionnaire {
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
    criteria.push(readCriterion(m.id, m.el, container, section));
  }
  return { questionnaire: questionnaireFromLabel(title), title, criteria, unreadable, unsupported };
}
