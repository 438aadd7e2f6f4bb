/**
 * « À revoir » chez un distributeur dont le producteur vient d'un paquet (issue 10), pur et sans base.
 * Un critère est à revoir tant que le distributeur ne l'a pas confirmé (ou remplacé par sa propre réponse) :
 * - un des 16 critères « marque blanche » du guide ANS (déjà signalé par la résolution) ;
 * - un critère ajouté, modifié ou retiré par une mise à jour du paquet, dont le distributeur reprend la réponse.
 * Une confirmation vaut pour le numéro d'ordre du paquet en vigueur quand elle a été donnée : une mise à jour
 * suivante qui change le critère le remet « à revoir ».
 */
import type { ResolvedAnswer } from '../domain/resolve';

export interface PackageReviewState {
  /** Numéro d'ordre du paquet en vigueur du producteur. */
  sequence: number;
  /** Critère → numéro d'ordre du dernier paquet en vigueur qui l'a changé. */
  changedAt: ReadonlyMap<string, number>;
  /** Critère → numéro d'ordre du paquet en vigueur quand le distributeur l'a confirmé. */
  confirmedAt: ReadonlyMap<string, number>;
}

type ReviewReason = 'marque-blanche' | 'mise-a-jour';

/** Pourquoi un critère résolu est à revoir, ou null. */
export function reviewReason(r: Pick<ResolvedAnswer, 'criterionKey' | 'source' | 'reviewFlag'>, state: PackageReviewState): ReviewReason | null {
  const confirmed = state.confirmedAt.get(r.criterionKey);
  const changed = state.changedAt.get(r.criterionKey);
  // Modifié par une mise à jour et repris du producteur : à revoir tant qu'il n'est pas confirmé depuis.
  if (changed !== undefined && r.source === 'producteur' && (confirmed === undefined || confirmed < changed)) return 'mise-a-jour';
  if (r.reviewFlag && confirmed === undefined) return 'marque-blanche';
  return null;
}

/** Les réponses résolues avec le drapeau « à revoir » des paquets (confirmations comprises). */
export function applyPackageReview<T extends Pick<ResolvedAnswer, 'criterionKey' | 'source' | 'reviewFlag'>>(resolved: readonly T[], state: PackageReviewState): (T & { reviewReason?: ReviewReason })[] {
  return resolved.map((r) => {
    const reason = reviewReason(r, state);
    return reason ? { ...r, reviewFlag: true, reviewReason: reason } : { ...r, reviewFlag: false };
  });
}
