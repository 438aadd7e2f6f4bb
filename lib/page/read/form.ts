import { accessibleName, visibleText } from '../dom/name';
import { isHiddenElement } from './signals';
import type { FormField } from '../model/page';
import { cleanLabel, foldText } from '../../text/normalize';

const TEXT_INPUTS = 'input:not([type]),input[type="text"],input[type="email"],input[type="tel"],input[type="url"],input[type="number"],input[type="date"],textarea,select';

function splitNumber(label: string): { number?: string; rest: string } {
  const m = /^\s*(\d{1,3}(?:\.\d{1,3})*)\s*[.)]\s+(.*)$/s.exec(label);
  return m?.[1] ? { number: m[1], rest: m[2] ?? '' } : { rest: label };
}

function field(labelRaw: string, partial: Omit<FormField, 'label' | 'key' | 'number' | 'required'>, requiredAttr: boolean): FormField {
  const required = requiredAttr || /\*\s*$/.test(labelRaw.trim());
  const label = cleanLabel(labelRaw);
  const { number, rest } = splitNumber(label);
  return { label, key: foldText(rest), number, required, ...partial };
}

/** Question d'un groupe d'options : légende, nom ARIA du groupe, ou texte précédant le groupe. */
function groupLabel(holder: Element | null, first: HTMLInputElement): string {
  if (holder?.tagName === 'FIELDSET') {
    const legend = holder.querySelector('legend');
    if (legend) return visibleText(legend);
  }
  if (holder) {
    const name = accessibleName(holder);
    if (name) return name;
  }
  // Repli : le texte de l'élément qui précède le premier bouton (ou son libellé).
  let prev: Element | null = (first.closest('label') ?? first).previousElementSibling;
  for (let p: Element | null = first.parentElement; !prev && p; p = p.parentElement) prev = p.previousElementSibling;
  return prev ? visibleText(prev) : '';
}

/** Lit tous les champs visibles d'un formulaire ou d'un questionnaire (hors interface de l'extension). */
export function readFormFields(root: Element, opts: { exclude?: (el: Element) => boolean } = {}): FormField[] {
  const out: FormField[] = [];
  const skip = (el: Element) => isHiddenElement(el) || opts.exclude?.(el) === true;

  // Groupes de boutons radio / cases : par fieldset ou groupe ARIA, sinon par attribut name.
  const groups = new Map<Element | string, HTMLInputElement[]>();
  for (const input of Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"],input[type="checkbox"]'))) {
    if (skip(input)) continue;
    const holder = input.closest('fieldset,[role="radiogroup"],[role="group"]');
    const key: Element | string = holder ?? (input.name ? `name:${input.name}` : input);
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }
  for (const [key, inputs] of groups) {
    const first = inputs[0];
    if (!first) continue;
    const holder = typeof key === 'string' ? null : key === first ? null : key;
    const options = inputs.map((c) => ({ label: cleanLabel(accessibleName(c)), control: c, checked: c.checked }));
    const isRadio = inputs.every((c) => c.type === 'radio');
    if (!isRadio && inputs.length === 1 && !holder) {
      out.push(field(accessibleName(first), { type: 'checkbox', value: first.checked ? 'oui' : 'non', options, control: first, readOnly: first.disabled }, first.required));
      continue;
    }
    const checked = options.filter((o) => o.checked).map((o) => o.label);
    const label = groupLabel(holder, first);
    const required = inputs.some((c) => c.required) || holder?.getAttribute('aria-required') === 'true';
    out.push(
      field(label, {
        type: isRadio ? 'radio' : 'checkbox-group',
        value: isRadio ? (checked[0] ?? '') : checked,
        options,
        control: null,
        readOnly: inputs.every((c) => c.disabled),
      }, required),
    );
  }

  for (const c of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(TEXT_INPUTS))) {
    if (skip(c)) continue;
    const label = accessibleName(c);
    if (c instanceof HTMLSelectElement) {
      const options = Array.from(c.options).map((o) => ({ label: o.text.trim(), control: o, checked: o.selected }));
      const chosen = c.selectedOptions[0];
      out.push(field(label, { type: 'select', value: chosen && chosen.value !== '' ? chosen.text.trim() : '', options, control: c, readOnly: c.disabled }, c.required));
    } else {
      const type = c instanceof HTMLTextAreaElement ? 'textarea' : 'text';
      out.push(field(label, { type, value: c.value, options: [], control: c, readOnly: c.readOnly || c.disabled }, c.required));
    }
  }
  // Valeurs affichées sans champ (fiche transmise, récapitulatif) : paires terme / définition.
  for (const dt of Array.from(root.querySelectorAll('dt'))) {
    if (skip(dt)) continue;
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName !== 'DD' || dd.querySelector('input,select,textarea')) continue;
    out.push({ ...field(visibleText(dt), { type: 'text', value: visibleText(dd), options: [], control: null, readOnly: true }, false), anchor: dt });
  }
  // Ordre du document, comme la personne les lit.
  const pos = (f: FormField) => f.control ?? (f.options[0]?.control as Element | undefined) ?? f.anchor;
  return out.sort((a, b) => {
    const x = pos(a);
    const y = pos(b);
    if (!x || !y || x === y) return 0;
    return x.compareDocumentPosition(y) & 4 /* FOLLOWING */ ? -1 : 1;
  });
}
