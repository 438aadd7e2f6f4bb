/**
 * Messages des critères modifiés par Convergence (issue 11 § 3). Les décisions sont dans
 * lib/library/referential-changes.ts et lib/domain/referential.ts ; ici, l'aiguillage.
 */
import type { Repository } from '../db/repository';
import { confirmReferentialReview, pageReferentialChanges, referentialChanges } from '../library/referential-changes';
import type { Handlers } from './handler-types';

type ReferentialHandlers = Pick<Handlers, 'referential.changes' | 'referential.confirm' | 'referential.page'>;

export function referentialHandlers(repo: Repository): ReferentialHandlers {
  return {
    'referential.changes': async ({ productId, variantId }) => {
      await repo.requireProduct(productId);
      return { items: await referentialChanges(repo, productId, variantId) };
    },
    'referential.confirm': async ({ productId, variantId, keys, author }) => ({ confirmed: await confirmReferentialReview(repo, productId, variantId, keys, author) }),
    'referential.page': async ({ criteria, scope }) => ({ items: await pageReferentialChanges(repo, criteria, scope) }),
  };
}
