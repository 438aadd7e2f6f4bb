/**
 * Normalisation du texte affiché, pour comparer ce qu'une personne lit sans dépendre
 * des accents, de la casse, des guillemets typographiques ni des espaces insécables.
 */
export function normalizeText(input: string | null | undefined): string {
  if (!input) return '';
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Vrai si `haystack` contient chacun des fragments (comparaison normalisée). */
export function includesAll(haystack: string, ...needles: string[]): boolean {
  const h = normalizeText(haystack);
  return needles.every((n) => h.includes(normalizeText(n)));
}

/** Vrai si `haystack` contient au moins un des fragments (comparaison normalisée). */
export function includesAny(haystack: string, ...needles: string[]): boolean {
  const h = normalizeText(haystack);
  return needles.some((n) => h.includes(normalizeText(n)));
}

/** Retire l'astérisque des champs obligatoires et les espaces superflus. */
export function cleanLabel(input: string | null | undefined): string {
  return (input ?? '').replace(/\s*\*\s*$/, '').replace(/[\s\u00a0]+/g, ' ').trim();
}
