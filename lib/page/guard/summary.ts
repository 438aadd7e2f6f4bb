/** Résumé de ce qui a été lu sur une page, pour le panneau et la fenêtre de l'icône. */
import { evaluateCriteria, isAtRisk, missingDeposits } from './criterion';
import type { KnownCriteria } from './known';
import { isMandatory } from './mandatory';
import type { PageModel } from '../model/page';

export type PageSummary =
  | { type: 'criteria'; read: number; mandatory: number; atRisk: string[] }
  | { type: 'fields'; read: number; required: number; empty: string[] }
  | { type: 'zones'; read: number; empty: string[] }
  | { type: 'nothing' };

export { criterionAtRisk } from './criterion';

/**
 * « À risque » et « zone vide » viennent de l'évaluation de la garde (guard/criterion.ts) : le panneau ne peut
 * pas dire d'un critère ce que la garde ne dirait pas. `known` : ce que la bibliothèque sait des critères
 * (minimum, nature) quand la page ne l'écrit pas, comme pour la garde.
 */
export function summarise(model: PageModel, known?: KnownCriteria): PageSummary {
  switch (model.type) {
    case 'criteria': {
      const evaluated = evaluateCriteria(model, { questionnaire: model.questionnaire, known });
      return {
        type: 'criteria',
        read: evaluated.length,
        mandatory: evaluated.filter((e) => isMandatory(e.criterion)).length,
        atRisk: evaluated.filter((e) => isAtRisk(e.problems)).map((e) => e.criterion.id),
      };
    }
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
      return { type: 'zones', read: model.zones.length, empty: missingDeposits(model.zones).map((p) => p.ref) };
    default:
      return { type: 'nothing' };
  }
}
