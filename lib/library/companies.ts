/**
 * Plusieurs profils d'entreprise (fiches administratives, issue 11 § 4) : un éditeur qui évalue « pour le compte
 * d'un tiers » garde la fiche de ce tiers à côté de la sienne, et chaque produit désigne la sienne
 * (Product.companyId). Un produit sans choix, ou dont le profil a été supprimé, prend le profil par défaut
 * (le premier de la base) : avec un seul profil, tout se passe comme avant.
 */
import type { Repository } from '../db/repository';
import type { CompanyProfile, Product } from '../domain/schemas';

export async function companyOfProduct(repo: Repository, product: Pick<Product, 'companyId'> | undefined | null): Promise<CompanyProfile | undefined> {
  const own = product?.companyId ? await repo.getCompany(product.companyId) : undefined;
  return own ?? (await repo.getCompany());
}

/** Le profil d'entreprise d'un produit de la bibliothèque, par son identifiant. */
export async function companyOfProductId(repo: Repository, productId: string): Promise<CompanyProfile | undefined> {
  return companyOfProduct(repo, await repo.getProduct(productId));
}
