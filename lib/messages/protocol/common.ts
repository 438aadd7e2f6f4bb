/**
 * Ce que toutes les familles de messages partagent : les champs courants (identifiant, auteur, variante, jeton
 * d'annulation), le produit tel que la page Convergence l'affiche, et la forme d'un message sans son sens
 * (émetteurs, destinataire), que seule la table de lib/messages/protocol.ts donne.
 */
import { z } from 'zod';
import { IsoDateTimeSchema, text } from '../../domain/schemas';

export const id = z.string().min(1).max(100);
export const author = text(200);
/** '' : la famille (pas de variante). */
export const variantId = text(100).default('');
/** Une portée désignée par le gestionnaire : une famille (variantId '') ou une de ses variantes. */
export const ScopeRequestSchema = z.strictObject({ productId: id, variantId });
export const UndoToken = z.string().nullable();
export const OperationSummarySchema = z.strictObject({ id: z.string(), kind: z.string(), label: z.string(), at: IsoDateTimeSchema, author: z.string() });

/** Un message sans son sens : ce qu'il fait, et ses schémas (la requête est vérifiée à la réception). */
export interface MessageSchemas {
  description: string;
  request: z.ZodType;
  response: z.ZodType;
}
