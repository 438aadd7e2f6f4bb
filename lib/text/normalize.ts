/**
 * lib/text — textes et octets sans métier : le repli du texte affiché (accents, casse, guillemets, tirets), ici,
 * partagé par la lecture des pages et le modèle ; le base64 des messages, sauvegardes et paquets (base64.ts).
 * N'importe rien de lib/, ni d'ailleurs.
 */
/**
 * Texte affiché « replié » pour la reconnaissance des pages : sans accents ni casse, guillemets,
 * apostrophes et tirets typographiques unifiés, espaces regroupés — mais la ponctuation est gardée
 * (« : », « ' », « > ») car les détecteurs s'y appuient. Pour comparer des valeurs sans ponctuation,
 * voir normalizeText de lib/domain/text.ts.
 */
export function foldText(input: string | null | undefined): string {
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

/** Retire l'astérisque des champs obligatoires et les espaces superflus. */
export function cleanLabel(input: string | null | undefined): string {
  return (input ?? '').replace(/\s*\*\s*$/, '').replace(/[\s\u00a0]+/g, ' ').trim();
}
