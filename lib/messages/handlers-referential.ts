/**
 * Messages des critères modifiés par Convergence (issue 11 § 3). Les décisions sont dans
 * lib/library/referential-changes.ts et lib/domain/referential.ts ; ici, l'aiguillage. Le type ne dépend que
 * du protocole (pas de handlers.ts : pas de cycle).
 */
import type { Repository } from '../db/repository';
import { confirmReferentialReview, pageReferentialChanges, referentialChanges } from '../library/referential-changes';
import type { SenderContext } from './dispatch';
import type { ParsedRequestOf, ResponseOf } from './protocol';

type ReferentialType = 'referential.changes' | 'referential.confirm' | 'referential.page';
type ReferentialHandlers = { [T in ReferentialType]: (req: ParsedRequestOf<T>, sender: SenderContext) => Promise<ResponseOf<T>> };

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
