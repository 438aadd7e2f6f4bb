/**
 * Libellés de la plateforme Convergence repris tels quels (guide ANS « Référencement guidé », étapes 3.2 et 4.2) :
 * ce sont des données enregistrées dans la bibliothèque, pas des textes de l'interface.
 */
export const INTERESTS = [
  '1. Catalogue de services de Mon espace santé',
  '2. Certification de conformité des dispositifs médicaux numériques',
  '3. Ségur du Numérique en Santé',
  '4. Référencement du Bouquet de Services Professionnels (à venir)',
  '5. Certification de conformité des solutions de téléconsultations (à venir)',
] as const;
export const NO_INTEREST = 'Aucun dispositif identifié pour le moment';

export const LEGAL_FORMS = ['SAS', 'SASU', 'SARL', 'EURL', 'SA', 'Association', 'Établissement public', 'Autre'];

/** Champs de la fiche administrative sans champ dédié dans le profil : rangés dans `extra`, par leur libellé. */
export const COMPANY_EXTRA_FIELDS = ['Fonction', 'Adresse e-mail', 'N° de téléphone du représentant légal'] as const;
