/**
 * Types et identifiants partagés par les vues du gestionnaire : ici plutôt que dans Manager.tsx,
 * que les vues importeraient alors qu'il les importe (cycle).
 */
import type { Scope } from '../../lib/domain/schemas';
import type { ResponseOf } from '../../lib/messages/protocol';

export type { Scope };

export type ProductEntry = ResponseOf<'products.list'>['products'][number];

export type View = { kind: 'accueil' } | { kind: 'nouveau-produit' } | { kind: 'entreprise' } | { kind: 'bibliotheque' } | { kind: 'reglages' } | ({ kind: 'portee' } & Scope);

/** Identifiant du titre de la vue affichée : il reçoit le focus à chaque changement de vue. */
export const VIEW_HEADING_ID = 'mgr-view-heading';
