/**
 * Quel produit de la bibliothèque correspond à la page d'un onglet. La lecture du produit affiché est
 * dans read/product.ts (seul endroit qui l'infère de la page) ; ici, ce que l'arrière-plan en fait :
 * mémoire par onglet (page précédente), choix fait par la personne, variante reconnue à son nom,
 * source proposée. Pur : les produits de la bibliothèque et l'état de l'onglet en entrée.
 */
import { normalizeText } from '../../domain/text';
import { parseVariantName, sameProductName as sameName, scopeDisplayName, variantDisplayName } from '../../domain/naming';
import type { Product, Scope, Variant } from '../../domain/schemas';
import type { PageProduct } from '../read/product';

export interface ProductEntry {
  product: Product;
  variants: Variant[];
}

/** Ce que l'arrière-plan retient d'un onglet (storage.session : oublié à la fermeture du navigateur). */
export interface TabMemory {
  /** Le produit lu sur la dernière page de l'onglet qui l'affichait. */
  product?: PageProduct;
  /** Le choix « Ce produit est : » fait dans le panneau quand le produit n'était pas lisible. */
  choice?: Scope;
}

/** D'où vient le produit retenu pour la page : lu, page précédente de l'onglet, choix de la personne, rien. */
export type IdentityFrom = 'page' | 'precedente' | 'choix' | 'aucune';

interface PageIdentity {
  from: IdentityFrom;
  /** Le produit tel que Convergence l'affiche (lu ici ou sur la page précédente). */
  product: PageProduct | null;
  /** La portée de la bibliothèque reliée, s'il y en a une. */
  scope: Scope | null;
}

/** « v3.1 », « V 3.1 » et « 3.1 » sont la même version. */
const sameVersion = (a: string, b: string) => normalizeText(a).replace(/^v\s*/, '') === normalizeText(b).replace(/^v\s*/, '');

/** La portée reliée à un n° Convergence : une variante, sinon une famille. */
export function scopeOfNumber(entries: readonly ProductEntry[], number: string): Scope | null {
  for (const e of entries) {
    const v = e.variants.find((x) => x.convergenceNumber === number);
    if (v) return { productId: e.product.id, variantId: v.id };
  }
  const p = entries.find((e) => e.product.convergenceNumber === number);
  return p ? { productId: p.product.id, variantId: '' } : null;
}

function scopeExists(entries: readonly ProductEntry[], s: Scope): boolean {
  const e = entries.find((x) => x.product.id === s.productId);
  return !!e && (s.variantId === '' || e.variants.some((v) => v.id === s.variantId));
}

/**
 * Le produit retenu pour une page : celui qu'elle affiche ; sinon celui de la page précédente du même
 * onglet ; sinon le choix de la personne ; sinon rien (le panneau demande alors « Ce produit est : »).
 */
export function resolveIdentity(entries: readonly ProductEntry[], memory: TabMemory, pageProduct: PageProduct | null): PageIdentity {
  if (pageProduct) return { from: 'page', product: pageProduct, scope: scopeOfNumber(entries, pageProduct.number) };
  if (memory.choice && scopeExists(entries, memory.choice)) return { from: 'choix', product: null, scope: memory.choice };
  if (memory.product) return { from: 'precedente', product: memory.product, scope: scopeOfNumber(entries, memory.product.number) };
  return { from: 'aucune', product: null, scope: null };
}

/** Une famille de la bibliothèque de même nom et même version que le produit affiché, pas encore reliée à un autre n°. */
export function familyByName(entries: readonly ProductEntry[], p: PageProduct): ProductEntry | undefined {
  return entries.find(
    (e) => sameName(e.product.name, p.name) && sameVersion(e.product.version, p.version) && (!e.product.convergenceNumber || e.product.convergenceNumber === p.number),
  );
}

export interface VariantCandidate {
  productId: string;
  /** La variante existante de même OS et appareil, encore sans n° Convergence ; '' : elle sera créée. */
  variantId: string;
  os: Variant['os'];
  osLabel?: string;
  device: Variant['device'];
  /** « Dossia iOS Mobile » (nom affiché par la page, sans version). */
  pageName: string;
  /** « iOS Mobile ». */
  variantLabel: string;
  /** « Dossia v3.1 ». */
  familyName: string;
}

/**
 * Un produit nommé selon la règle de l'ANS « [NomDuProduit] [OS] [Appareil] » dont le nom de base et la
 * version sont ceux d'une famille de la bibliothèque : c'est une variante de cette famille.
 */
export function variantCandidate(entries: readonly ProductEntry[], p: PageProduct): VariantCandidate | null {
  const parsed = parseVariantName(p.name);
  if (!parsed) return null;
  const family = entries.find((e) => sameName(e.product.name, parsed.base) && sameVersion(e.product.version, p.version));
  if (!family) return null;
  const device: Variant['device'] = parsed.device ?? (parsed.os === 'web' ? 'site-web' : 'mobile');
  const osLabel = parsed.os === 'autre' ? parsed.osLabel : undefined;
  const existing = family.variants.find(
    (v) => v.os === parsed.os && v.device === device && (parsed.os !== 'autre' || sameName(v.osLabel ?? '', parsed.osLabel)) && !v.convergenceNumber,
  );
  const label = variantDisplayName({ name: '' }, { os: parsed.os, osLabel, device }).trim();
  return {
    productId: family.product.id,
    variantId: existing?.id ?? '',
    os: parsed.os,
    ...(osLabel ? { osLabel } : {}),
    device,
    pageName: p.name,
    variantLabel: label,
    familyName: scopeDisplayName(family.product),
  };
}

/** Raison d'une source proposée : le panneau la traduit. */
type SuggestionReason = 'reliee' | 'famille-du-nom' | 'meme-nom' | 'derniere' | 'seule' | 'recente' | 'aucune';

interface Suggestion {
  source: Scope | null;
  reason: SuggestionReason;
}

/**
 * La source proposée pour remplir : la bibliothèque reliée ; sinon la famille dont le produit affiché est
 * une variante par son nom ; une famille de même nom ; la dernière utilisée ; la seule ou la plus récente.
 * Jamais « aucune » tant que la bibliothèque a un produit.
 */
export function suggestSource(entries: readonly ProductEntry[], identity: PageIdentity, last: Scope | null): Suggestion {
  if (identity.scope) return { source: identity.scope, reason: 'reliee' };
  if (identity.product) {
    const candidate = variantCandidate(entries, identity.product);
    if (candidate) return { source: { productId: candidate.productId, variantId: candidate.variantId }, reason: 'famille-du-nom' };
    const family = familyByName(entries, identity.product);
    if (family) return { source: { productId: family.product.id, variantId: '' }, reason: 'meme-nom' };
  }
  if (last && scopeExists(entries, last)) return { source: last, reason: 'derniere' };
  if (entries.length === 1) return { source: { productId: entries[0]!.product.id, variantId: '' }, reason: 'seule' };
  const recent = [...entries].sort((a, b) => b.product.updatedAt.localeCompare(a.product.updatedAt))[0];
  if (recent) return { source: { productId: recent.product.id, variantId: '' }, reason: 'recente' };
  return { source: null, reason: 'aucune' };
}

/** Le nom d'une portée tel que le panneau et le gestionnaire l'affichent (« Dossia v3.1 », « Dossia iOS Mobile »). */
export function scopeName(entries: readonly ProductEntry[], s: Scope): string {
  const e = entries.find((x) => x.product.id === s.productId);
  if (!e) return '?';
  const v = s.variantId ? e.variants.find((x) => x.id === s.variantId) : undefined;
  return scopeDisplayName(e.product, v);
}
