/** Champs du formulaire produit (étape 3.2) et de la fiche administrative (étape 4.2). */

export const INTERETS = [
  '1. Catalogue de services de Mon espace santé',
  '2. Certification de conformité des dispositifs médicaux numériques',
  '3. Ségur du Numérique en Santé',
  '4. Référencement du Bouquet de Services Professionnels (à venir)',
  '5. Certification de conformité des solutions de téléconsultations (à venir)',
];
export const AUCUN_DISPOSITIF = 'Aucun dispositif identifié pour le moment';

export interface FicheField {
  id: string;
  label: string;
  section: 1 | 2 | 3;
  type: 'text' | 'select' | 'email' | 'tel' | 'url';
  /** renseigné depuis la fiche produit, en lecture seule */
  fromProduct?: 'nom' | 'version';
  options?: string[];
}

export const FORMES_JURIDIQUES = ['SAS', 'SASU', 'SARL', 'EURL', 'SA', 'Association', 'Établissement public', 'Autre'];

/** Les 14 questions obligatoires de la fiche administrative. */
export const FICHE_FIELDS: FicheField[] = [
  { id: 'nomProduit', label: 'Nom du produit', section: 1, type: 'text', fromProduct: 'nom' },
  { id: 'versionProduit', label: 'Version du produit', section: 1, type: 'text', fromProduct: 'version' },
  { id: 'denomination', label: 'Dénomination ou raison sociale', section: 2, type: 'text' },
  { id: 'formeJuridique', label: 'Forme juridique', section: 2, type: 'select', options: FORMES_JURIDIQUES },
  { id: 'adresseSiege', label: 'Adresse du siège', section: 2, type: 'text' },
  { id: 'rcs', label: 'N° RCS', section: 2, type: 'text' },
  { id: 'siret', label: 'SIRET', section: 2, type: 'text' },
  { id: 'siteWeb', label: 'Site web', section: 2, type: 'url' },
  { id: 'telephone', label: 'N° de téléphone', section: 2, type: 'tel' },
  { id: 'nom', label: 'Nom', section: 3, type: 'text' },
  { id: 'prenom', label: 'Prénom', section: 3, type: 'text' },
  { id: 'fonction', label: 'Fonction', section: 3, type: 'text' },
  { id: 'email', label: 'Adresse e-mail', section: 3, type: 'email' },
  { id: 'telephoneRepresentant', label: 'N° de téléphone du représentant légal', section: 3, type: 'tel' },
];

export const FICHE_SECTIONS: Record<1 | 2 | 3, string> = {
  1: '1. Informations du produit',
  2: '2. Description de la structure porteuse du produit',
  3: '3. Représentant légal de la structure',
};
