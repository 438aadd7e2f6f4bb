/**
 * « Enregistrer les réponses » décidé par l'arrière-plan, en un message : le panneau envoie ce que le script de
 * contenu a lu et le produit affiché ; ici on choisit la bibliothèque (fiche administrative, formulaire produit,
 * ou portée reliée au produit affiché, reliée ou créée au besoin), on apprend les critères, on retire d'une
 * variante ce qu'elle hérite déjà, on enregistre, et on rend ce qui s'est passé en codes et nombres que le panneau
 * traduit. Jamais muet : chaque cas où rien n'est écrit a son code.
 */
import type { Repository } from '../db/repository';
import { z } from 'zod';
import { AnswerInputSchema, CompanyProfileSchema, CriterionInputSchema, ProductSchema } from '../domain/schemas';
import { mergeCompany, withoutInherited } from '../page/plan/capture';
import { scopeDisplayName } from '../domain/naming';
import { scopeName } from '../page/plan/identity';
import type { PageProduct } from '../page/read/product';
import { foldText } from '../text/normalize';
import type { PageContext, PageSession } from './session';
import { companyOfProductId } from '../library/companies';

/**
 * Ce qu'une page offre à enregistrer (lu par le script de contenu, « panel.capture ») : le panneau le transmet à
 * l'arrière-plan (« page.capture »), qui le valide par ce schéma et décide où l'écrire.
 */
export const CapturedPageSchema = z.strictObject({
  model: z.enum(['criteria', 'deposits', 'form', 'none']),
  form: z.enum(['orientation', 'produit', 'fiche-administrative', 'marque-blanche']).optional(),
  /** Titre de la page et produit affiché : la provenance lisible des réponses. */
  title: z.string().max(2000),
  criteria: z.array(CriterionInputSchema).max(2000),
  answers: z.array(AnswerInputSchema).max(5000),
  product: ProductSchema.pick({ name: true, version: true, type: true, nil: true, responsable: true, description: true, certifications: true, interests: true }).partial().optional(),
  company: CompanyProfileSchema.omit({ id: true, updatedAt: true }).partial().optional(),
  empty: z.array(z.string().max(2000)).max(5000),
});
type CapturedPage = z.infer<typeof CapturedPageSchema>;

export type CaptureOutcome =
  /** La page ne montre ni critère, ni champ, ni zone lisible. */
  | { code: 'rien-lisible' }
  /** Rien à enregistrer (aucun élément lu). */
  | { code: 'rien' }
  /** Des éléments lus, tous sans réponse. */
  | { code: 'tout-vide'; empty: number }
  | { code: 'fiche-administrative'; fields: number }
  | { code: 'produit-incomplet' }
  | { code: 'produit-modifie'; library: string }
  | { code: 'produit-cree'; library: string }
  /** Des réponses lues mais pas enregistrées : produit affiché non lu (« Ce produit est : » d'abord). */
  | { code: 'sans-produit'; answers: number }
  /** Des réponses lues mais pas enregistrées : nom de variante d'une famille connue, à relier d'abord. */
  | { code: 'variante-d-abord'; answers: number }
  /** Page sans réponse : le produit est relié à sa bibliothèque (et le catalogue appris), rien d'autre. */
  | { code: 'relie'; library: string; empty: number }
  | { code: 'enregistre'; library: string; read: number; created: number; changed: number; unchanged: number; empty: number; inherited: number };

interface CaptureResult {
  outcome: CaptureOutcome;
  /** Le contexte de la page après l'enregistrement (bibliothèque reliée, source proposée) : le panneau n'a rien à redemander. */
  context: PageContext;
}

