/**
 * « À revoir » après un changement du référentiel (issue 11 §3), pur et sans base : une réponse donnée avant
 * qu'une page (ou un fichier) montre un critère changé est à revoir, jusqu'à ce que la personne la revoie
 * (« J'ai revu ») ou y réponde de nouveau. Même drapeau que les paquets (reviewFlag), raison « referentiel ».
 */
import { pendingChange } from '../domain/referential';
import type { ResolvedAnswer } from '../domain/resolve';
import type { Criterion } from '../domain/schemas';

export function applyReferentialReview<T extends Pick<ResolvedAnswer, 'criterionKey' | 'answer' | 'reviewFlag' | 'reviewReason'>>(
  resolved: readonly T[],
  changed: ReadonlyMap<string, Criterion>,
): T[] {
  // Déjà à revoir pour une autre raison (marque blanche, paquet) : cette raison reste, le drapeau est le même.
  return resolved.map((r) => (!r.reviewFlag && pendingChange(changed.get(r.criterionKey), r.answer) ? { ...r, reviewFlag: true, reviewReason: 'referentiel' as const } : r));
}
