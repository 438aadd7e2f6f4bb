/**
 * Le parcours d'un produit de la bibliothèque (issue 11 § 4) : ce qui a été vu sur Convergence (journey-store)
 * réuni au rapport de préparation de la bibliothèque (Repository.readiness, jamais recalculé), puis la règle
 * pure lib/rules/journey.ts. Une portée = une famille ('' ) ou une de ses variantes d'OS.
 */
import type { Repository } from '../db/repository';
import { UserError } from '../domain/errors';
import { variantDisplayName } from '../domain/naming';
import type { Scope } from '../domain/schemas';
import { scopeOfNumber } from '../page/plan/identity';
import type { KeyValueStore } from '../db/key-value';
import { buildJourney, observeList, type Journey, type JourneyObservations } from '../rules/journey';
import { mergeObservations, observationsOf, observationsOfNumber } from './journey-store';
import { z } from 'zod';
import { IsoDateTimeSchema, QuestionnaireIdSchema } from '../domain/schemas';

/** Les statuts que la garde gardait déjà par produit affiché (`statuts:<Nom - version - n°>`), avant cette vue. */
const LegacyStatuses = z.object({
  at: IsoDateTimeSchema,
  statuses: z.array(
    z.object({
      questionnaire: QuestionnaireIdSchema,
      status: z.string().max(300),
      termine: z.boolean(),
      applicable: z.boolean(),
      count: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).optional(),
    }),
  ),
});

async function legacyObservations(settings: KeyValueStore | undefined, productKey: string | null): Promise<JourneyObservations> {
  if (!settings || !productKey) return {};
  const stored = LegacyStatuses.safeParse(await settings.get(`statuts:${productKey}`));
  return stored.success ? observeList({}, stored.data.statuses, stored.data.at) : {};
}

/** Le parcours d'une famille ou d'une variante. */
export async function journeyOfScope(repo: Repository, scope: Scope, settings?: KeyValueStore): Promise<Journey> {
  const product = await repo.requireProduct(scope.productId);
  const variant = scope.variantId ? (await repo.listVariants(product.id)).find((v) => v.id === scope.variantId) : undefined;
  if (scope.variantId && !variant) throw new UserError('Variante introuvable : elle a peut-être été supprimée.');
  const number = variant ? variant.convergenceNumber : product.convergenceNumber;
  const name = variant ? variantDisplayName(product, variant) : product.name;
  const seen = await observationsOf(repo, scope, number);
  const legacy = await legacyObservations(settings, number ? `${name} - ${product.version} - ${number}` : null);
  return buildJourney({ observations: mergeObservations(legacy, seen), readiness: await repo.readiness(scope.productId, scope.variantId) });
}

/** Le parcours du produit affiché dans un onglet : celui de sa portée reliée, sinon ce qui a été vu sous son n°. */
export async function journeyOfPageProduct(
  repo: Repository,
  pageProduct: { name: string; version: string; number: string },
  settings?: KeyValueStore,
): Promise<{ scope: Scope | null; journey: Journey }> {
  const scope = scopeOfNumber(await repo.listProducts(), pageProduct.number);
  if (scope) return { scope, journey: await journeyOfScope(repo, scope, settings) };
  const seen = await observationsOfNumber(repo, pageProduct.number);
  const legacy = await legacyObservations(settings, `${pageProduct.name} - ${pageProduct.version} - ${pageProduct.number}`);
  return { scope: null, journey: buildJourney({ observations: mergeObservations(legacy, seen), readiness: null }) };
}
