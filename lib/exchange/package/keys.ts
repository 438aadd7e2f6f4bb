/**
 * Clés de signature des paquets producteur : ECDSA P-256 par WebCrypto (`globalThis.crypto.subtle`, présent
 * dans Node 20 et dans les pages de l'extension), empreinte lisible à voix haute, export de la clé publique.
 *
 * Empreinte : SHA-256 de la clé publique au format SubjectPublicKeyInfo (DER) telle que WebCrypto l'exporte.
 * - `hex` : les 64 chiffres hexadécimaux, pour comparer et stocker ;
 * - `display` : les 32 premiers (128 bits), en majuscules, en 8 groupes de 4 séparés par une espace
 *   (« 3F2A 9C01 … »). 128 bits suffisent contre une seconde préimage (2^128 essais), et des chiffres
 *   hexadécimaux se dictent sans ambiguïté en français (« trois, F, deux, A ») sans liste de mots à traduire.
 */
import { encodeBase64 } from '../../text/base64';

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface KeyFingerprint {
  /** SHA-256 du SPKI, 64 chiffres hexadécimaux minuscules. */
  hex: string;
  /** 8 groupes de 4 chiffres hexadécimaux majuscules (128 premiers bits), à lire à voix haute. */
  display: string;
}

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) indisponible');
  return s;
};

/**
 * La paire de clés d'une bibliothèque. `extractable: false` (par défaut) : la clé privée ne peut jamais
 * être exportée (elle reste dans IndexedDB) ; la clé publique l'est toujours.
 */
export async function generateSigningKeyPair(extractable = false): Promise<CryptoKeyPair> {
  return subtle().generateKey(ECDSA_P256, extractable, ['sign', 'verify']);
}

export async function exportSpki(publicKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('spki', publicKey));
}

const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** « 3F2A 9C01 77B0 … » : les 32 premiers chiffres, par groupes de 4. */
export function displayFingerprint(hex: string): string {
  return (hex.slice(0, 32).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

/** Empreinte d'une clé publique (CryptoKey) ou de son SPKI (octets DER). */
export async function keyFingerprint(key: CryptoKey | Uint8Array): Promise<KeyFingerprint> {
  const spki = key instanceof Uint8Array ? key : await exportSpki(key);
  const digest = new Uint8Array(await subtle().digest('SHA-256', spki.slice().buffer as ArrayBuffer));
  const hex = toHex(digest);
  return { hex, display: displayFingerprint(hex) };
}

/** Clé publique seule, au format PEM (« -----BEGIN PUBLIC KEY----- », SPKI, lignes de 64 caractères). */
export async function exportPublicKeyPem(publicKey: CryptoKey): Promise<string> {
  const b64 = encodeBase64(await exportSpki(publicKey));
  return `-----BEGIN PUBLIC KEY-----\n${(b64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** Clé publique seule, au format JWK (`{ kty: "EC", crv: "P-256", x, y }`). */
export async function exportPublicKeyJwk(publicKey: CryptoKey): Promise<JsonWebKey> {
  const jwk = await subtle().exportKey('jwk', publicKey);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

/**
 * Importe le SPKI d'un paquet pour vérifier sa signature. null si ce n'est pas une clé P-256, ou si ce n'est
 * pas exactement la forme qu'exporte WebCrypto (point non compressé) : l'empreinte d'une clé n'a qu'une valeur.
 */
export async function importPublicSpki(spki: Uint8Array): Promise<CryptoKey | null> {
  let key: CryptoKey;
  try {
    key = await subtle().importKey('spki', spki.slice().buffer as ArrayBuffer, ECDSA_P256, true, ['verify']);
  } catch {
    return null;
  }
  const again = await exportSpki(key);
  if (again.length !== spki.length || again.some((b, i) => b !== spki[i])) return null;
  return key;
}

export async function signBytes(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(ECDSA_SHA256, privateKey, data.slice().buffer as ArrayBuffer));
}

export async function verifyBytes(publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return await subtle().verify(ECDSA_SHA256, publicKey, signature.slice().buffer as ArrayBuffer, data.slice().buffer as ArrayBuffer);
  } catch {
    return false;
  }
}
