/** Résumé de ce qui a été lu sur une page, pour le panneau et la fenêtre de l'icône. */
import { isLevelAcceptable } from '../domain/levels';
import { isMandatory } from './mandatory';
import type { PageCriterion } from './model';
import type { PageModel } from './read/page';

export type PageSummary =
  | { type: 'criteria'; read: number; mandatory: number; atRisk: string[] }
  | { type: 'fields'; read: number; required: number; empty: string[] }
  | { type: 'zones'; read: number; empty: string[] }
  | { type: 'nothing' };

/** Un critère obligatoire est à risque : sans réponse, sous son minimum, Non conforme, ou Conforme sans preuve. */
export function criterionAtRisk(c: PageCriterion): boolean {
  if (!isMandatory(c)) return false;
  if (c.kind === 'niveau') return c.level === null || (c.acceptableLevels.length > 0 && !isLevelAcceptable(c.level, c.acceptableLevels));
  if (c.kind === 'conformite') return c.conformity !== 'conforme' || c.evidence.some((z) => z.files.length === 0);
  return c.evidence.some((z) => z.files.length === 0);
}

export function summarise(model: PageModel): PageSummary {
  switch (model.type) {
    case 'criteria':
      return {
        type: 'criteria',
        read: model.criteria.length,
        mandatory: model.criteria.filter(isMandatory).length,
        atRisk: model.criteria.filter(criterionAtRisk).map((c) => c.id),
      };
    case 'form': {
      const fields = model.fields.filter((f) => !f.readOnly);
      const required = fields.filter((f) => f.required);
      return {
        type: 'fields',
        read: fields.length,
        required: required.length,
        empty: required.filter((f) => (Array.isArray(f.value) ? f.value.length === 0 : f.value.trim() === '')).map((f) => f.label),
      };
    }
    case 'deposits':
      return { type: 'zones', read: model.zones.length, empty: model.zones.filter((z) => z.files.length === 0).map((z) => z.type) };
    default:
      return { type: 'nothing' };
  }
}
