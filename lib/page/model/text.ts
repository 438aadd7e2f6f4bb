/**
 * Ce que la lecture des pages dit à la personne (indices de reconnaissance, ce qui n'a pas pu être lu) :
 * un code et ses paramètres, jamais une phrase toute faite. L'interface les traduit
 * (components/page-strings.ts), dans la langue choisie ; les citations de la page restent telles quelles.
 */
export const PAGE_TEXT_KEYS = [
  // Indices de reconnaissance d'une page.
  'indiceTitre',
  'indiceTitres',
  'indiceBouton',
  'indiceFenetre',
  'indiceFil',
  'indiceTexte',
  'indiceStatutConvention',
  'indiceDemarche',
  'indiceListe',
  'indiceNiveauxMaturite',
  'indiceDossier',
  'indiceOrientation',
  'indiceTableauDeBord',
  // Page non reconnue.
  'nonReconnuTitre',
  'nonReconnuSansTitre',
  // Ce qui n'a pas pu être lu.
  'questionnaireInconnu',
  'aucunCritere',
  'identifiantSansReponse',
  'controleNonLu',
  'aucuneZone',
  'critereSansReponse',
  'minimumNonIndique',
  'natureNonIndiquee',
] as const;

export type PageTextKey = (typeof PAGE_TEXT_KEYS)[number];

export interface PageText {
  key: PageTextKey;
  params?: Record<string, string | number>;
}

export const pageText = (key: PageTextKey, params?: Record<string, string | number>): PageText => (params ? { key, params } : { key });
