/**
 * Les bibliothèques gardées en mémoire pour résoudre les réponses : les réponses de chaque produit, les
 * produits, le catalogue de l'orientation (seul utile à la résolution). Chacune est lue une fois, puis oubliée
 * dès qu'une écriture la touche : Dexie signale chaque transaction d'écriture validée (événement
 * storagemutated, y compris celles des autres pages de l'extension, par BroadcastChannel) avec les clés
 * changées quand il les connaît, sinon toute la table (écriture en lot). Résoudre 50 distributeurs d'un même
 * producteur lisait 50 fois la bibliothèque du producteur ; la lecture d'un enregistrement (copie structurée)
 * coûte plus que la résolution elle-même.
 */
import Dexie, { RangeSet, rangesOverlap } from 'dexie';
import type { IntervalTree, ObservabilitySet } from 'dexie';
import type { Answer, Criterion, Product } from '../domain/schemas';
import type { ConvergenceDB } from './schema';

/** Borne de la mémoire : au-delà, les bibliothèques les moins récemment lues sont oubliées. */
const MAX_CACHED_ANSWERS = 200_000;

/** Les objets gardés sont partagés entre appelants : gelés, une modification par erreur lève une exception au lieu de fausser la mémoire. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Clés primaires des réponses d'un produit : `${productId}|…` (answerId), donc entre `${productId}|` et `${productId}}`. */
function productRange(productId: string): RangeSet {
  return new RangeSet(`${productId}|`, `${productId}}`);
}

export class LibraryCache {
  private readonly answers = new Map<string, readonly Answer[]>();
  private cachedAnswers = 0;
  private products: Promise<ReadonlyMap<string, Product>> | null = null;
  private orientation: Promise<ReadonlyMap<string, Criterion>> | null = null;
  /** Critères qui portent des changements du référentiel (issue 11 §3) : « à revoir » des réponses données avant. */
  private changed: Promise<ReadonlyMap<string, Criterion>> | null = null;
  /** Lectures en cours, partagées par les appels simultanés ; oubliées à la moindre écriture. */
  private readonly loading = new Map<string, Promise<readonly Answer[]>>();
  /** Change à chaque écriture des réponses : une lecture commencée avant n'est pas gardée (elle peut être périmée). */
  private epoch = 0;
  private readonly prefix: string;

  constructor(
    private readonly db: ConvergenceDB,
    private readonly maxAnswers = MAX_CACHED_ANSWERS,
  ) {
    this.prefix = `idb://${db.name}/`;
    watch(this);
  }

  async product(id: string): Promise<Product | undefined> {
    return (await this.productMap()).get(id);
  }

  /** Toutes les réponses enregistrées d'un produit (famille et variantes), gelées. */
  answersOf(productId: string): Promise<readonly Answer[]> {
    const hit = this.answers.get(productId);
    if (hit) {
      // Plus récemment lue : en fin d'ordre, oubliée en dernier.
      this.answers.delete(productId);
      this.answers.set(productId, hit);
      return Promise.resolve(hit);
    }
    const pending = this.loading.get(productId);
    if (pending) return pending;
    const epoch = this.epoch;
    const load = this.db.answers
      .where('productId')
      .equals(productId)
      .toArray()
      .then((rows) => {
        const frozen = deepFreeze(rows) as readonly Answer[];
        if (epoch === this.epoch) {
          this.loading.delete(productId);
          this.keep(productId, frozen);
        }
        return frozen;
      })
      .catch((e: unknown) => {
        if (epoch === this.epoch) this.loading.delete(productId);
        throw e;
      });
    this.loading.set(productId, load);
    return load;
  }

  /** Les critères de l'orientation par clé (la question d'architecture se reconnaît à son libellé). */
  orientationCriteria(): Promise<ReadonlyMap<string, Criterion>> {
    // Une écriture pendant la lecture remet this.orientation à null : la lecture en cours n'est pas gardée.
    if (!this.orientation) {
      const load = this.db.criteria
        .where('questionnaire')
        .equals('orientation')
        .toArray()
        .then((rows) => new Map(rows.map((c) => [c.key, deepFreeze(c)])));
      this.orientation = load;
      load.catch(() => void (this.orientation === load && (this.orientation = null)));
    }
    return this.orientation;
  }

  /** Les critères du catalogue qui ont au moins un changement du référentiel, par clé. */
  changedCriteria(): Promise<ReadonlyMap<string, Criterion>> {
    if (!this.changed) {
      const load = this.db.criteria
        .filter((c) => !!c.changes?.length)
        .toArray()
        .then((rows) => new Map(rows.map((c) => [c.key, deepFreeze(c)])));
      this.changed = load;
      load.catch(() => void (this.changed === load && (this.changed = null)));
    }
    return this.changed;
  }

  private productMap(): Promise<ReadonlyMap<string, Product>> {
    if (!this.products) {
      const load = this.db.products.toArray().then((rows) => new Map(rows.map((p) => [p.id, deepFreeze(p)])));
      this.products = load;
      load.catch(() => void (this.products === load && (this.products = null)));
    }
    return this.products;
  }

  private keep(productId: string, rows: readonly Answer[]): void {
    this.answers.set(productId, rows);
    this.cachedAnswers += rows.length;
    for (const [id, old] of this.answers) {
      if (this.cachedAnswers <= this.maxAnswers || id === productId) break;
      this.answers.delete(id);
      this.cachedAnswers -= old.length;
    }
  }

  private dropAnswers(changed: IntervalTree | null): void {
    for (const [id, rows] of this.answers) {
      if (changed && !rangesOverlap(changed, productRange(id))) continue;
      this.answers.delete(id);
      this.cachedAnswers -= rows.length;
    }
  }

  /** Une transaction d'écriture validée : oublie ce qu'elle a pu changer. */
  mutated(parts: ObservabilitySet): void {
    let touched = false;
    for (const [part, tree] of Object.entries(parts)) {
      if (part === 'all') {
        // Dexie le signale quand la page revient du cache de navigation : tout a pu changer.
        this.dropAnswers(null);
        this.products = this.orientation = this.changed = null;
        touched = true;
        continue;
      }
      if (!part.startsWith(this.prefix)) continue;
      const [table, index] = splitPart(part.slice(this.prefix.length));
      if (table === 'products') this.products = null;
      else if (table === 'criteria') this.orientation = this.changed = null;
      else if (table === 'answers' && index === '') {
        this.dropAnswers(tree);
        touched = true;
      }
    }
    if (touched) {
      this.epoch++;
      this.loading.clear();
    }
  }
}

/** `${table}/${index}` : les noms de tables et d'index n'ont pas de « / » (l'index '' est la clé primaire). */
function splitPart(rest: string): [string, string] {
  const i = rest.indexOf('/');
  return i < 0 ? [rest, ''] : [rest.slice(0, i), rest.slice(i + 1)];
}

/**
 * Un seul abonnement à Dexie pour toutes les mémoires ; chacune n'y est tenue que faiblement, pour qu'une
 * base abandonnée (tests, bancs d'essai) ne garde pas ses bibliothèques en mémoire.
 */
const watched = new Set<WeakRef<LibraryCache>>();
let subscribed = false;

function watch(cache: LibraryCache): void {
  watched.add(new WeakRef(cache));
  if (subscribed) return;
  subscribed = true;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    for (const ref of watched) {
      const c = ref.deref();
      if (c) c.mutated(parts);
      else watched.delete(ref);
    }
  });
}
