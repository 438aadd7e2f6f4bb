/** Cibles de remplissage construites à partir de ce qui a été lu sur la page. */
import { formatConformity, formatLevel, parseConformity, parseLevel, parseOuiNon } from '../../domain/levels';
import { foldText } from '../../text/normalize';
import type { PageCriterion, PageOption, FormField } from '../model/page';
import { checkOption, selectOption, typeText, typeValue } from './events';
import type { FillTarget, Gesture } from './engine';
import { fieldKey, type FieldValue } from '../plan/fill-plan';

function optionTarget(
  key: string,
  label: string,
  options: PageOption[] | FormField['options'],
  code: (optionLabel: string) => string | null,
  display: (v: string) => string,
): FillTarget {
  const inputs = () => options.map((o) => ({ label: o.label, control: o.control as HTMLInputElement }));
  return {
    key,
    label,
    clearable: false,
    read() {
      const checked = inputs().find((o) => o.control.checked);
      return checked ? code(checked.label) : null;
    },
    gestures(value) {
      const target = inputs().find((o) => code(o.label) === value);
      if (!target) return null;
      return [{ run: () => checkOption(target.control), control: target.control }];
    },
    display: (v) => (typeof v === 'string' && v ? display(v) : ''),
  };
}

function textTarget(key: string, label: string, control: HTMLInputElement | HTMLTextAreaElement): FillTarget {
  const text = (v: FieldValue) => (typeof v === 'string' ? v : v.join('\n'));
  return {
    key,
    label,
    clearable: true,
    read: () => control.value,
    gestures: (v) => [{ run: () => typeValue(control, text(v)), alone: () => typeText(control, text(v)), control }],
  };
}

/** Les champs d'un critère : niveau ou conformité, commentaire, question de spécificité. */
export function criterionTargets(c: PageCriterion): FillTarget[] {
  const out: FillTarget[] = [];
  if (c.kind === 'niveau' && c.options.length > 0) {
    out.push(optionTarget(`${c.id}#niveau`, `${c.id} — niveau`, c.options, parseLevel, (v) => formatLevel(v as never, c.scale)));
  } else if (c.kind === 'conformite' && c.options.length > 0) {
    out.push(optionTarget(`${c.id}#conformite`, `${c.id} — conformité`, c.options, parseConformity, (v) => formatConformity(v as never)));
  }
  if (c.comment) out.push(textTarget(`${c.id}#commentaire`, `${c.id} — commentaire`, c.comment.control));
  if (c.specificite) {
    out.push(optionTarget(`${c.id}#specificite`, `${c.id} — spécificité`, c.specificite.options, parseOuiNon, (v) => (v === 'oui' ? 'Oui' : 'Non')));
  }
  return out;
}

/** Les champs d'un formulaire (produit, fiche administrative, orientation), par clé de libellé. */
export function formFieldTargets(fields: FormField[], prefix: string): FillTarget[] {
  return fields.flatMap<FillTarget>((f) => {
    const key = fieldKey(prefix, f);
    const label = f.number ? `${f.number}. ${f.label}` : f.label;
    if (f.readOnly) return [];
    if ((f.type === 'text' || f.type === 'textarea') && f.control && !(f.control instanceof HTMLSelectElement)) {
      return [textTarget(key, label, f.control)];
    }
    if (f.type === 'select' && f.control instanceof HTMLSelectElement) {
      const select = f.control;
      return [{
        key, label, clearable: true,
        read: () => (select.selectedOptions[0] && select.value !== '' ? select.selectedOptions[0].text.trim() : ''),
        gestures: (v) => [{ run: () => selectOption(select, typeof v === 'string' ? v : (v[0] ?? '')), control: select }],
      }];
    }
    if (f.type === 'radio') {
      return [optionTarget(key, label, f.options, (l) => l, (v) => v)];
    }
    if (f.type === 'checkbox-group' || f.type === 'checkbox') {
      const boxes = f.options.map((o) => ({ label: o.label, control: o.control as HTMLInputElement }));
      const single = f.type === 'checkbox';
      return [{
        key, label, clearable: true,
        read: (): FieldValue => (single ? (boxes[0]?.control.checked ? 'oui' : '') : boxes.filter((b) => b.control.checked).map((b) => b.label)),
        gestures(v): Gesture[] | null {
          if (single) {
            const box = boxes[0];
            return box ? [{ run: () => checkOption(box.control, v === 'oui' || (Array.isArray(v) && v.length > 0)), control: box.control }] : null;
          }
          const wantedLabels = new Set((Array.isArray(v) ? v : [v]).map((x) => foldText(x)));
          if (![...wantedLabels].every((w) => boxes.some((b) => foldText(b.label) === w))) return null;
          // Chaque case est un geste distinct qui dépend du rendu du précédent (un gestionnaire qui lit la liste
          // cochée du dernier rendu perdrait la case d'avant) : le moteur laisse la page rendre entre deux.
          return boxes
            .filter((b) => b.control.checked !== wantedLabels.has(foldText(b.label)))
            .map((b) => ({ run: () => checkOption(b.control, wantedLabels.has(foldText(b.label))), control: b.control }));
        },
      }];
    }
    return [];
  });
}
