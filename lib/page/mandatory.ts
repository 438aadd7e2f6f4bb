import type { PageCriterion } from './model';

/**
 * Un critère lu sur la page est obligatoire s'il est marqué « Obligation ». Sans marque lisible, on reste
 * prudent : un critère de conformité (Éthique) l'est, un critère à niveaux l'est s'il affiche un minimum.
 * Une seule règle pour le résumé du panneau, la garde et les repères.
 */
export function isMandatory(c: Pick<PageCriterion, 'obligation' | 'kind' | 'acceptableLevels'>): boolean {
  if (c.obligation) return c.obligation === 'obligation';
  return c.kind === 'conformite' || c.acceptableLevels.length > 0;
}
