/**
 * Correspondance entre les libellés affichés par Convergence et les champs de la bibliothèque,
 * pour le formulaire produit (« Ajouter un nouveau produit ») et la fiche administrative.
 * Les libellés sont ceux du guide ANS ; un libellé inconnu de la fiche va dans `extra`, sous son libellé.
 */
import type { CompanyProfile, Product } from '../../domain/schemas';

export type ProductField = 'name' | 'version' | 'type' | 'nil' | 'responsable' | 'description' | 'certifications' | 'interests';

/** Clé de libellé (repliée, cf. foldText) → champ produit. L'ordre compte : le premier qui correspond. */
const PRODUCT_FIELDS: readonly { field: ProductField; match: RegExp }[] = [
  { field: 'name', match: /^nom du produit/ },
  { field: 'version', match: /^version/ },
  { field: 'type', match: /^type (de|du) produit/ },
  { field: 'nil', match: /(nil|n° d'identification)/ },
  { field: 'responsable', match: /^responsable/ },
  { field: 'description', match: /^description/ },
  { field: 'certifications', match: /^certifications?/ },
  { field: 'interests', match: /dispositifs de referencement/ },
];

type CompanyField = Exclude<keyof CompanyProfile, 'id' | 'extra' | 'updatedAt'>;

const COMPANY_FIELDS: readonly { field: CompanyField; match: RegExp }[] = [
  { field: 'denomination', match: /^denomination/ },
  { field: 'formeJuridique', match: /^forme juridique/ },
  { field: 'adresseSiege', match: /^adresse du siege/ },
  { field: 'rcs', match: /rcs/ },
  { field: 'siret', match: /^siret/ },
  { field: 'siteWeb', match: /^site (web|internet)/ },
  { field: 'telephone', match: /^n° de telephone$|^telephone$/ },
  { field: 'representantNom', match: /^nom$|^nom du representant/ },
  { field: 'representantPrenom', match: /^prenom/ },
];

export function productFieldOf(key: string): ProductField | null {
  return PRODUCT_FIELDS.find((f) => f.match.test(key))?.field ?? null;
}

export function companyFieldOf(key: string): CompanyField | null {
  return COMPANY_FIELDS.find((f) => f.match.test(key))?.field ?? null;
}

/** Les champs de la fiche administrative recopiés depuis le produit (lecture seule sur la page). */
export const FICHE_PRODUCT_FIELDS = /^(nom|version) du produit/;

export function productTypeLabel(type: Product['type']): string {
  return type === 'option' ? 'Option' : 'Socle';
}
