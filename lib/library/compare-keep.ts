/**
 * « Garder pour cette variante » : la marque qu'un écart de la comparaison est voulu (issue 11 § 2).
 * Rangée dans la table `sharing` sous `garder|produit|variante|critère` ; ce module ne dépend que de zod et du
 * domaine pour que le registre des réglages sauvegardés (lib/db/sharing.ts) puisse l'inscrire sans cycle.
 *
 * La marque retient les deux contenus comparés (celui de la colonne et celui de sa référence) : si l'un change
 * ensuite, l'écart n'est plus celui qui a été examiné et redevient « à revoir ».
 */
import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/schemas';

export const KEEP_PREFIX = 'garder|';

/** Clé de la marque : produit, variante ('' = la famille d'un distributeur), critère. */
export function keepKey(productId: string, variantId: string, criterionKey: string): string {
  return `${KEEP_PREFIX}${productId}|${variantId}|${criterionKey}`;
}

/** Signatures comparées : texte JSON (borné par les tailles d'une valeur et d'un commentaire). */
const Signature = z.string().max(60_000);

export const KeepMarkSchema = z.strictObject({
  at: IsoDateTimeSchema,
  own: Signature,
  reference: Signature,
});
export type KeepMark = z.infer<typeof KeepMarkSchema>;

/** L'entrée du registre des réglages sauvegardés (même forme que SharingKind de lib/db/sharing.ts). */
export const KEEP_SHARING_KIND = { prefix: KEEP_PREFIX, label: 'écarts gardés (comparaison des variantes)', value: KeepMarkSchema } as const;
