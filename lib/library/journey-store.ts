/**
 * Ce que l'extension a vu du parcours de chaque produit sur Convergence (issue 11 §4), dans la table sharing
 * (clé → valeur) de la base : par produit de la bibliothèque (`parcours|<produit>|<variante>`), ou, pour un
 * produit affiché pas encore relié, par son n° Convergence (`parcours|n°|<n°>`), repris dès qu'il est relié.
 * Des observations de la plateforme, pas des réponses : ni journalisées ni annulables, comme les statuts que la
 * garde mémorise. Relues avec leur schéma : une valeur abîmée est ignorée, jamais crue.
 */
import type { Repository } from '../db/repository';
import { withStorageErrors } from '../db/storage-errors';
import type { QuestionnaireId } from '../domain/questionnaires';
import type { Scope } from '../domain/schemas';
import { scopeOfNumber } from '../page/plan/identity';
import { observeList, type JourneyObservations, type SeenStatus } from '../rules/journey';
import { JourneyObservationsSchema } from '../rules/journey-schema';

const journeyScopeKey = (s: Scope) => `parcours|${s.productId}|${s.variantId}`;
const journeyNumberKey = (convergenceNumber: string) => `parcours|n°|${convergenceNumber}`;

/** Le n° Convergence d'une clé de produit affiché (« Produit - v0.1 - 3100 » → 3100). */
function numberOfProductKey(productKey: string): string | null {
  return /\s-\s(\d{1,12})$/.exec(productKey.trim())?.[1] ?? null;
}

async function read(repo: Repository, key: string): Promise<JourneyObservations> {
  const parsed = JourneyObservationsSchema.safeParse((await repo.db.sharing.get(key))?.value);
  return parsed.success ? parsed.data : {};
}

/** Le plus récent de deux statuts vus pour la même étape. */
function latest(a: SeenStatus | undefined, b: SeenStatus | undefined): SeenStatus | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.at >= b.at ? a : b;
}

/** Deux séries d'observations réunies, étape par étape, la plus récente l'emportant. */
export function mergeObservations(a: JourneyObservations, b: JourneyObservations): JourneyObservations {
  const out: JourneyObservations = {};
  for (const k of ['fiche', 'convention', 'dossier', 'candidature'] as const) {
    const v = latest(a[k], b[k]);
    if (v) out[k] = v;
  }
  const qs = new Set([...Object.keys(a.questionnaires ?? {}), ...Object.keys(b.questionnaires ?? {})] as QuestionnaireId[]);
  if (qs.size) {
    out.questionnaires = {};
    for (const q of qs) {
      const v = latest(a.questionnaires?.[q], b.questionnaires?.[q]);
      if (v) out.questionnaires[q] = v;
    }
  }
  return out;
}

/** Les observations d'une portée de la bibliothèque, avec celles vues sous son n° avant qu'elle y soit reliée. */
export async function observationsOf(repo: Repository, scope: Scope, convergenceNumber: string | undefined): Promise<JourneyObservations> {
  const own = await read(repo, journeyScopeKey(scope));
  return convergenceNumber ? mergeObservations(await read(repo, journeyNumberKey(convergenceNumber)), own) : own;
}

export async function observationsOfNumber(repo: Repository, convergenceNumber: string): Promise<JourneyObservations> {
  return read(repo, journeyNumberKey(convergenceNumber));
}

/** Où ranger ce qui est vu pour un produit affiché : sa portée reliée, sinon son n°. */
async function journeyTarget(repo: Repository, convergenceNumber: string): Promise<{ key: string; scope: Scope | null }> {
  const scope = scopeOfNumber(await repo.listProducts(), convergenceNumber);
  return scope ? { key: journeyScopeKey(scope), scope } : { key: journeyNumberKey(convergenceNumber), scope: null };
}

/** Lit, transforme et réécrit les observations d'une clé en une transaction (deux onglets ne s'écrasent pas). */
async function updateObservations(repo: Repository, key: string, change: (o: JourneyObservations) => JourneyObservations): Promise<void> {
  const db = repo.db;
  await withStorageErrors(() =>
    db.transaction('rw', db.sharing, async () => {
      await db.sharing.put({ id: key, value: JourneyObservationsSchema.parse(change(await read(repo, key))) });
    }),
  );
}

/**
 * Statuts lus sur la liste des questionnaires (message page.statuses.put), datés, rangés pour le produit de la
 * bibliothèque relié au n° du produit affiché. Rend la portée (null : produit pas encore relié).
 */
export async function recordListStatuses(
  repo: Repository,
  productKey: string,
  statuses: Parameters<typeof observeList>[1],
  at: string,
): Promise<Scope | null> {
  const number = numberOfProductKey(productKey);
  if (!number || statuses.length === 0) return null;
  const target = await journeyTarget(repo, number);
  await updateObservations(repo, target.key, (o) => observeList(o, statuses, at));
  return target.scope;
}

/**
 * Étapes lues sur une page de la démarche (message page.journey.seen) : fil des étapes, dossiers, candidature.
 * Seules les étapes montrées changent ; chacune est datée du moment de la lecture.
 */
export async function recordShownSteps(
  repo: Repository,
  productKey: string,
  steps: Partial<Record<'fiche' | 'convention' | 'dossier' | 'candidature', { status: string; done: boolean }>>,
  at: string,
): Promise<Scope | null> {
  const number = numberOfProductKey(productKey);
  const shown = (['fiche', 'convention', 'dossier', 'candidature'] as const).filter((k) => steps[k]);
  if (!number || shown.length === 0) return null;
  const target = await journeyTarget(repo, number);
  await updateObservations(repo, target.key, (o) => {
    const next = { ...o };
    for (const k of shown) next[k] = { status: steps[k]!.status, done: steps[k]!.done, applicable: true, at };
    return next;
  });
  return target.scope;
}
