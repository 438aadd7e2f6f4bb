/**
 * Archive zip non fiable (.xlsx, .ods) : le répertoire central est lu et vérifié AVANT toute lecture du
 * classeur (nombre d'entrées, tailles décompressées déclarées, taux de compression, en-têtes locaux
 * concordants, pas de chiffrement, pas de chevauchement, ZIP64 borné), puis chaque entrée est décompressée
 * par notre décompresseur borné et contrôlée (CRC-32, taille réelle = taille déclarée). SheetJS ne reçoit
 * qu'une archive reconstruite sans compression : il n'a plus rien à décompresser.
 * Spécification : APPNOTE.TXT de PKWARE (sections 4.3 et 4.5).
 */
import { UserError } from '../domain/errors';
import { displaySafe } from '../domain/text';
import { crc32, InflateError, inflateRawInto } from './inflate';
import { FILE_LIMITS, formatMiB } from './limits';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

interface ZipEntry {
  name: string;
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  dataOffset: number;
}

export function isZipBytes(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
/** Entier 64 bits ; au-delà de 2^53 il vaut Infinity (et dépasse donc toute limite). */
function u64(b: Uint8Array, o: number): number {
  const hi = u32(b, o + 4);
  return hi >= 0x200000 ? Infinity : hi * 0x100000000 + u32(b, o);
}

/** Nom d'entrée pour les messages : court et sans caractère trompeur. */
function entryName(bytes: Uint8Array, utf8: boolean): string {
  const head = bytes.subarray(0, 240);
  const s = utf8 ? new TextDecoder('utf-8').decode(head) : Array.from(head, (b) => String.fromCharCode(b)).join('');
  return displaySafe(s, 80);
}

interface Zip64Extra {
  size?: number;
  compressedSize?: number;
  offset?: number;
}

/** Champ supplémentaire ZIP64 (0x0001) : seules les valeurs marquées 0xFFFFFFFF y figurent, dans l'ordre. */
function readZip64Extra(extra: Uint8Array, want: { size: boolean; compressedSize: boolean; offset: boolean }): Zip64Extra | null {
  let o = 0;
  while (o + 4 <= extra.length) {
    const id = u16(extra, o);
    const len = u16(extra, o + 2);
    if (o + 4 + len > extra.length) return null;
    if (id === 0x0001) {
      const out: Zip64Extra = {};
      let p = o + 4;
      const end = p + len;
      for (const k of ['size', 'compressedSize', 'offset'] as const) {
        if (!want[k]) continue;
        if (p + 8 > end) return null;
        out[k] = u64(extra, p);
        p += 8;
      }
      return out;
    }
    o += 4 + len;
  }
  return want.size || want.compressedSize || want.offset ? null : {};
}

/**
 * Lit et vérifie le répertoire central. Toute anomalie est une UserError en français qui nomme le fichier.
 * Rien n'est décompressé ici : coût proportionnel au nombre d'entrées (borné).
 */
export function inspectZip(data: Uint8Array, fileName: string): ZipEntry[] {
  // « illisible » : archive abîmée ; « refusé » : archive qui dépasse une limite ou semble piégée.
  const bad = (why: string) => new UserError(`Fichier « ${fileName} » illisible : ${why}.`);
  const refuse = (why: string) => new UserError(`Fichier « ${fileName} » refusé : ${why}.`);
  const len = data.length;
  // Fin du répertoire central : la dernière signature dont le commentaire finit exactement le fichier.
  let eocd = -1;
  for (let i = len - 22; i >= 0 && i >= len - 22 - 0xffff; i--) {
    if (u32(data, i) === SIG_EOCD && i + 22 + u16(data, i + 20) === len) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad("archive tronquée ou endommagée (fin de l'archive introuvable)");
  let diskNo = u16(data, eocd + 4);
  let cdDisk = u16(data, eocd + 6);
  let countDisk: number = u16(data, eocd + 8);
  let count: number = u16(data, eocd + 10);
  let cdSize: number = u32(data, eocd + 12);
  let cdOffset: number = u32(data, eocd + 16);
  let cdEnd = eocd;
  if (count === 0xffff || countDisk === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || diskNo === 0xffff || cdDisk === 0xffff) {
    // ZIP64 : localisateur juste avant, puis l'enregistrement de fin ZIP64 qu'il désigne.
    const loc = eocd - 20;
    if (loc < 0 || u32(data, loc) !== SIG_EOCD64_LOCATOR) throw bad('archive ZIP64 endommagée (localisateur introuvable)');
    const rec = u64(data, loc + 8);
    if (!(rec + 56 <= loc) || u32(data, rec) !== SIG_EOCD64) throw bad('archive ZIP64 endommagée (fin de répertoire introuvable)');
    diskNo = u32(data, rec + 16);
    cdDisk = u32(data, rec + 20);
    countDisk = u64(data, rec + 24);
    count = u64(data, rec + 32);
    cdSize = u64(data, rec + 40);
    cdOffset = u64(data, rec + 48);
    cdEnd = rec;
  }
  if (diskNo !== 0 || cdDisk !== 0 || countDisk !== count) throw refuse('archive en plusieurs volumes, non prise en charge');
  if (count === 0) throw bad('archive vide');
  if (count > FILE_LIMITS.zipEntries) throw refuse(`trop d'entrées dans l'archive (${count > 1e9 ? 'plus d\'un milliard' : count}, maximum ${FILE_LIMITS.zipEntries})`);
  if (!(cdOffset + cdSize <= cdEnd)) throw bad('archive endommagée (répertoire central hors du fichier)');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let totalCompressed = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || u32(data, p) !== SIG_CENTRAL) throw bad('archive endommagée (répertoire central illisible)');
    const flags = u16(data, p + 8);
    const method = u16(data, p + 10);
    const crc = u32(data, p + 16);
    let compressedSize = u32(data, p + 20);
    let size = u32(data, p + 24);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    const startDisk = u16(data, p + 34);
    let localOffset = u32(data, p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdOffset + cdSize) throw bad('archive endommagée (répertoire central illisible)');
    const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
    const name = entryName(nameBytes, (flags & 0x800) !== 0);
    const want = { size: size === 0xffffffff, compressedSize: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff };
    if (want.size || want.compressedSize || want.offset) {
      const z = readZip64Extra(data.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), want);
      if (!z) throw bad(`archive ZIP64 endommagée (entrée « ${name} »)`);
      size = z.size ?? size;
      compressedSize = z.compressedSize ?? compressedSize;
      localOffset = z.offset ?? localOffset;
    }
    if (startDisk !== 0 && startDisk !== 0xffff) throw refuse('archive en plusieurs volumes, non prise en charge');
    if (nameLen === 0) throw bad('archive endommagée (entrée sans nom)');
    if (flags & 0x41) throw refuse(`entrée « ${name} » chiffrée : enregistrez le classeur sans mot de passe`);
    if (flags & 0x2000) throw refuse('répertoire central chiffré : enregistrez le classeur sans mot de passe');
    if (method !== 0 && method !== 8) throw refuse(`entrée « ${name} » compressée par une méthode non prise en charge (${method})`);
    if (method === 0 && size !== compressedSize) throw bad(`archive endommagée (tailles incohérentes pour « ${name} »)`);
    const key = Array.from(nameBytes).join(',');
    if (names.has(key)) throw refuse(`entrée « ${name} » en double dans l'archive`);
    names.add(key);
    if (size > FILE_LIMITS.zipEntryBytes)
      throw refuse(`entrée « ${name} » trop volumineuse une fois décompressée (${size === Infinity ? 'taille démesurée' : formatMiB(size)}, maximum ${formatMiB(FILE_LIMITS.zipEntryBytes)})`);
    total += size;
    totalCompressed += compressedSize;
    if (total > FILE_LIMITS.zipTotalBytes)
      throw refuse(`archive trop volumineuse une fois décompressée (plus de ${formatMiB(FILE_LIMITS.zipTotalBytes)})`);
    if (size > FILE_LIMITS.zipRatioFloor && size > compressedSize * FILE_LIMITS.zipRatio)
      throw refuse(`entrée « ${name} » anormalement compressée (taux ${compressedSize ? Math.round(size / compressedSize) : '∞'} pour 1, maximum ${FILE_LIMITS.zipRatio}) : bombe de décompression probable`);

    // En-tête local : doit exister, dans le fichier, et dire la même chose que le répertoire central.
    if (!(localOffset + 30 <= cdOffset) || u32(data, localOffset) !== SIG_LOCAL) throw bad(`archive endommagée (en-tête local de « ${name} » introuvable)`);
    const lFlags = u16(data, localOffset + 6);
    const lMethod = u16(data, localOffset + 8);
    const lCrc = u32(data, localOffset + 14);
    const lCsize = u32(data, localOffset + 18);
    const lSize = u32(data, localOffset + 22);
    const lNameLen = u16(data, localOffset + 26);
    const lExtraLen = u16(data, localOffset + 28);
    const lName = data.subarray(localOffset + 30, localOffset + 30 + lNameLen);
    const disagree = (what: string) => bad(`archive incohérente (${what} de « ${name} » différent dans l'en-tête local)`);
    if (lMethod !== method) throw disagree('méthode de compression');
    if ((lFlags & 0x41) !== (flags & 0x41)) throw disagree('chiffrement');
    if (lNameLen !== nameLen || lName.some((b, k) => b !== nameBytes[k])) throw disagree('nom');
    const descriptor = (lFlags & 0x08) !== 0;
    if (!(descriptor && lCrc === 0) && lCrc !== crc) throw disagree('somme de contrôle');
    const sizesFromZip64 = lCsize === 0xffffffff || lSize === 0xffffffff;
    if (sizesFromZip64) {
      const z = readZip64Extra(data.subarray(localOffset + 30 + lNameLen, localOffset + 30 + lNameLen + lExtraLen), { size: lSize === 0xffffffff, compressedSize: lCsize === 0xffffffff, offset: false });
      if (!z || (z.size ?? lSize) !== size || (z.compressedSize ?? lCsize) !== compressedSize) throw disagree('taille');
    } else if (!(descriptor && lCsize === 0 && lSize === 0) && (lCsize !== compressedSize || lSize !== size)) throw disagree('taille');
    const dataOffset = localOffset + 30 + lNameLen + lExtraLen;
    if (!(dataOffset + compressedSize <= cdOffset)) throw bad(`archive tronquée ou endommagée (données de « ${name} » hors du fichier)`);
    entries.push({ name, nameBytes, method, flags, crc, compressedSize, size, localOffset, dataOffset });
    p = next;
  }
  if (total > FILE_LIMITS.zipRatioFloor && total > totalCompressed * FILE_LIMITS.zipRatio)
    throw refuse(`archive anormalement compressée (taux ${totalCompressed ? Math.round(total / totalCompressed) : '∞'} pour 1, maximum ${FILE_LIMITS.zipRatio}) : bombe de décompression probable`);
  // Aucune entrée ne doit chevaucher la suivante (bombes « à chevauchement » : une donnée lue plusieurs fois).
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (prev.dataOffset + prev.compressedSize > sorted[i]!.localOffset) throw refuse(`archive piégée (les entrées « ${prev.name} » et « ${sorted[i]!.name} » se chevauchent)`);
  }
  return entries;
}

