/**
 * Décompression DEFLATE (RFC 1951) bornée, et CRC-32 : les entrées d'une archive non fiable sont
 * décompressées ici, jamais par SheetJS, dont le décompresseur alloue la taille déclarée, ne vérifie pas
 * la fin des données et peut tourner sans fin sur une archive tronquée.
 *
 * Garanties : la sortie est écrite dans un tableau de la taille déclarée (un octet de plus est une
 * erreur) ; chaque tour de boucle consomme des bits d'entrée ou produit un octet ; lire au-delà de
 * l'entrée est une erreur. Le coût est donc borné par la taille déclarée et celle de l'entrée.
 */

export class InflateError extends Error {
  constructor(readonly reason: 'tronque' | 'invalide' | 'trop-grand' | 'trop-petit') {
    super(reason);
    this.name = 'InflateError';
  }
}

const MAXBITS = 15;
const FAST_BITS = 9;
const FAST_SIZE = 1 << FAST_BITS;

const LEN_BASE = new Uint16Array([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]);
const LEN_EXTRA = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
const DIST_BASE = new Uint16Array([1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]);
const DIST_EXTRA = new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Code de Huffman canonique : décodage par table pour les codes courts, bit à bit au-delà. */
interface Huffman {
  count: Uint16Array;
  symbol: Uint16Array;
  /** (longueur << 16) | symbole, ou 0 quand le code fait plus de FAST_BITS bits ou n'existe pas. */
  fast: Int32Array;
}

function buildHuffman(lengths: Uint8Array, n: number): Huffman {
  const count = new Uint16Array(MAXBITS + 1);
  for (let s = 0; s < n; s++) count[lengths[s]!]!++;
  count[0] = 0;
  let left = 1;
  for (let len = 1; len <= MAXBITS; len++) {
    left = (left << 1) - count[len]!;
    if (left < 0) throw new InflateError('invalide'); // code sur-souscrit
  }
  const offs = new Uint16Array(MAXBITS + 1);
  for (let len = 1; len < MAXBITS; len++) offs[len + 1] = offs[len]! + count[len]!;
  const symbol = new Uint16Array(n);
  for (let s = 0; s < n; s++) if (lengths[s]) symbol[offs[lengths[s]!]!++] = s;
  // Table rapide : codes canoniques (MSB d'abord) inversés, car le flux se lit bit de poids faible d'abord.
  const fast = new Int32Array(FAST_SIZE);
  let code = 0;
  let index = 0;
  for (let len = 1; len <= FAST_BITS; len++) {
    for (let i = 0; i < count[len]!; i++) {
      const sym = symbol[index++]!;
      let rev = 0;
      for (let b = 0; b < len; b++) rev |= ((code >> b) & 1) << (len - 1 - b);
      for (let k = rev; k < FAST_SIZE; k += 1 << len) fast[k] = (len << 16) | sym;
      code++;
    }
    code <<= 1;
  }
  return { count, symbol, fast };
}

let FIXED: { lit: Huffman; dist: Huffman } | null = null;
function fixedTables(): { lit: Huffman; dist: Huffman } {
  if (FIXED) return FIXED;
  const l = new Uint8Array(288);
  for (let s = 0; s < 144; s++) l[s] = 8;
  for (let s = 144; s < 256; s++) l[s] = 9;
  for (let s = 256; s < 280; s++) l[s] = 7;
  for (let s = 280; s < 288; s++) l[s] = 8;
  const d = new Uint8Array(30).fill(5);
  FIXED = { lit: buildHuffman(l, 288), dist: buildHuffman(d, 30) };
  return FIXED;
}

/**
 * Décompresse un flux DEFLATE brut dans `out`, qui doit en recevoir exactement la taille : plus est
 * « trop-grand », moins est « trop-petit ». Renvoie le nombre d'octets d'entrée consommés.
 */
