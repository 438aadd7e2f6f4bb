/**
 * « Remplir la page » : tout ce que le remplissage demande à la bibliothèque, en un message. Les réponses en
 * vigueur de la source (avec héritage) et les critères à revoir en marque blanche, la fiche du produit, la fiche
 * administrative, le nom de la source ; la source est notée comme utilisée, sauf pour un remplissage partiel
 * (« Remplacer » un seul champ), qui n'est pas un choix de source.
 */
import type { Answer, CompanyProfile, Product } from '../domain/schemas';
import type { Repository } from '../db/repository';
import { scopeName, type Scope } from '../page/identity';
import type { PageSession } from './session';

export interface FillSource {
  answers: Answer[];
  /** Identifiants des critères hérités d'un producteur, susceptibles de différer en marque blanche. */
  review: string[];
  product: Product | null;
  company: CompanyProfile | null;
  /** « Dossia v3.1 », « Dossia iOS Mobile » : pour dire d'où viennent les valeurs. */
  sourceName: string;
}

export async function fillSource(repo: Repository, session: PageSession, source: Scope, opts: { partial: boolean }): Promise<FillSource> {
  const [resolved, entries, company] = await Promise.all([repo.resolvedAnswers(source.productId, source.variantId), session.entries(), repo.getCompany()]);
  if (!opts.partial) await session.useSource(source);
  return {
    answers: resolved.map((r) => r.answer),
    review: resolved.filter((r) => r.reviewFlag).map((r) => r.answer.criterionId),
    product: entries.find((e) => e.product.id === source.productId)?.product ?? null,
    company: company ?? null,
    sourceName: scopeName(entries, source),
  };
}
