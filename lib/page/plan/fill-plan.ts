/**
 * Ce qu'on veut voir sur la page, d'après la bibliothèque : une valeur par clé de cible
 * (cf. fill/targets.ts). Pur : la page lue et les réponses résolues en entrée.
 */
import { formatConformity, formatLevel } from '../../domain/levels';
import type { Answer, CompanyProfile, Product } from '../../domain/schemas';
import { companyFieldOf, FICHE_PRODUCT_FIELDS, productFieldOf, productTypeLabel } from './fields';
import type { FormField, PageModel } from '../model/page';

/** Valeur canonique d'un champ : texte, code (niveau « 2 », « conforme », libellé d'option), ou liste. */
export type FieldValue = string | string[];

/** Clé de remplissage d'un champ de formulaire : son numéro de question, sinon son libellé replié. */
export function fieldKey(prefix: string, f: Pick<FormField, 'number' | 'key'>): string {
  return `${prefix}#${f.number ? `q${f.number}` : f.key}`;
}

/** Les mots des libellés du rapport, fournis par l'interface dans sa langue (français par défaut). */
interface FillWords {
  level: string;
  comment: string;
  specificite: string;
  review: string;
}

const FILL_WORDS_FR: FillWords = { level: 'niveau', comment: 'commentaire', specificite: 'spécificité', review: 'à revoir (marque blanche)' };

export interface FillSource {
  answers: readonly Answer[];
  words?: FillWords;
  /** Critères hérités à revoir (susceptibles de différer en marque blanche, guide §4). */
  review?: ReadonlySet<string>;
  product?: Product;
  company?: CompanyProfile;
}

type Wanted = Map<string, { value: FieldValue; label: string }>;

export function wantedFor(model: PageModel, src: FillSource): Wanted {
  const wanted: Wanted = new Map();
  const words = src.words ?? FILL_WORDS_FR;
  if (model.type === 'criteria') {
    const onPage = new Map(model.criteria.map((c) => [c.id, c]));
    for (const a of src.answers) {
      if (a.questionnaire !== model.questionnaire) continue;
      const c = onPage.get(a.criterionId);
      const id = a.criterionId;
      const flag = src.review?.has(id) ? ` — ⚑ ${words.review}` : '';
      if (a.value?.kind === 'niveau') wanted.set(`${id}#niveau`, { value: a.value.level, label: `${id} — ${words.level} (${formatLevel(a.value.level, c?.scale)})${flag}` });
      if (a.value?.kind === 'conformite') wanted.set(`${id}#conformite`, { value: a.value.conformity, label: `${id} — ${formatConformity(a.value.conformity)}${flag}` });
      if (a.comment.trim()) wanted.set(`${id}#commentaire`, { value: a.comment, label: `${id} — ${words.comment}` });
      if (a.specificite && c?.specificite) wanted.set(`${id}#specificite`, { value: a.specificite, label: `${id} — ${words.specificite}` });
    }
  } else if (model.type === 'form' && model.form === 'orientation') {
    const byId = new Map(src.answers.filter((a) => a.questionnaire === 'orientation').map((a) => [a.criterionId, a]));
    for (const [id, a] of byId) {
      const number = id.replace(/^Q/i, '');
      const f = model.fields.find((x) => x.number === number);
      const key = fieldKey('orientation', { number, key: '' });
      const label = `${number}. ${f?.label.replace(/^\s*[\d.]+\s*[.)]\s*/, '') ?? 'question d\'orientation'}`;
      if (a.value?.kind === 'choix') {
        const multiple = f ? f.type === 'checkbox-group' : a.value.choices.length > 1;
        wanted.set(key, { value: multiple ? a.value.choices : (a.value.choices[0] ?? ''), label });
      } else if (a.value?.kind === 'texte') wanted.set(key, { value: a.value.text, label });
    }
  } else if (model.type === 'form' && model.form === 'produit' && src.product) {
    const p = src.product;
    for (const f of model.fields) {
      const field = productFieldOf(f.key);
      if (!field) continue;
      const value: FieldValue | undefined =
        field === 'type' ? productTypeLabel(p.type) : field === 'interests' ? p.interests : (p[field] ?? undefined);
      if (value !== undefined && (Array.isArray(value) ? value.length > 0 : value !== '')) {
        wanted.set(fieldKey('produit', f), { value, label: f.label });
      }
    }
  } else if (model.type === 'form' && model.form === 'fiche-administrative' && src.company) {
    const c = src.company;
    for (const f of model.fields) {
      if (FICHE_PRODUCT_FIELDS.test(f.key)) continue;
      const field = companyFieldOf(f.key);
      const value = field ? c[field] : c.extra[f.label];
      if (typeof value === 'string' && value !== '') wanted.set(fieldKey('fiche-administrative', f), { value, label: f.label });
    }
  }
  return wanted;
}
