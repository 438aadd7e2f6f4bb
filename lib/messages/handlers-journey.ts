/**
 * Gestionnaires des messages du parcours et des profils d'entreprise (issue 11 § 4). Les décisions sont dans
 * lib/rules/journey.ts et lib/library/journey.ts ; ici, seulement le branchement sur le protocole.
 */
import type { Repository } from '../db/repository';
import { journeyOfPageProduct, journeyOfScope } from '../library/journey';
import { recordShownSteps } from '../library/journey-store';
import type { KeyValueStore } from '../db/key-value';
import type { Handlers } from './handler-types';

type JourneyHandlers = Pick<Handlers, 'journey.get' | 'journey.forPage' | 'company.list' | 'page.journey.seen'>;

export function journeyHandlers(repo: Repository, options: { settings?: KeyValueStore; now?: () => Date } = {}): JourneyHandlers {
  const now = options.now ?? (() => new Date());
  return {
    'page.journey.seen': async ({ productKey, steps }) => {
      await recordShownSteps(repo, productKey, steps, now().toISOString());
      return {};
    },
    'journey.get': async ({ productId, variantId }) => journeyOfScope(repo, { productId, variantId }, options.settings),
    'journey.forPage': async ({ pageProduct }) => journeyOfPageProduct(repo, pageProduct, options.settings),
    'company.list': async () => ({
      companies: (await repo.db.companies.toArray()).sort((a, b) => a.denomination.localeCompare(b.denomination, 'fr') || a.id.localeCompare(b.id)),
    }),
  };
}
