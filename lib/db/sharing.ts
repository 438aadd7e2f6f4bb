/**
 * Les réglages de la table `sharing` (v5) : ce qu'ils sont, et ce qu'une sauvegarde complète en garde.
 * Un seul registre : une nouvelle sorte de réglage s'ajoute ici, avec son schéma, ou elle n'est pas
 * sauvegardée (et une sauvegarde qui en porterait une serait refusée).
 *
 * La clé de signature des paquets n'y est jamais : sa partie privée est non exportable (WebCrypto), elle ne
 * peut pas quitter ce navigateur. Une bibliothèque restaurée ailleurs signera avec une nouvelle clé.
 */
import { z } from 'zod';
import { IsoDateTimeSchema, text } from '../domain/schemas';
import { JourneyObservationsSchema } from '../rules/journey-schema';

/** La paire de clés de signature de la bibliothèque (jamais sauvegardée). */
export const SIGNING_KEY_ID = 'cle-signature';

export const sequenceKey = (convergenceNumber: string) => `ordre|${convergenceNumber}`;
export const confidentialKey = (productId: string, variantId: string) => `confidentiel|${productId}|${variantId}`;
export const reviewKey = (distributorProductId: string) => `revue|${distributorProductId}`;

/**
 * « Garder pour cette variante » (comparaison des variantes) : la marque qu'un écart est voulu, sous
 * `garder|produit|variante|critère` ('' = la famille d'un distributeur). Elle retient les deux contenus
 * comparés : si l'un change ensuite, l'écart n'est plus celui qui a été examiné et redevient « à revoir ».
 */
export const KEEP_PREFIX = 'garder|';
export const keepKey = (productId: string, variantId: string, criterionKey: string) => `${KEEP_PREFIX}${productId}|${variantId}|${criterionKey}`;
/** Signatures comparées : texte JSON (borné par les tailles d'une valeur et d'un commentaire). */
const Signature = z.string().max(60_000);
export const KeepMarkSchema = z.strictObject({ at: IsoDateTimeSchema, own: Signature, reference: Signature });
export type KeepMark = z.infer<typeof KeepMarkSchema>;

export interface SharingKind {
  prefix: string;
  /** Ce que le réglage est, pour un message d'erreur. */
  label: string;
  value: z.ZodType;
  /**
   * Restauration : la valeur gardée quand la bibliothèque en a déjà une. Sans fusion, celle de la sauvegarde.
   * Les numéros d'ordre ne reculent jamais : un paquet signé après une restauration d'une sauvegarde plus
   * ancienne serait sinon refusé comme rejeu par les distributeurs.
   */
  merge?: (current: unknown, restored: unknown) => unknown;
}

const criterionKeys = z.array(text(100)).max(20000);

const SHARING_KINDS: readonly SharingKind[] = [
  {
    prefix: 'ordre|',
    label: "numéro d'ordre des paquets",
    value: z.number().int().nonnegative(),
    merge: (current, restored) => Math.max(typeof current === 'number' ? current : 0, restored as number),
  },
  { prefix: 'confidentiel|', label: 'commentaires confidentiels', value: criterionKeys },
  { prefix: 'revue|', label: 'réponses revues', value: z.record(text(100), z.number().int().nonnegative()) },
  { prefix: KEEP_PREFIX, label: 'écarts gardés (comparaison des variantes)', value: KeepMarkSchema },
  // Observations de la plateforme (statuts vus et leur date) : par produit de la bibliothèque, ou par n° Convergence.
  { prefix: 'parcours|', label: 'parcours vu sur Convergence', value: JourneyObservationsSchema },
];

export function sharingKindOf(id: string): SharingKind | undefined {
  return SHARING_KINDS.find((k) => id.startsWith(k.prefix) && id.length > k.prefix.length);
}

export const SharingBackupSchema = z
  .strictObject({ id: text(400).min(1), value: z.unknown() })
  .superRefine((r, ctx) => {
    const kind = sharingKindOf(r.id);
    if (!kind) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `réglage inconnu « ${r.id.slice(0, 60)} »` });
      return;
    }
    const v = kind.value.safeParse(r.value);
    if (!v.success) ctx.addIssue({ code: 'custom', path: ['value'], message: `${kind.label} invalide` });
  });
