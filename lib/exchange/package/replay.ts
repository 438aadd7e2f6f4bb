/**
 * Règle de rejeu des paquets producteur, pure. Un produit du producteur est désigné par son n° Convergence
 * (celui que le paquet porte) ; une clé par son empreinte (SHA-256 du SPKI, 64 chiffres hexadécimaux).
 * - même clé, même produit : le numéro d'ordre doit être STRICTEMENT plus grand que le dernier importé,
 *   sinon le paquet est refusé comme rejeu (un ancien paquet ne remplace jamais un plus récent) ;
 * - même produit, AUTRE clé : issue distincte, jamais un remplacement silencieux — la personne doit choisir
 *   explicitement (le producteur a changé de clé… ou quelqu'un se fait passer pour lui) ;
 * - produit encore inconnu : premier paquet ; si la clé n'est connue d'aucun autre produit, la personne
 *   confirme l'empreinte avec le producteur (confiance à la première utilisation).
 */
import type { ProducerPackage } from './format';
import type { KeyFingerprint } from './keys';

/** Ce que le distributeur garde d'un paquet importé. */
export interface KnownPackage {
  /** Empreinte de la clé (hex, 64 chiffres). */
  fingerprint: string;
  /** N° Convergence du produit du producteur. */
  convergenceNumber: string;
  sequence: number;
  producerName?: string;
  createdAt?: string;
}

export interface PackageIdentity {
  fingerprint: string;
  convergenceNumber: string;
  sequence: number;
}

export type ReplayVerdict =
  /** Premier paquet de ce produit. `keyKnown` : la clé est déjà connue (autre produit du même producteur) ; sinon l'empreinte est à confirmer. */
  | { kind: 'nouveau'; keyKnown: boolean; message: string }
  /** Même clé, numéro plus grand : mise à jour (montrer le diff avant d'écrire). */
  | { kind: 'mise-a-jour'; previous: KnownPackage; message: string }
  /** Même clé, numéro égal ou plus petit : refusé. */
  | { kind: 'rejeu'; previous: KnownPackage; message: string }
  /** Même produit, autre clé : choix explicite exigé. */
  | { kind: 'autre-cle'; previous: KnownPackage[]; message: string };

/** Identité d'un paquet vérifié, pour la règle de rejeu. */
export function packageIdentity(pkg: Pick<ProducerPackage, 'product' | 'sequence'>, fingerprint: KeyFingerprint | string): PackageIdentity {
  return { fingerprint: typeof fingerprint === 'string' ? fingerprint : fingerprint.hex, convergenceNumber: pkg.product.convergenceNumber, sequence: pkg.sequence };
}

export function checkReplay(candidate: PackageIdentity, known: readonly KnownPackage[]): ReplayVerdict {
  const sameProduct = known.filter((k) => k.convergenceNumber === candidate.convergenceNumber);
  const sameKey = sameProduct.filter((k) => k.fingerprint === candidate.fingerprint);
  if (sameKey.length) {
    const previous = sameKey.reduce((a, b) => (b.sequence > a.sequence ? b : a));
    if (candidate.sequence > previous.sequence)
      return { kind: 'mise-a-jour', previous, message: `Mise à jour du paquet n° ${previous.sequence} par le paquet n° ${candidate.sequence} (même clé).` };
    return {
      kind: 'rejeu',
      previous,
      message:
        candidate.sequence === previous.sequence
          ? `Paquet refusé : le paquet n° ${candidate.sequence} de ce produit a déjà été importé (un paquet ne s'importe qu'une fois ; une mise à jour porte un numéro plus grand).`
          : `Paquet refusé : c'est le paquet n° ${candidate.sequence}, plus ancien que le paquet n° ${previous.sequence} déjà importé pour ce produit (rejeu d'un ancien paquet).`,
    };
  }
  if (sameProduct.length)
    return {
      kind: 'autre-cle',
      previous: sameProduct,
      message: `Attention : ce produit (n° Convergence ${candidate.convergenceNumber}) a déjà été importé d'un paquet signé par une AUTRE clé. Confirmez avec le producteur, de vive voix, l'empreinte de sa nouvelle clé avant de l'accepter ; sinon refusez ce paquet.`,
    };
  const keyKnown = known.some((k) => k.fingerprint === candidate.fingerprint);
  return {
    kind: 'nouveau',
    keyKnown,
    message: keyKnown
      ? 'Premier paquet de ce produit, signé par une clé déjà acceptée pour un autre produit de ce producteur.'
      : "Premier paquet de ce producteur : comparez l'empreinte de la clé avec celle que le producteur vous lit au téléphone avant de l'accepter.",
  };
}
