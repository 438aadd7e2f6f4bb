/**
 * Base64 standard (RFC 4648 § 4, avec remplissage) : contenus de fichiers portés par les messages (la messagerie de
 * l'extension ne transporte que du JSON), sauvegardes, et paquets (clé, signature, contenus de preuves).
 * Écrit à la main, par table : `btoa`/`atob` de Node 20 coûtent plusieurs secondes sur 10 Mo. Le décodage est
 * STRICT : une seule écriture acceptée par suite d'octets (alphabet, remplissage, bits inutilisés nuls), pour
 * qu'un caractère changé ne puisse jamais donner les mêmes octets.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENC = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const DEC = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DEC[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // =

export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENC[v >> 18]!;
    out[o++] = ENC[(v >> 12) & 63]!;
    out[o++] = ENC[(v >> 6) & 63]!;
    out[o++] = ENC[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | (i + 1 < n ? bytes[i + 1]! << 8 : 0);
    out[o++] = ENC[v >> 18]!;
    out[o++] = ENC[(v >> 12) & 63]!;
    out[o++] = i + 1 < n ? ENC[(v >> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return new TextDecoder('latin1').decode(out);
}

const digit = (s: string, i: number): number => {
  const code = s.charCodeAt(i);
  return code < 128 ? DEC[code]! : -1;
};

/** Les octets d'un base64 dans sa seule forme canonique ; null pour toute autre écriture. */
export function decodeCanonicalBase64(b64: string): Uint8Array | null {
  const len = b64.length;
  if (len % 4 !== 0) return null;
  const pad = len && b64.charCodeAt(len - 1) === PAD ? (b64.charCodeAt(len - 2) === PAD ? 2 : 1) : 0;
  const out = new Uint8Array((len / 4) * 3 - pad);
  const full = pad ? len - 4 : len;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = digit(b64, i);
    const b = digit(b64, i + 1);
    const c = digit(b64, i + 2);
    const d = digit(b64, i + 3);
    if ((a | b | c | d) < 0) return null;
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
  }
  if (pad) {
    const a = digit(b64, full);
    const b = digit(b64, full + 1);
    if ((a | b) < 0) return null;
    if (pad === 2) {
      if (b & 15) return null; // bits inutilisés non nuls : écriture non canonique
      out[o] = (a << 2) | (b >> 4);
    } else {
      const c = digit(b64, full + 2);
      if (c < 0 || c & 3) return null;
      out[o] = (a << 2) | (b >> 4);
      out[o + 1] = ((b & 15) << 4) | (c >> 2);
    }
  }
  return out;
}

/** Décodage tolérant des contenus portés par les messages et les sauvegardes (le paquet, lui, exige la forme canonique). */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