/** Les champs définis seulement : un champ absent de la page ne doit pas devenir « undefined » en base. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function saveCapture(
  repo: Repository,
  session: PageSession,
  tab: number | undefined,
  input: { captured: CapturedPage; pageProduct: PageProduct | null },
  opts: { author: string; now: () => Date },
): Promise<CaptureResult> {
  const outcome = await decide(repo, session, tab, input, opts);
  return { outcome, context: await session.context(tab, input.pageProduct) };
}

async function decide(
  repo: Repository,
  session: PageSession,
  tab: number | undefined,
  { captured: cap, pageProduct }: { captured: CapturedPage; pageProduct: PageProduct | null },
  { author, now }: { author: string; now: () => Date },
): Promise<CaptureOutcome> {
  // Provenance lisible : le titre de la page et le produit affiché (l'URL n'apprend rien à une personne).
  const shown = pageProduct ? `${pageProduct.name} - ${pageProduct.version} - ${pageProduct.number}` : '';
  const title = [cap.title, shown].filter(Boolean).join(' — ').slice(0, 2000);

  if (cap.model === 'form' && cap.form === 'fiche-administrative') {
    if (!cap.company) return { code: 'rien' };
    // Le profil d'entreprise du produit affiché s'il en désigne un (pour le compte d'un tiers), sinon celui par défaut.
    const { scope } = await session.identityOf(tab, pageProduct);
    const current = (scope ? await companyOfProductId(repo, scope.productId) : await repo.getCompany()) ?? null;
    await repo.putCompany(mergeCompany(current, cap.company), author);
    return { code: 'fiche-administrative', fields: Object.keys(cap.company).filter((k) => k !== 'extra').length + Object.keys(cap.company.extra ?? {}).length };
  }

  if (cap.product && Object.keys(cap.product).length > 0) {
    // Formulaire « Ajouter un nouveau produit » : la bibliothèque de même nom et version, sinon une nouvelle.
    // (Jamais la source choisie pour remplir : enregistrer un autre produit ne doit pas la renommer.)
    const p = cap.product;
    if (!p.name || !p.version) return { code: 'produit-incomplet' };
    const same = (await repo.listProducts()).find((e) => foldText(e.product.name) === foldText(p.name!) && foldText(e.product.version) === foldText(p.version!));
    if (same) {
      const updated = (await repo.updateProduct(same.product.id, defined(p), author)).result;
      return { code: 'produit-modifie', library: scopeDisplayName(updated) };
    }
    const created = (
      await repo.createProduct(
        defined({ name: p.name, version: p.version, type: p.type ?? 'socle', nil: p.nil, responsable: p.responsable ?? '', description: p.description ?? '', certifications: p.certifications, interests: p.interests ?? [] }) as Parameters<Repository['createProduct']>[0],
        author,
      )
    ).result;
    return { code: 'produit-cree', library: scopeDisplayName(created) };
  }

  if (cap.model === 'none') return { code: 'rien-lisible' };
  const empty = (): CaptureOutcome => (cap.empty.length > 0 ? { code: 'tout-vide', empty: cap.empty.length } : { code: 'rien' });

  // La bibliothèque du produit retenu pour la page ; sans elle, dire pourquoi (jamais deviner).
  const ctx = await session.context(tab, pageProduct);
  let scope = ctx.current;
  if (!scope) {
    const product = ctx.identity.product;
    // Sans réponse lue, rien n'est perdu : seulement le dire. Avec des réponses, dire pourquoi elles attendent.
    if (!product) return cap.answers.length === 0 ? empty() : { code: 'sans-produit', answers: cap.answers.length };
    // Un nom de variante d'une famille connue : la personne choisit (variante ou produit distinct), on ne devine pas.
    if (ctx.variantCandidate) return cap.answers.length === 0 ? empty() : { code: 'variante-d-abord', answers: cap.answers.length };
    scope = await session.link(product, undefined, author);
  }
  const library = scopeName(await session.entries(), scope);
  const at = now().toISOString();
  if (cap.criteria.length > 0) await repo.learnCriteria(cap.criteria, { kind: 'page', ref: title, at }, author);
  if (cap.answers.length === 0) return { code: 'relie', library, empty: cap.empty.length };

  let answers = cap.answers;
  let inherited = 0;
  if (scope.variantId) {
    // Une réponse identique à celle héritée de la famille n'est pas recopiée dans la variante.
    const resolved = await repo.resolvedAnswers(scope.productId, scope.variantId);
    ({ answers, inherited } = withoutInherited(cap.answers, resolved.filter((r) => r.source !== 'variante').map((r) => r.answer)));
  }
  const counts = answers.length
    ? (await repo.saveAnswers(scope.productId, scope.variantId, answers, { kind: 'page', ref: title, at }, { kind: 'capture', label: `Capture depuis « ${title} »`, author })).result
    : { created: 0, changed: 0, unchanged: 0 };
  return { code: 'enregistre', library, read: cap.answers.length, ...counts, empty: cap.empty.length, inherited };
}
