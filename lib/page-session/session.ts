/**
 * lib/page-session — une page Convergence face à la bibliothèque, côté arrière-plan (produit de l'onglet, source, capture).
 * Relie les décisions pures de lib/page au dépôt de lib/db, sans API de navigateur (le stockage est fourni).
 * N'importe de lib/ que : db, domain, library, page, rules, text — ni messages, exchange, platform, cli.
 */
/**
 * Une page Convergence face à la bibliothèque, côté arrière-plan : le produit retenu pour l'onglet (lu, page
 * précédente, choix « Ce produit est : »), la portée reliée, la variante reconnue à son nom, la source proposée,
 * et relier un produit affiché. Les décisions sont dans lib/page/plan/identity.ts (pures) ; ici, ce qu'elles lisent
 * et écrivent : la bibliothèque (Repository) et deux petits stockages (réglages, mémoire par onglet). Sans API de
 * navigateur ni de cadriciel : l'arrière-plan fournit storage.local et storage.session, les tests des Map.
 */
import { z } from 'zod';
import { UserError } from '../domain/errors';
import { variantDisplayName } from '../domain/naming';
import type { Product, Variant } from '../domain/schemas';
import type { Repository } from '../db/repository';
import { memoryStore, type KeyValueStore } from '../db/key-value';
import { PageProductSchema, ScopeSchema, type Scope } from '../domain/schemas';
import { familyByName, resolveIdentity, scopeOfNumber, suggestSource, variantCandidate, type IdentityFrom, type TabMemory, type VariantCandidate } from '../page/plan/identity';
import type { PageProduct } from '../page/read/product';

interface PageSessionOptions {
  /** Réglages : la dernière source utilisée y est notée. */
  settings?: KeyValueStore;
  /** Mémoire par onglet (oubliée à la fermeture du navigateur dans l'extension). */
  tabs?: KeyValueStore;
}

/** Un produit de la bibliothèque tel que le panneau le liste : ses variantes et leurs noms affichés. */
interface ProductListEntry {
  product: Product;
  variants: Variant[];
  displayNames: Record<string, string>;
}

/** Pourquoi une source est proposée (code traduit par le panneau). */
type SourceReason = 'reliee' | 'reliee-variante' | 'reliee-distributeur' | 'famille-du-nom' | 'meme-nom' | 'derniere' | 'seule' | 'recente' | 'aucune';

/** Le contexte d'une page pour le panneau : produits, produit retenu, portée reliée, variante reconnue, source proposée. */
export interface PageContext {
  products: ProductListEntry[];
  identity: { from: IdentityFrom; product: PageProduct | null };
  current: Scope | null;
  variantCandidate: VariantCandidate | null;
  suggestedSource: Scope | null;
  suggestedReason: SourceReason;
}

/** Le choix « Ce produit est : » : une portée existante, ou un nouveau produit. */
export type ProductChoice = { scope: Scope } | { create: { name: string; version: string } };

const TabMemorySchema = z.object({ product: PageProductSchema.optional(), choice: ScopeSchema.optional() });
const PAGE_AUTHOR = 'Assistant Convergence (page)';
const LAST_SOURCE = 'lastSource';

export type PageSession = ReturnType<typeof createPageSession>;

