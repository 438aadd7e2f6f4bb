/**
 * Ce que la bibliothèque sait déjà d'un critère (appris sur une page ou importé) : quand la page n'écrit
 * pas son niveau minimum ou sa nature, la garde, les repères et le résumé du panneau s'en servent, et le disent.
 */
import type { Level } from '../../domain/levels';
import type { Obligation } from '../../domain/schemas';
import type { PageCriterion, PageQuestionnaire } from '../model/page';

interface KnownCriterion {
  acceptableLevels: Level[];
  obligation: Obligation;
}

export type KnownCriteria = ReadonlyMap<string, KnownCriterion>;

/** Complète les critères lus avec le catalogue, sans jamais remplacer ce que la page affiche. */
export function withKnown<Q extends Pick<PageQuestionnaire, 'criteria'>>(q: Q, known: KnownCriteria | undefined): Q {
  if (!known || known.size === 0) return q;
  const criteria = q.criteria.map((c): PageCriterion => {
    const k = known.get(c.id);
    if (!k) return c;
    const next: PageCriterion = { ...c };
    if (c.minimumText === undefined && c.kind === 'niveau' && k.acceptableLevels.length > 0) {
      next.acceptableLevels = k.acceptableLevels;
      next.minimumFromLibrary = true;
    }
    if (c.obligation === null) next.obligation = k.obligation;
    return next;
  });
  return { ...q, criteria };
}