/**
 * Vérifie l'archive, décompresse chaque entrée (bornée, CRC-32 contrôlé) et renvoie une archive équivalente
 * sans compression, que SheetJS lit sans rien décompresser.
 */
export function sanitizeZip(data: Uint8Array, fileName: string): Uint8Array {
  const entries = inspectZip(data, fileName);
  let outSize = 22;
  for (const e of entries) outSize += 30 + e.nameBytes.length + e.size + 46 + e.nameBytes.length;
  const out = new Uint8Array(outSize);
  const w16 = (o: number, v: number) => {
    out[o] = v & 0xff;
    out[o + 1] = (v >>> 8) & 0xff;
  };
  const w32 = (o: number, v: number) => {
    w16(o, v & 0xffff);
    w16(o + 2, v >>> 16);
  };
  const offsets: number[] = [];
  let o = 0;
  for (const e of entries) {
    offsets.push(o);
    w32(o, SIG_LOCAL);
    w16(o + 4, 20);
    w16(o + 6, e.flags & 0x800);
    w16(o + 8, 0);
    w32(o + 14, e.crc);
    w32(o + 18, e.size);
    w32(o + 22, e.size);
    w16(o + 26, e.nameBytes.length);
    out.set(e.nameBytes, o + 30);
    const start = o + 30 + e.nameBytes.length;
    const target = out.subarray(start, start + e.size);
    const src = data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) target.set(src);
    else {
      try {
        inflateRawInto(src, target);
      } catch (err) {
        if (!(err instanceof InflateError)) throw err;
        const why =
          err.reason === 'trop-grand' || err.reason === 'trop-petit'
            ? `taille réelle de « ${e.name} » différente de la taille déclarée (${formatMiB(e.size)})`
            : err.reason === 'tronque'
              ? `données de « ${e.name} » tronquées`
              : `données de « ${e.name} » illisibles`;
        throw new UserError(`Fichier « ${fileName} » ${err.reason === 'trop-grand' ? 'refusé' : 'illisible'} : archive endommagée ou piégée (${why}).`);
      }
    }
    if (crc32(target) !== e.crc) throw new UserError(`Fichier « ${fileName} » illisible : archive endommagée (somme de contrôle incorrecte pour « ${e.name} »).`);
    o = start + e.size;
  }
  const cdStart = o;
  entries.forEach((e, i) => {
    w32(o, SIG_CENTRAL);
    w16(o + 4, 20);
    w16(o + 6, 20);
    w16(o + 8, e.flags & 0x800);
    w32(o + 16, e.crc);
    w32(o + 20, e.size);
    w32(o + 24, e.size);
    w16(o + 28, e.nameBytes.length);
    w32(o + 42, offsets[i]!);
    out.set(e.nameBytes, o + 46);
    o += 46 + e.nameBytes.length;
  });
  w32(o, SIG_EOCD);
  w16(o + 8, entries.length);
  w16(o + 10, entries.length);
  w32(o + 12, o - cdStart);
  w32(o + 16, cdStart);
  return out;
}
