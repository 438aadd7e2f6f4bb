import { isMandatory as isMandatoryNature } from '../../rules/criterion-predicates';
import type { PageCriterion } from '../model/page';

/**
 * Un critère lu sur la page est obligatoire s'il est marqué « Obligation » ; sans marque lisible, la règle
 * prudente commune aux réponses enregistrées (lib/rules/criterion-predicates) tranche.
 * Une seule règle pour le résumé du panneau, la garde et les repères.
 */
export function isMandatory(c: Pick<PageCriterion, 'obligation' | 'kind' | 'acceptableLevels'>): boolean {
  return isMandatoryNature(c);
}
