/**
 * Identifiants de critères tels qu'affichés par Convergence : A06.1.1, A08.5.23 (Interopérabilité),
 * 04.03 (Sécurité), QUA.1.5, DEV.1.1 (Éthique)… Une section porte un préfixe (A06.1) sans contrôle.
 */
const ID_AT_START = /^[\s\u00a0•·\-–—]*((?:[A-Z]\d{2}(?:\.\d+)+|[A-Z]{2,4}\.\d+(?:\.\d+)*|\d{2}\.\d{2}(?:\.\d+)*|[A-Z]{1,4}-\d+(?:\.\d+)*))(?=$|[\s:–—\-)])/;

/** L'identifiant au début d'un texte (après espaces et puces), ou null. */
export function leadingCriterionId(text: string): string | null {
  // Une seule expression, sans copie du texte : elle passe sur chaque texte d'une page de milliers de nœuds.
  const m = ID_AT_START.exec(text);
  return m?.[1] ?? null;
}