/** @param tab l'onglet de l'émetteur, donné par le navigateur (jamais par le message) ; undefined hors onglet. */
export function createPageSession(repo: Repository, options: PageSessionOptions = {}) {
  const settings = options.settings ?? memoryStore();
  const tabs = options.tabs ?? memoryStore();
  const tabKey = (tab: number | undefined) => `onglet:${tab ?? '-'}`;
  const tabMemory = async (tab: number | undefined): Promise<TabMemory> => {
    const m = TabMemorySchema.safeParse(await tabs.get(tabKey(tab)));
    return m.success ? m.data : {};
  };
  const setTabMemory = (tab: number | undefined, m: TabMemory) => tabs.set(tabKey(tab), m);

  const entries = async (): Promise<ProductListEntry[]> =>
    (await repo.listProducts()).map(({ product, variants }) => ({
      product,
      variants,
      displayNames: Object.fromEntries(variants.map((v) => [v.id, variantDisplayName(product, v)])),
    }));

  const setNumber = (scope: Scope, convergenceNumber: string | undefined, author: string) =>
    scope.variantId ? repo.updateVariant(scope.variantId, { convergenceNumber }, author) : repo.updateProduct(scope.productId, { convergenceNumber }, author);

  const session = {
    entries,

    /** Le produit retenu pour la page de l'onglet (lu, page précédente, choix), et sa portée reliée. */
    async identityOf(tab: number | undefined, pageProduct: PageProduct | null) {
      return resolveIdentity(await entries(), await tabMemory(tab), pageProduct);
    },

    /** Pour le script de contenu : le produit retenu, rien d'autre de la bibliothèque ; le produit lu est retenu pour l'onglet. */
    async identity(tab: number | undefined, pageProduct: PageProduct | null) {
      const memory = await tabMemory(tab);
      if (pageProduct) await setTabMemory(tab, { ...(memory.choice ? { choice: memory.choice } : {}), product: pageProduct });
      const identity = resolveIdentity(await entries(), memory, pageProduct);
      return { from: identity.from, product: identity.product };
    },

    async context(tab: number | undefined, pageProduct: PageProduct | null): Promise<PageContext> {
      const products = await entries();
      const memory = await tabMemory(tab);
      if (pageProduct) {
        // La page affiche son produit : retenu pour les pages suivantes de l'onglet. Un choix fait plus tôt
        // sur une page sans produit est relié à ce n° s'il n'est relié à rien d'autre, puis oublié.
        const choice = memory.choice;
        if (choice && !scopeOfNumber(products, pageProduct.number)) {
          const entry = products.find((e) => e.product.id === choice.productId);
          const numbered = choice.variantId ? entry?.variants.find((v) => v.id === choice.variantId)?.convergenceNumber : entry?.product.convergenceNumber;
          if (entry && !numbered) await setNumber(choice, pageProduct.number, PAGE_AUTHOR);
        }
        await setTabMemory(tab, { product: pageProduct });
      }
      const list = pageProduct && memory.choice ? await entries() : products;
      const identity = resolveIdentity(list, pageProduct ? { product: pageProduct } : memory, pageProduct);
      const last = ScopeSchema.safeParse(await settings.get(LAST_SOURCE));
      const suggestion = suggestSource(list, identity, last.success ? last.data : null);
      let reason: SourceReason = suggestion.reason;
      if (reason === 'reliee' && identity.scope) {
        const entry = list.find((e) => e.product.id === identity.scope!.productId);
        if (identity.scope.variantId) reason = 'reliee-variante';
        else if (entry?.product.role.kind === 'distributeur') reason = 'reliee-distributeur';
      }
      return {
        products: list,
        identity: { from: identity.from, product: identity.product },
        current: identity.scope,
        variantCandidate: identity.product && !identity.scope ? variantCandidate(list, identity.product) : null,
        suggestedSource: suggestion.source,
        suggestedReason: reason,
      };
    },

    /**
     * Relie le produit affiché à une portée désignée ; sans portée, à celle qui a déjà son n°, à la famille de
     * même nom et version encore sans n°, sinon à une nouvelle famille créée depuis la page.
     */
    async link(pageProduct: PageProduct, scope: Scope | undefined, author: string): Promise<Scope> {
      const products = await entries();
      // Un n° Convergence ne désigne qu'une portée : on le retire d'abord de celle qui l'avait.
      const previous = scopeOfNumber(products, pageProduct.number);
      if (previous && scope && previous.productId === scope.productId && previous.variantId === scope.variantId) return previous;
      if (previous && !scope) return previous;
      if (previous) await setNumber(previous, undefined, author);
      const same = scope ? undefined : familyByName(products, pageProduct);
      const target = scope ?? (same ? { productId: same.product.id, variantId: '' } : undefined);
      if (target) {
        await setNumber(target, pageProduct.number, author);
        return target;
      }
      const created = await repo.createProduct(
        { name: pageProduct.name, version: pageProduct.version, type: 'socle', responsable: '', description: '', convergenceNumber: pageProduct.number },
        author,
      );
      return { productId: created.result.id, variantId: '' };
    },

    /** Relie le produit affiché comme variante de la famille reconnue à son nom (reconnaissance refaite ici). */
    async linkVariant(pageProduct: PageProduct, author: string): Promise<Scope> {
      const products = await entries();
      const linked = scopeOfNumber(products, pageProduct.number);
      if (linked) return linked;
      // L'arrière-plan refait la reconnaissance : il ne croit pas l'OS ou la famille qu'un onglet lui dirait.
      const c = variantCandidate(products, pageProduct);
      if (!c) throw new UserError(`« ${pageProduct.name} » ne se lit pas comme une variante « [Nom] [OS] [Appareil] » d'une famille de la bibliothèque.`);
      if (c.variantId) {
        await repo.updateVariant(c.variantId, { convergenceNumber: pageProduct.number }, author);
        return { productId: c.productId, variantId: c.variantId };
      }
      const v = await repo.createVariant(
        { productId: c.productId, os: c.os, ...(c.osLabel ? { osLabel: c.osLabel } : {}), device: c.device, convergenceNumber: pageProduct.number },
        author,
      );
      return { productId: c.productId, variantId: v.result.id };
    },

    /** Le choix « Ce produit est : », retenu pour l'onglet à la place de la supposition « page précédente ». */
    async choose(tab: number | undefined, choice: ProductChoice, author: string): Promise<Scope> {
      let scope: Scope;
      if ('scope' in choice) {
        const e = (await entries()).find((x) => x.product.id === choice.scope.productId);
        if (!e || (choice.scope.variantId && !e.variants.some((v) => v.id === choice.scope.variantId))) throw new UserError('Ce produit n\'est plus dans la bibliothèque.');
        scope = choice.scope;
      } else {
        const created = await repo.createProduct({ name: choice.create.name, version: choice.create.version, type: 'socle', responsable: '', description: '' }, author);
        scope = { productId: created.result.id, variantId: '' };
      }
      await setTabMemory(tab, { choice: scope });
      return scope;
    },

    /** Note la source utilisée en dernier (proposée ensuite par défaut pour un produit pas encore relié). */
    async useSource(scope: Scope): Promise<void> {
      await settings.set(LAST_SOURCE, { productId: scope.productId, variantId: scope.variantId });
    },
  };
  return session;
}