export function inflateRawInto(input: Uint8Array, out: Uint8Array): number {
  const inLen = input.length;
  const outLen = out.length;
  let pos = 0;
  let bitBuf = 0;
  let bitCnt = 0;
  let woff = 0;

  const need = (n: number): void => {
    while (bitCnt < n) {
      if (pos >= inLen) throw new InflateError('tronque');
      bitBuf |= input[pos++]! << bitCnt;
      bitCnt += 8;
    }
  };
  const bits = (n: number): number => {
    need(n);
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return v;
  };
  const decode = (h: Huffman): number => {
    // Charge ce qui est disponible sans exiger 9 bits : un dernier code court peut finir le flux.
    while (bitCnt <= 24 && pos < inLen) {
      bitBuf |= input[pos++]! << bitCnt;
      bitCnt += 8;
    }
    if (bitCnt >= FAST_BITS) {
      const e = h.fast[bitBuf & (FAST_SIZE - 1)]!;
      if (e !== 0) {
        const len = e >>> 16;
        bitBuf >>>= len;
        bitCnt -= len;
        return e & 0xffff;
      }
    }
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAXBITS; len++) {
      code |= bits(1);
      const count = h.count[len]!;
      if (code - count < first) return h.symbol[index + (code - first)]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('invalide');
  };

  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      // Bloc stocké : on revient à la frontière d'octet ; les octets déjà chargés sont rendus.
      bitBuf >>>= bitCnt & 7;
      bitCnt -= bitCnt & 7;
      pos -= bitCnt >>> 3;
      bitBuf = 0;
      bitCnt = 0;
      if (pos + 4 > inLen) throw new InflateError('tronque');
      const len = input[pos]! | (input[pos + 1]! << 8);
      const nlen = input[pos + 2]! | (input[pos + 3]! << 8);
      pos += 4;
      if (len !== (~nlen & 0xffff)) throw new InflateError('invalide');
      if (pos + len > inLen) throw new InflateError('tronque');
      if (woff + len > outLen) throw new InflateError('trop-grand');
      out.set(input.subarray(pos, pos + len), woff);
      pos += len;
      woff += len;
      continue;
    }
    let lit: Huffman;
    let dist: Huffman;
    if (type === 1) ({ lit, dist } = fixedTables());
    else if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      if (nlen > 286 || ndist > 30) throw new InflateError('invalide');
      const clLens = new Uint8Array(19);
      for (let i = 0; i < ncode; i++) clLens[CL_ORDER[i]!] = bits(3);
      const clCode = buildHuffman(clLens, 19);
      const lengths = new Uint8Array(nlen + ndist);
      let i = 0;
      while (i < nlen + ndist) {
        const sym = decode(clCode);
        if (sym < 16) lengths[i++] = sym;
        else {
          let rep: number;
          let val = 0;
          if (sym === 16) {
            if (i === 0) throw new InflateError('invalide');
            val = lengths[i - 1]!;
            rep = 3 + bits(2);
          } else if (sym === 17) rep = 3 + bits(3);
          else rep = 11 + bits(7);
          if (i + rep > nlen + ndist) throw new InflateError('invalide');
          while (rep--) lengths[i++] = val;
        }
      }
      if (lengths[256] === 0) throw new InflateError('invalide'); // pas de code de fin de bloc
      lit = buildHuffman(lengths.subarray(0, nlen), nlen);
      dist = buildHuffman(lengths.subarray(nlen), ndist);
    } else throw new InflateError('invalide');

    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        if (woff >= outLen) throw new InflateError('trop-grand');
        out[woff++] = sym;
      } else if (sym === 256) break;
      else {
        const li = sym - 257;
        if (li >= 29) throw new InflateError('invalide');
        const len = LEN_BASE[li]! + bits(LEN_EXTRA[li]!);
        const di = decode(dist);
        if (di >= 30) throw new InflateError('invalide');
        const d = DIST_BASE[di]! + bits(DIST_EXTRA[di]!);
        if (d > woff) throw new InflateError('invalide');
        if (woff + len > outLen) throw new InflateError('trop-grand');
        for (let k = 0; k < len; k++, woff++) out[woff] = out[woff - d]!;
      }
    }
  }
  if (woff !== outLen) throw new InflateError('trop-petit');
  return pos - (bitCnt >>> 3);
}

let CRC_TABLE: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = t[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
