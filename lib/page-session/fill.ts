/**
 * « Remplir la page » : tout ce que le remplissage demande à la bibliothèque, en un message. Les réponses en
 * vigueur de la source (avec héritage) et les critères à revoir en marque blanche, la fiche du produit, la fiche
 * administrative, le nom de la source ; la source est notée comme utilisée, sauf pour un remplissage partiel
 * (« Remplacer » un seul champ), qui n'est pas un choix de source.
 */
import type { Answer, CompanyProfile, Product } from '../domain/schemas';
import type { Repository } from '../db/repository';
import type { Scope } from '../domain/schemas';
import { scopeName } from '../page/plan/identity';
import type { PageSession } from './session';
import type { CriterionInput } from '../domain/schemas';
import { pageReferentialChanges, type ReferentialChangeItem } from '../library/referential-changes';
import { companyOfProductId } from '../library/companies';

export interface FillSource {
  answers: Answer[];
  /** Identifiants des critères hérités d'un producteur, susceptibles de différer en marque blanche. */
  review: string[];
  product: Product | null;
  company: CompanyProfile | null;
  /** « Dossia v3.1 », « Dossia iOS Mobile » : pour dire d'où viennent les valeurs. */
  sourceName: string;
  /** Critères modifiés par Convergence dont le niveau enregistré n'est pas rempli (retirés de answers). */
  held?: ReferentialChangeItem[];
}

export async function fillSource(repo: Repository, session: PageSession, source: Scope, opts: { partial: boolean; criteria?: readonly CriterionInput[] }): Promise<FillSource> {
  const [resolved, entries, company] = await Promise.all([repo.resolvedAnswers(source.productId, source.variantId), session.entries(), companyOfProductId(repo, source.productId)]);
  if (!opts.partial) await session.useSource(source);
  // Jamais remplir en silence un niveau que le référentiel a rendu inacceptable ou dont les libellés ont changé de sens.
  const held = opts.criteria?.length ? (await pageReferentialChanges(repo, opts.criteria, source)).filter((i) => i.hold) : [];
  const heldKeys = new Set(held.map((i) => i.criterionKey));
  return {
    ...(opts.criteria ? { held } : {}),
    answers: resolved.filter((r) => !heldKeys.has(r.criterionKey)).map((r) => r.answer),
    // « à revoir (marque blanche) » dans le rapport : pas pour un critère changé par Convergence (il a son propre rapport).
    review: resolved.filter((r) => r.reviewFlag && r.reviewReason !== 'referentiel').map((r) => r.answer.criterionId),
    product: entries.find((e) => e.product.id === source.productId)?.product ?? null,
    company: company ?? null,
    sourceName: scopeName(entries, source),
  };
}
