/**
 * Corpus de fichiers hostiles, généré à la demande (jamais versionné : il pèse des centaines de Mo) :
 *   npx tsx tests/hostile/generate-corpus.ts DOSSIER
 * Bombes de décompression (taille déclarée, taux réel, tailles mensongères), zips tronqués à de nombreux
 * endroits, structures de zip piégées, très longues chaînes partagées, JSON très imbriqués ou énormes,
 * mauvais encodages, pièges CSV, identifiants en double, caractères de contrôle, octets altérés au hasard
 * (graine fixe : le corpus est le même à chaque fois).
 *
 * Chaque fichier porte une attente : « refus » (le fichier DOIT être refusé, code 2), « accepte » (il doit
 * être lu) ou « libre » (l'un ou l'autre, pourvu que ce soit proprement).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { seeded } from '../fixtures/seeded';
import { FILE_LIMITS } from '../../lib/exchange/limits';
import { inspectZip } from '../../lib/exchange/zip-guard';

export type Expectation = 'refus' | 'accepte' | 'libre';

export interface CorpusEntry {
  file: string;
  category: string;
  expect: Expectation;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIX = join(ROOT, 'tests/fixtures');
const enc = new TextEncoder();

// ---------- zips sur mesure ----------

interface ZEntry {
  name: string;
  data: Uint8Array;
  method?: 0 | 8;
  /** Données compressées imposées (sinon calculées). */
  compressed?: Uint8Array;
  /** Valeurs écrites dans le répertoire central / l'en-tête local à la place des vraies. */
  cd?: { crc?: number; csize?: number; usize?: number; method?: number; flags?: number; name?: string; offset?: number; disk?: number; extra?: Uint8Array };
  local?: { crc?: number; csize?: number; usize?: number; method?: number; flags?: number; name?: string; extra?: Uint8Array };
  /** Descripteur de données après les données (bit 3) ; l'en-tête local dit alors 0. */
  descriptor?: boolean;
}

interface ZipOptions {
  eocd?: { count?: number; countDisk?: number; cdSize?: number; cdOffset?: number; disk?: number; cdDisk?: number; commentLen?: number };
  comment?: Uint8Array;
  prefix?: Uint8Array;
  suffix?: Uint8Array;
  /** Répertoire central écrit deux fois (entrées dupliquées, même en-tête local). */
  duplicateCd?: boolean;
  zip64?: { count?: number; cdSize?: number; cdOffset?: number; locatorOffset?: number };
}

class Bytes {
  parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }
  u16(v: number): void {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setUint16(0, v & 0xffff, true);
    this.push(b);
  }
  u32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    this.push(b);
  }
  u64(v: bigint): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, v, true);
    this.push(b);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

function zip(entries: ZEntry[], opts: ZipOptions = {}): Uint8Array {
  const b = new Bytes();
  if (opts.prefix) b.push(opts.prefix);
  const cds: { e: ZEntry; offset: number; crc: number; csize: number; usize: number; method: number }[] = [];
  for (const e of entries) {
    const method = e.method ?? 8;
    const comp = e.compressed ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const crc = crc32(e.data);
    const offset = b.length;
    const name = enc.encode(e.local?.name ?? e.name);
    const extra = e.local?.extra ?? new Uint8Array();
    b.u32(0x04034b50);
    b.u16(20);
    b.u16(e.local?.flags ?? (e.descriptor ? 8 : 0));
    b.u16(e.local?.method ?? method);
    b.u32(0);
    b.u32(e.local?.crc ?? (e.descriptor ? 0 : crc));
    b.u32(e.local?.csize ?? (e.descriptor ? 0 : comp.length));
    b.u32(e.local?.usize ?? (e.descriptor ? 0 : e.data.length));
    b.u16(name.length);
    b.u16(extra.length);
    b.push(name);
    b.push(extra);
    b.push(comp);
    if (e.descriptor) {
      b.u32(0x08074b50);
      b.u32(crc);
      b.u32(comp.length);
      b.u32(e.data.length);
    }
    cds.push({ e, offset, crc, csize: comp.length, usize: e.data.length, method });
  }
  const cdStart = b.length;
  const writeCd = () => {
    for (const { e, offset, crc, csize, usize, method } of cds) {
      const name = enc.encode(e.cd?.name ?? e.name);
      const extra = e.cd?.extra ?? new Uint8Array();
      b.u32(0x02014b50);
      b.u16(20);
      b.u16(20);
      b.u16(e.cd?.flags ?? (e.descriptor ? 8 : 0));
      b.u16(e.cd?.method ?? method);
      b.u32(0);
      b.u32(e.cd?.crc ?? crc);
      b.u32(e.cd?.csize ?? csize);
      b.u32(e.cd?.usize ?? usize);
      b.u16(name.length);
      b.u16(extra.length);
      b.u16(0);
      b.u16(e.cd?.disk ?? 0);
      b.u16(0);
      b.u32(0);
      b.u32(e.cd?.offset ?? offset);
      b.push(name);
      b.push(extra);
    }
  };
  writeCd();
  if (opts.duplicateCd) writeCd();
  const cdSize = b.length - cdStart;
  const count = cds.length * (opts.duplicateCd ? 2 : 1);
  if (opts.zip64) {
    const rec = b.length;
    b.u32(0x06064b50);
    b.u64(44n);
    b.u16(45);
    b.u16(45);
    b.u32(0);
    b.u32(0);
    b.u64(BigInt(opts.zip64.count ?? count));
    b.u64(BigInt(opts.zip64.count ?? count));
    b.u64(BigInt(opts.zip64.cdSize ?? cdSize));
    b.u64(BigInt(opts.zip64.cdOffset ?? cdStart));
    b.u32(0x07064b50);
    b.u32(0);
    b.u64(BigInt(opts.zip64.locatorOffset ?? rec));
    b.u32(1);
  }
  const comment = opts.comment ?? new Uint8Array();
  const z = opts.eocd ?? {};
  b.u32(0x06054b50);
  b.u16(z.disk ?? 0);
  b.u16(z.cdDisk ?? 0);
  b.u16(opts.zip64 ? 0xffff : (z.countDisk ?? z.count ?? count));
  b.u16(opts.zip64 ? 0xffff : (z.count ?? count));
  b.u32(opts.zip64 ? 0xffffffff : (z.cdSize ?? cdSize));
  b.u32(opts.zip64 ? 0xffffffff : (z.cdOffset ?? cdStart));
  b.u16(z.commentLen ?? comment.length);
  b.push(comment);
  if (opts.suffix) b.push(opts.suffix);
  return b.concat();
}

/** Champ supplémentaire ZIP64 (0x0001) portant les valeurs données, dans l'ordre de la spécification. */
function zip64Extra(values: bigint[]): Uint8Array {
  const b = new Bytes();
  b.u16(1);
  b.u16(values.length * 8);
  for (const v of values) b.u64(v);
  return b.concat();
}

/** Flux DEFLATE « bloc stocké » fait main : taille contrôlée au bit près. */
function storedDeflate(data: Uint8Array): Uint8Array {
  const b = new Bytes();
  for (let o = 0; o < data.length || o === 0; o += 65535) {
    const chunk = data.subarray(o, o + 65535);
    const last = o + 65535 >= data.length;
    b.push(new Uint8Array([last ? 1 : 0]));
    b.u16(chunk.length);
    b.u16(~chunk.length & 0xffff);
    b.push(chunk);
    if (data.length === 0) break;
  }
  return b.concat();
}

// ---------- matériaux de base ----------

function book(sheets: { name: string; rows: unknown[][] }[], bookType: XLSX.BookType = 'xlsx', compression = true): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression }) as ArrayBuffer);
}

const H = ['ID', 'Critère', 'Obligation/Option', 'Niveaux acceptables', 'Réponse', 'Commentaire', 'Preuves', 'Types de preuves attendus'];
const VALID_ROWS = [H, ['A08.5.23', 'Consommateur de documents CDA', 'Obligation', 'NA, 2, 3', 'Niveau 2', 'Affichage des CDA', '', ''], ['A06.1.1', 'Utilisation du CI-SIS', 'Option', '', 'Maturité moyenne', '', '', '']];

function validSheets(): { name: string; rows: unknown[][] }[] {
  return [
    { name: 'Interopérabilité', rows: VALID_ROWS },
    { name: 'Éthique', rows: [H, ['ETH.1.1', 'Finalités', 'Obligation', '', 'Conforme', '', 'Politique de confidentialité : politique.pdf', 'Politique de confidentialité']] },
  ];
}

/** Entrées (nom, contenu) d'un zip sans compression, lues par notre propre lecteur. */
function entriesOf(storedZip: Uint8Array): { name: string; data: Uint8Array }[] {
  return inspectZip(storedZip, 'base').map((e) => ({ name: new TextDecoder().decode(e.nameBytes), data: storedZip.slice(e.dataOffset, e.dataOffset + e.size) }));
}

const VALID_CSV = 'ID;Critère;Obligation/Option;Niveaux acceptables;Réponse;Commentaire\nA08.5.23;Consommateur CDA;Obligation;NA, 2, 3;Niveau 2;Affichage des CDA\n04.03;Identification;Obligation;1, 2, 3;Niveau 2;\n';

// ---------- le corpus ----------

export function generateCorpus(dir: string): CorpusEntry[] {
  mkdirSync(dir, { recursive: true });
  const out: CorpusEntry[] = [];
  const used = new Set<string>();
  const add = (category: string, name: string, data: Uint8Array | string, expect: Expectation) => {
    let file = name;
    for (let k = 2; used.has(file); k++) file = name.replace(/(\.[^.]*)?$/, `-${k}$1`);
    used.add(file);
    writeFileSync(join(dir, file), typeof data === 'string' ? enc.encode(data) : data);
    out.push({ file, category, expect });
  };
  const random = seeded(20250601);

  const pret = new Uint8Array(readFileSync(join(FIX, 'pret.xlsx')));
  const bloquants = new Uint8Array(readFileSync(join(FIX, 'bloquants.xlsx')));
  const libText = readFileSync(join(FIX, 'bibliotheque.json'), 'utf8');
  type Lib = { answers: Record<string, unknown>[]; products: Record<string, unknown>[]; variants: unknown[]; companies: unknown[]; files: unknown[]; criteria: unknown[] };
  const lib = JSON.parse(libText) as Lib;
  const base = entriesOf(book(validSheets(), 'xlsx', false));
  const validXlsx = zip(base);
  const validOds = book(validSheets(), 'ods');
  const sheetIdx = base.findIndex((e) => e.name === 'xl/worksheets/sheet1.xml');
  const withEntry = (i: number, patch: Partial<ZEntry>, extra: Partial<ZEntry>[] = []): ZEntry[] =>
    base.map((e, k) => (k === i ? { ...e, ...patch } : { ...e })).concat(extra.map((x) => ({ name: 'x', data: new Uint8Array(), ...x })));

  // Les fichiers valides de référence : ils doivent passer.
  add('valide', 'valide.xlsx', validXlsx, 'accepte');
  add('valide', 'valide.ods', validOds, 'accepte');
  add('valide', 'valide-stocke.xlsx', zip(base.map((e) => ({ ...e, method: 0 }))), 'accepte');
  add('valide', 'valide-descripteur.xlsx', zip(base.map((e) => ({ ...e, descriptor: true }))), 'accepte');
  add('valide', 'valide.csv', VALID_CSV, 'accepte');
  add('valide', 'bibliotheque.json', libText, 'accepte');

  // A. Bombes par taille déclarée (répertoire central et en-tête local d'accord, ou non).
  const sheet = base[sheetIdx]!;
  const declared = [0xffffffff, 0x80000000, 4 * 2 ** 30 - 2, 1e9, 100e6, 65 * 2 ** 20, FILE_LIMITS.zipEntryBytes + 1, FILE_LIMITS.zipEntryBytes, sheet.data.length * 10, sheet.data.length + 1, sheet.data.length - 1, 0, 1];
  for (const usize of declared) {
    add('bombe-taille-declaree', `declare-${usize}.xlsx`, zip(withEntry(sheetIdx, { cd: { usize }, local: { usize } })), 'refus');
    add('bombe-taille-declaree', `declare-cd-seul-${usize}.xlsx`, zip(withEntry(sheetIdx, { cd: { usize } })), 'refus');
  }
  // 1,9 Ko annonçant 4 Gio (cas de l'anomalie) : une entrée minuscule qui se dit énorme.
  add('bombe-taille-declaree', 'quatre-gio.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(1900).fill(0x41), cd: { usize: 0xffffffff }, local: { usize: 0xffffffff } }]), 'refus');
  // Plusieurs entrées, chacune sous la limite, dont la somme dépasse la limite totale.
  const manyBig: ZEntry[] = [];
  for (let k = 0; k < 3; k++) manyBig.push({ name: `xl/media/image${k}.bin`, data: new Uint8Array(64), cd: { usize: 30 * 2 ** 20 }, local: { usize: 30 * 2 ** 20 } });
  add('bombe-taille-declaree', 'total-trop-grand.xlsx', zip([...base, ...manyBig]), 'refus');
  // ZIP64 : tailles 64 bits démesurées dans le champ supplémentaire.
  for (const v of [2n ** 63n, 2n ** 40n, 70n * 2n ** 20n, 2n ** 53n + 1n]) {
    add('zip64', `zip64-taille-${v}.xlsx`, zip(withEntry(sheetIdx, { cd: { usize: 0xffffffff, extra: zip64Extra([v]) }, local: { usize: 0xffffffff, extra: zip64Extra([v]) } })), 'refus');
  }
  add('zip64', 'zip64-compte-enorme.xlsx', zip(base, { zip64: { count: 2 ** 40 } }), 'refus');
  add('zip64', 'zip64-localisateur-hors-fichier.xlsx', zip(base, { zip64: { locatorOffset: 2 ** 33 } }), 'refus');
  add('zip64', 'zip64-repertoire-hors-fichier.xlsx', zip(base, { zip64: { cdOffset: 2 ** 45 } }), 'refus');
  add('zip64', 'zip64-honnete.xlsx', zip(base, { zip64: {} }), 'accepte');

  // B. Bombes par taux de compression réel (zéros, texte répétitif) et tailles mensongères.
  for (const mb of [2, 5, 20, 47, 60]) {
    const zeros = new Uint8Array(mb * 2 ** 20);
    add('bombe-taux', `zeros-${mb}mo.xlsx`, zip(withEntry(sheetIdx, { data: zeros })), 'refus');
  }
  const big = new Uint8Array(64 * 2 ** 20);
  const bigDeflated = deflateRawSync(big, { level: 9 });
  add('bombe-taux', 'zeros-64mo.xlsx', zip(withEntry(sheetIdx, { data: big, compressed: bigDeflated })), 'refus');
  // Taille déclarée modeste, flux qui en produit 64 Mo : notre décompresseur s'arrête à la taille déclarée.
  for (const usize of [1000, 2 ** 20, 20 * 2 ** 20]) {
    const fake = new Uint8Array(usize);
    add('taille-mensongere', `ment-${usize}.xlsx`, zip(withEntry(sheetIdx, { data: fake, compressed: bigDeflated, cd: { csize: bigDeflated.length }, local: { csize: bigDeflated.length } })), 'refus');
  }
  // Flux qui produit moins que déclaré (CRC de la vraie donnée annoncée).
  add('taille-mensongere', 'ment-plus-petit.xlsx', zip(withEntry(sheetIdx, { compressed: deflateRawSync(sheet.data.subarray(0, 100)) })), 'refus');
  // Chaîne partagée géante (l'anomalie des 400 Mo) : refusée par le taux ou la taille totale.
  const sst = (n: number) => {
    const head = enc.encode('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>');
    const tail = enc.encode('</t></si></sst>');
    const d = new Uint8Array(head.length + n + tail.length);
    d.set(head);
    d.fill(0x61, head.length, head.length + n);
    d.set(tail, head.length + n);
    return d;
  };
  const withSst = (data: Uint8Array, compressed?: Uint8Array) => zip([...base, { name: 'xl/sharedStrings.xml', data, ...(compressed ? { compressed } : {}) }]);
  add('chaine-partagee-geante', 'sst-400mo-declares.xlsx', zip([...base, { name: 'xl/sharedStrings.xml', data: sst(1000), cd: { usize: 400e6 }, local: { usize: 400e6 } }]), 'refus');
  const sst60 = sst(60 * 2 ** 20);
  add('chaine-partagee-geante', 'sst-60mo.xlsx', withSst(sst60, deflateRawSync(sst60, { level: 1 })), 'refus');
  const sst30 = sst(30 * 2 ** 20);
  add('chaine-partagee-geante', 'sst-30mo-repetitif.xlsx', withSst(sst30, deflateRawSync(sst30, { level: 1 })), 'refus');
  // Chaîne partagée de 30 Mo peu compressible (mots tirés au hasard, taux ~ 5) : passe les contrôles avant
  // lecture, c'est la lecture bornée (mémoire, durée) qui décide.
  const words = ['conformité', 'niveau', 'critère', 'preuve', 'santé', 'produit', 'Convergence', 'référencement', 'éditeur', 'patient'].flatMap((w) => [w, w.toUpperCase(), `${w}s`, `${w}${Math.floor(random() * 1000)}`]);
  const noisyParts: string[] = [];
  let noisyLen = 0;
  while (noisyLen < 30 * 2 ** 20) {
    const w = words[Math.floor(random() * words.length)]! + ' ';
    noisyParts.push(w);
    noisyLen += w.length;
  }
  const noisyDoc = enc.encode(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${noisyParts.join('')}</t></si></sst>`);
  const noisyZ = deflateRawSync(noisyDoc, { level: 6 });
  if (noisyZ.length < 10 * 2 ** 20) add('chaine-partagee-geante', 'sst-30mo-mots.xlsx', withSst(noisyDoc, noisyZ), 'libre');
  // 20 Mo de petites cellules (400 000) : dans toutes les limites d'archive, c'est la lecture bornée qui décide.
  const cellRows: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  const cellCols = Array.from({ length: 150 }, (_, c) => XLSX.utils.encode_col(c));
  for (let r = 1, n = 0; n < 20 * 2 ** 20; r++) {
    const row = `<row r="${r}">${cellCols.map((c) => `<c r="${c}${r}" t="inlineStr"><is><t>x${r % 97}</t></is></c>`).join('')}</row>`;
    cellRows.push(row);
    n += row.length;
  }
  cellRows.push('</sheetData></worksheet>');
  add('cellules-nombreuses', 'cellules-20mo.xlsx', zip(withEntry(sheetIdx, { data: enc.encode(cellRows.join('')) })), 'libre');
  // Une cellule de commentaire de 5 millions de caractères (dans les limites du zip, au-delà du schéma).
  // (SheetJS refuse d'écrire plus de 32 767 caractères par cellule : la feuille est retouchée à la main.)
  const placeholder = entriesOf(book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau', 'Commentaire'], ['A06.1.1', '2', 'XXPLACEHOLDERXX']] }], 'xlsx', false));
  const longComment = zip(
    placeholder.map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, data: enc.encode(new TextDecoder().decode(e.data).replace('XXPLACEHOLDERXX', 'x'.repeat(5_000_000))) } : e)),
  );
  add('texte-trop-long', 'commentaire-5m.xlsx', longComment, 'refus');

  // C. Zips tronqués à de nombreux endroits.
  const truncate = (prefix: string, src: Uint8Array, count: number) => {
    const cuts = new Set<number>();
    for (let k = 1; k <= 17 && k < src.length; k++) cuts.add(k);
    for (let k = 1; k <= 30; k++) cuts.add(src.length - k);
    while (cuts.size < count) cuts.add(1 + Math.floor(random() * (src.length - 2)));
    for (const c of [...cuts].sort((a, b) => a - b)) add('zip-tronque', `${prefix}-coupe-${c}.${prefix.endsWith('ods') ? 'ods' : 'xlsx'}`, src.slice(0, c), 'refus');
  };
  truncate('pret', pret, 100);
  truncate('compresse', validXlsx, 70);
  truncate('bloquants', bloquants, 30);
  truncate('tableur-ods', validOds, 30);

  // D. Structures de zip piégées.
  const traps: [string, Uint8Array, Expectation][] = [
    ['chiffre.xlsx', zip(withEntry(sheetIdx, { cd: { flags: 1 }, local: { flags: 1 } })), 'refus'],
    ['chiffre-cd-seul.xlsx', zip(withEntry(sheetIdx, { cd: { flags: 1 } })), 'refus'],
    ['chiffrement-fort.xlsx', zip(withEntry(sheetIdx, { cd: { flags: 0x41 }, local: { flags: 0x41 } })), 'refus'],
    ['repertoire-chiffre.xlsx', zip(withEntry(sheetIdx, { cd: { flags: 0x2000 } })), 'refus'],
    ['methode-12.xlsx', zip(withEntry(sheetIdx, { cd: { method: 12 }, local: { method: 12 } })), 'refus'],
    ['methode-99.xlsx', zip(withEntry(sheetIdx, { cd: { method: 99 }, local: { method: 99 } })), 'refus'],
    ['methode-differente.xlsx', zip(withEntry(sheetIdx, { local: { method: 0 } })), 'refus'],
    ['nom-different.xlsx', zip(withEntry(sheetIdx, { local: { name: 'xl/worksheets/sheetX.xml' } })), 'refus'],
    ['crc-different.xlsx', zip(withEntry(sheetIdx, { local: { crc: 1234 } })), 'refus'],
    ['crc-faux-partout.xlsx', zip(withEntry(sheetIdx, { cd: { crc: 1234 }, local: { crc: 1234 } })), 'refus'],
    ['taille-compressee-differente.xlsx', zip(withEntry(sheetIdx, { local: { csize: 10 } })), 'refus'],
    ['taille-compressee-hors-fichier.xlsx', zip(withEntry(sheetIdx, { cd: { csize: 0x7fffffff }, local: { csize: 0x7fffffff } })), 'refus'],
    ['stocke-tailles-differentes.xlsx', zip(withEntry(sheetIdx, { method: 0, cd: { usize: 5 }, local: { usize: 5 } })), 'refus'],
    ['decalage-hors-fichier.xlsx', zip(withEntry(sheetIdx, { cd: { offset: 0x7fffffff } })), 'refus'],
    ['decalage-sur-repertoire.xlsx', zip(withEntry(sheetIdx, { cd: { offset: 0 } })), 'refus'],
    ['chevauchement-meme-entete.xlsx', zip(base, { duplicateCd: true }), 'refus'],
    ['volume-2.xlsx', zip(base, { eocd: { disk: 1 } }), 'refus'],
    ['volume-depart.xlsx', zip(withEntry(sheetIdx, { cd: { disk: 3 } })), 'refus'],
    ['compte-zero.xlsx', zip(base, { eocd: { count: 0 } }), 'refus'],
    ['compte-65535.xlsx', zip(base, { eocd: { count: 65535 } }), 'refus'],
    ['compte-plus-un.xlsx', zip(base, { eocd: { count: base.length + 1 } }), 'refus'],
    ['compte-moins-un.xlsx', zip(base, { eocd: { count: base.length - 1 } }), 'libre'],
    ['compte-disque-different.xlsx', zip(base, { eocd: { countDisk: 1 } }), 'refus'],
    ['repertoire-taille-fausse.xlsx', zip(base, { eocd: { cdSize: 10 } }), 'refus'],
    ['repertoire-taille-enorme.xlsx', zip(base, { eocd: { cdSize: 0x7fffffff } }), 'refus'],
    ['repertoire-decale.xlsx', zip(base, { eocd: { cdOffset: 3 } }), 'refus'],
    ['repertoire-hors-fichier.xlsx', zip(base, { eocd: { cdOffset: 0x7ffffff0 } }), 'refus'],
    ['commentaire-longueur-fausse.xlsx', zip(base, { eocd: { commentLen: 200 } }), 'refus'],
    ['commentaire-valide.xlsx', zip(base, { comment: enc.encode('Commentaire de l’archive') }), 'accepte'],
    ['octets-apres.xlsx', zip(base, { suffix: new Uint8Array(100).fill(7) }), 'refus'],
    ['octets-avant.xlsx', zip(base, { prefix: enc.encode('MZ auto-extractible') }), 'refus'],
    ['archive-vide.xlsx', zip([]), 'refus'],
    ['entree-sans-nom.xlsx', zip([...base, { name: '', data: new Uint8Array(3) }]), 'refus'],
    ['noms-en-double.xlsx', zip([...base, { ...base[sheetIdx]! }]), 'refus'],
    ['nom-chemin-remontant.xlsx', zip([...base, { name: '../../etc/passwd', data: enc.encode('x') }]), 'libre'],
    ['nom-tres-long.xlsx', zip([...base, { name: 'a'.repeat(60000), data: enc.encode('x') }]), 'libre'],
    ['nom-controle.xlsx', zip([...base, { name: 'x\u0000\u202e\n.xml', data: enc.encode('x') }]), 'libre'],
    ['flux-invalide.xlsx', zip(withEntry(sheetIdx, { compressed: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x11, 0x22]) })), 'refus'],
    ['flux-bloc-type-3.xlsx', zip(withEntry(sheetIdx, { compressed: new Uint8Array([0x07, 0, 0, 0]) })), 'refus'],
    ['flux-tronque.xlsx', zip(withEntry(sheetIdx, { compressed: deflateRawSync(sheet.data).subarray(0, 40) })), 'refus'],
    ['flux-stocke-fait-main.xlsx', zip(withEntry(sheetIdx, { compressed: storedDeflate(sheet.data) })), 'accepte'],
    ['flux-stocke-len-faux.xlsx', zip(withEntry(sheetIdx, { compressed: (() => { const s = storedDeflate(sheet.data); s[3] = s[3]! ^ 0xff; return s; })() })), 'refus'],
    ['descripteur-faux.xlsx', zip(withEntry(sheetIdx, { descriptor: true, cd: { csize: 5 } })), 'refus'],
    ['pas-un-classeur.xlsx', zip([{ name: 'notes.txt', data: enc.encode('bonjour') }]), 'refus'],
    ['zip-dans-zip.xlsx', zip([...base, { name: 'xl/embeddings/inner.zip', data: zip(base) }]), 'accepte'],
  ];
  // Trop d'entrées : 1 001 (limite + 1), 5 000, 65 535.
  for (const n of [1001, 5000, 65535]) {
    const many: ZEntry[] = [...base];
    for (let k = many.length; k < n; k++) many.push({ name: `x/${k}`, data: new Uint8Array(), method: 0 });
    traps.push([`entrees-${n}.xlsx`, zip(many), 'refus']);
  }
  // Bombe « à chevauchement » (non récursive) : beaucoup d'entrées centrales qui désignent les mêmes données.
  const overlapBase = zip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(2 ** 20) }]);
  const ov = inspectZip(overlapBase, 'x')[0]!;
  const overl: ZEntry[] = [];
  for (let k = 0; k < 200; k++) overl.push({ name: `k${k}.xml`, data: new Uint8Array(2 ** 20), compressed: overlapBase.slice(ov.dataOffset, ov.dataOffset + ov.compressedSize), cd: { offset: 0 } });
  traps.push(['chevauchement-200.xlsx', zip(overl), 'refus']);
  for (const [name, data, expect] of traps) add('zip-structure', name, data, expect);

  // E. Octets altérés au hasard dans des fichiers valides.
  const flip = (prefix: string, ext: string, src: Uint8Array, count: number, category = 'octets-alteres') => {
    for (let k = 0; k < count; k++) {
      const copy = src.slice();
      const n = 1 + Math.floor(random() * (k % 3 === 0 ? 1 : 16));
      for (let j = 0; j < n; j++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      add(category, `${prefix}-altere-${k}.${ext}`, copy, 'libre');
    }
  };
  flip('compresse', 'xlsx', validXlsx, 120);
  flip('pret', 'xlsx', pret, 40);
  flip('bloquants', 'xlsx', bloquants, 25);
  flip('tableur', 'ods', validOds, 50);
  flip('valide', 'csv', enc.encode(VALID_CSV), 25);
  flip('bibliotheque', 'json', enc.encode(libText), 80);

  // F. JSON : imbrication, tailles, syntaxe, encodage, sens.
  for (const d of [65, 100, 1000, 10_000, 100_000, 1_000_000, 4_000_000]) add('json-profond', `tableaux-${d}.json`, '['.repeat(d) + ']'.repeat(d), 'refus');
  for (const d of [65, 1000, 100_000]) add('json-profond', `objets-${d}.json`, '{"a":'.repeat(d) + '1' + '}'.repeat(d), 'refus');
  add('json-profond', 'tableaux-ouverts-5m.json', '['.repeat(5_000_000), 'refus');
  add('json-profond', 'profond-dans-bibliotheque.json', libText.replace('"comment": ""', `"comment": ${'['.repeat(10_000)}${']'.repeat(10_000)}`), 'refus');
  add('json-profond', 'profondeur-63.json', '['.repeat(63) + ']'.repeat(63), 'refus');
  const libWith = (mut: (l: typeof lib) => void) => {
    const l = JSON.parse(libText) as typeof lib;
    mut(l);
    return JSON.stringify(l, null, 2);
  };
  add('json-chaine-enorme', 'commentaire-5m.json', libWith((l) => (l.answers[0]!.comment = 'x'.repeat(5_000_000))), 'refus');
  add('json-chaine-enorme', 'nom-9m.json', libWith((l) => (l.products[0]!.name = 'N'.repeat(9_000_000))), 'refus');
  add('json-chaine-enorme', 'echappements-1m.json', libWith((l) => (l.answers[0]!.comment = '\u0001'.repeat(1_000_000))), 'refus');
  add('json-chaine-enorme', 'cle-1m.json', `{"${'k'.repeat(1_000_000)}":1}`, 'refus');
  add('json-chaine-enorme', 'id-500.json', libWith((l) => (l.products[0]!.id = 'p'.repeat(500))), 'refus');
  add('json-chaine-enorme', 'trop-gros.json', `{"format":"assistant-convergence","x":"${'a'.repeat(10 * 2 ** 20)}"}`, 'refus');
  add('json-chaine-enorme', 'preuves-500000.json', libWith((l) => (l.answers[0]!.evidence = Array(500_000).fill({}))), 'refus');
  add('json-chaine-enorme', 'interets-1m.json', libWith((l) => (l.products[0]!.interests = Array(1_000_000).fill(''))), 'refus');
  add('json-chaine-enorme', '200000-objets.json', `{"format":"assistant-convergence","version":1,"scope":"bibliotheque","exportedAt":"2025-01-01T00:00:00.000Z","companies":[],"products":[],"variants":[],"criteria":[],"files":[],"answers":[${Array(200_000).fill('{}').join(',')}]}`, 'refus');
  // Syntaxe : la bibliothèque coupée à de nombreux endroits, puis altérée caractère par caractère.
  const jsonCuts = new Set<number>([1, 2, 3, libText.length - 1, libText.length - 2]);
  while (jsonCuts.size < 80) jsonCuts.add(1 + Math.floor(random() * (libText.length - 2)));
  const stillJson = (t: string) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };
  // Une coupe dans les blancs de fin laisse un JSON valide : celle-là peut passer.
  for (const c of [...jsonCuts].sort((a, b) => a - b)) add('json-syntaxe', `coupe-${c}.json`, libText.slice(0, c), stillJson(libText.slice(0, c)) ? 'libre' : 'refus');
  const breakers = ['{', '}', '[', ']', ',', ':', '"', '\\', 'x', '\u0000', '\n'];
  for (let k = 0; k < 30; k++) {
    const at = Math.floor(random() * libText.length);
    add('json-syntaxe', `caractere-${k}.json`, libText.slice(0, at) + breakers[k % breakers.length] + libText.slice(at + 1), 'libre');
  }
  for (const [name, text] of [
    ['vide.json', ''],
    ['espaces.json', '   \n\t  '],
    ['null.json', 'null'],
    ['tableau.json', '[]'],
    ['nombre.json', '1'],
    ['chaine.json', '"assistant-convergence"'],
    ['vrai.json', 'true'],
    ['virgule-finale.json', '{"format":"assistant-convergence",}'],
    ['apostrophes.json', "{'format':'assistant-convergence'}"],
    ['commentaire.json', '// bibliothèque\n{"format":"assistant-convergence"}'],
    ['nan.json', '{"format":"assistant-convergence","version":NaN}'],
    ['nombre-infini.json', '{"format":"assistant-convergence","version":1e400}'],
    ['apres-la-fin.json', libText + '\n{}'],
    ['echappement-invalide.json', '{"format":"assistant-\\x41"}'],
    ['unicode-court.json', '{"format":"\\u12"}'],
  ] as const)
    add('json-syntaxe', name, text, 'refus');
  // Encodages.
  const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(libText)]);
  add('json-encodage', 'bom-utf8.json', bom8, 'accepte');
  const utf16 = (be: boolean) => {
    const b = new Uint8Array(2 + libText.length * 2);
    b.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let k = 0; k < libText.length; k++) {
      const c = libText.charCodeAt(k);
      b[2 + 2 * k] = be ? c >> 8 : c & 0xff;
      b[3 + 2 * k] = be ? c & 0xff : c >> 8;
    }
    return b;
  };
  add('json-encodage', 'utf16le.json', utf16(false), 'accepte');
  add('json-encodage', 'utf16be.json', utf16(true), 'accepte');
  add('json-encodage', 'utf16-impair.json', utf16(false).subarray(0, 101), 'refus');
  add('json-encodage', 'latin1.json', Uint8Array.from(libWith((l) => (l.products[0]!.name = 'Santé')), (c) => c.charCodeAt(0) & 0xff), 'refus');
  add('json-encodage', 'utf8-invalide.json', new Uint8Array([...enc.encode('{"format":"'), 0xc3, 0x28, ...enc.encode('"}')]), 'refus');
  add('json-encodage', 'utf8-surlong.json', new Uint8Array([...enc.encode('{"format":"'), 0xc0, 0xaf, ...enc.encode('"}')]), 'refus');
  add('json-encodage', 'octets-nuls.json', new Uint8Array([...enc.encode('{"format"'), 0, 0, ...enc.encode(':1}')]), 'refus');
  add('json-encodage', 'binaire.json', Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256)), 'refus');
  // Sens : format, version, clés interdites, doublons, références, caractères.
  const semantic: [string, string, Expectation][] = [
    ['format-autre.json', libWith((l) => ((l as unknown as Record<string, unknown>).format = 'autre')), 'refus'],
    ['version-absente.json', libWith((l) => delete (l as unknown as Record<string, unknown>).version), 'refus'],
    ['version-texte.json', libWith((l) => ((l as unknown as Record<string, unknown>).version = '1')), 'refus'],
    ['version-2.json', libWith((l) => ((l as unknown as Record<string, unknown>).version = 2)), 'refus'],
    ['version-null.json', libWith((l) => ((l as unknown as Record<string, unknown>).version = null)), 'refus'],
    ['version-objet.json', libWith((l) => ((l as unknown as Record<string, unknown>).version = { v: 1 })), 'refus'],
    ['proto-racine.json', libText.replace('{', '{"__proto__":{"x":1},'), 'refus'],
    ['proto-reponse.json', libText.replace('"comment": ""', '"comment": "", "__proto__": {"polluted": true}'), 'refus'],
    ['constructor.json', libText.replace('{', '{"constructor":{"prototype":{"x":1}},'), 'refus'],
    ['prototype-profond.json', libText.replace('"comment": ""', '"comment": "", "a": [[{"prototype": 1}]]'), 'refus'],
    ['produit-en-double.json', libWith((l) => l.products.push({ ...l.products[0]! })), 'refus'],
    ['variante-en-double.json', libWith((l) => l.variants.push({ id: 'v', productId: l.products[0]!.id, os: 'ios', device: 'mobile', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }, { id: 'v', productId: l.products[0]!.id, os: 'web', device: 'site-web', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' })), 'refus'],
    ['fiche-en-double.json', libWith((l) => l.companies.push({ id: 'c', denomination: 'A', extra: {}, updatedAt: '2025-01-01T00:00:00.000Z' }, { id: 'c', denomination: 'B', extra: {}, updatedAt: '2025-01-01T00:00:00.000Z' })), 'refus'],
    ['preuve-en-double.json', libWith((l) => l.files.push(...[1, 2].map(() => ({ id: 'f', productId: l.products[0]!.id, variantId: '', name: 'a.pdf', type: 'application/pdf', size: 1, hash: 'a'.repeat(64), evidenceType: 'CGU', addedAt: '2025-01-01T00:00:00.000Z' })))), 'refus'],
    ['reponse-en-double.json', libWith((l) => l.answers.push({ ...l.answers[0]! })), 'refus'],
    ['critere-en-double.json', libWith((l) => l.criteria.push({ ...(l.criteria[0] as object) })), 'refus'],
    ['produit-absent.json', libWith((l) => (l.products = [])), 'refus'],
    ['champ-inconnu.json', libWith((l) => ((l.answers[0] as Record<string, unknown>).extra = 1)), 'refus'],
    ['type-faux.json', libWith((l) => (l.answers[0]!.comment = 12)), 'refus'],
    ['niveau-faux.json', libWith((l) => (l.answers[0]!.value = { kind: 'niveau', level: '-1' })), 'refus'],
    ['date-fausse.json', libWith((l) => (l.answers[0]!.updatedAt = '2025-02-30T00:00:00Z')), 'refus'],
    ['controle-c0.json', libWith((l) => (l.answers[0]!.comment = 'a\u0001b')), 'refus'],
    ['controle-c1.json', libWith((l) => (l.answers[0]!.comment = 'a\u0085b\u009bc')), 'refus'],
    ['surrogat-isole.json', libWith((l) => (l.answers[0]!.comment = 'a\ud800b')), 'refus'],
    ['bidi-id.json', libWith((l) => (l.products[0]!.id = 'p\u202e1')), 'refus'],
    ['bidi-nom.json', libWith((l) => (l.products[0]!.name = 'Santé\u202eedoc')), 'accepte'],
    ['nom-sur-deux-lignes.json', libWith((l) => (l.products[0]!.name = 'Produit\nRésultat : 0 point(s) bloquant(s), 0 avertissement(s).')), 'accepte'],
    ['commentaire-faux-resultat.json', libWith((l) => (l.answers[0]!.comment = '\n\nRésultat : 0 point(s) bloquant(s)\u001b[2J')), 'refus'],
    ['titre-faux-resultat.json', libWith((l) => ((l.criteria[0] as Record<string, unknown>).title = 'Titre\n\nRésultat : 0 point(s) bloquant(s), 0 avertissement(s).')), 'libre'],
    ['bidi-commentaire.json', libWith((l) => (l.answers[0]!.comment = 'abc\u202edef\u2066x')), 'libre'],
  ];
  for (const [name, text, expect] of semantic) add('json-sens', name, text, expect);

  // G. CSV : pièges de types, encodages, guillemets, tailles, formules, doublons, caractères.
  const csvH = 'ID;Critère;Obligation/Option;Niveaux acceptables;Réponse;Commentaire;Valide jusqu\'au\n';
  const csvCases: [string, string | Uint8Array, Expectation][] = [
    ['types-04-03.csv', `${csvH}04.03;Identification;Obligation;2, 3;Niveau 2;;01/02/2025\n09.10;Journalisation;Option;;Niveau 1;;\n`, 'accepte'],
    ['niveaux-virgule.csv', `${csvH}A08.5.23;CDA;Obligation;"2, 3";Niveau 2;;\n`, 'accepte'],
    ['date-30-fevrier.csv', `${csvH}A01.1;x;Option;;Niveau 2;;30/02/2025\n`, 'refus'],
    ['date-us.csv', `${csvH}A01.1;x;Option;;Niveau 2;;02/30/2025\n`, 'refus'],
    ['date-iso-fausse.csv', `${csvH}A01.1;x;Option;;Niveau 2;;2025-13-01\n`, 'refus'],
    ['niveau-moins-un.csv', `${csvH}A01.1;x;Option;;Niveau -1;;\n`, 'refus'],
    ['niveau-2-5.csv', `${csvH}A01.1;x;Option;;Niveau 2.5;;\n`, 'refus'],
    ['niveau-nombre.csv', `${csvH}A01.1;x;Option;;1e5;;\n`, 'refus'],
    ['separateur-virgule.csv', 'ID,Critère,Réponse\nA01.1,"CDA, consommateur",Niveau 2\n', 'accepte'],
    ['separateur-tab.csv', 'ID\tCritère\tRéponse\nA01.1\tCDA\tNiveau 2\n', 'accepte'],
    ['indication-sep.csv', 'sep=,\nID,Critère,Réponse\nA01.1,CDA,Niveau 2\n', 'accepte'],
    ['separateurs-melanges.csv', 'ID;Critère,Réponse\nA01.1;CDA,Niveau 2\n', 'libre'],
    ['guillemet-non-ferme.csv', `${csvH}A01.1;"x;Option;;Niveau 2;;\n`, 'refus'],
    ['guillemets-doubles.csv', `${csvH}A01.1;"Le ""bon"" critère";Option;;Niveau 2;"ligne 1\nligne 2";\n`, 'accepte'],
    ['guillemet-milieu.csv', `${csvH}A01.1;le "x" critère;Option;;Niveau 2;;\n`, 'accepte'],
    ['formules.csv', `${csvH}A01.1;=1+1;Option;;Niveau 2;@SUM(A1);\nA02.1;+cmd;Option;;Niveau 2;-2+3;\n`, 'accepte'],
    ['formule-id.csv', `${csvH}=HYPERLINK("http://x");x;Option;;Niveau 2;;\n`, 'refus'],
    ['doublons.csv', `${csvH}A01.1;x;Option;;Niveau 2;;\nA01.1;y;Option;;Niveau 3;;\n`, 'refus'],
    ['vide.csv', '', 'refus'],
    ['entete-seule.csv', csvH, 'libre'],
    ['sans-entete.csv', 'a;b;c\n1;2;3\n', 'refus'],
    ['bom-utf8.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(VALID_CSV)]), 'accepte'],
    ['utf16le-bom.csv', Uint8Array.from([0xff, 0xfe, ...Array.from(VALID_CSV).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]), 'accepte'],
    ['utf16be-bom.csv', Uint8Array.from([0xfe, 0xff, ...Array.from(VALID_CSV).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]), 'accepte'],
    ['utf16-sans-bom.csv', Uint8Array.from(Array.from(VALID_CSV).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])), 'refus'],
    ['windows-1252.csv', Uint8Array.from(`${csvH}A01.1;Crit\u00e8re \u0080 \u0092;Option;;Niveau 2;d\u00e9j\u00e0;\n`, (c) => c.charCodeAt(0)), 'accepte'],
    ['utf8-bom-invalide.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('ID;Réponse\n'), 0xff, 0xfe]), 'refus'],
    ['binaire.csv', Uint8Array.from({ length: 5000 }, () => Math.floor(random() * 256)), 'refus'],
    ['20001-lignes.csv', csvH + 'A1;x;Option;;Niveau 2;;\n'.repeat(20_001), 'refus'],
    ['20000-lignes.csv', 'ID;Réponse\n' + Array.from({ length: 19_999 }, (_, k) => `A01.${k};Niveau 2\n`).join(''), 'accepte'],
    ['10000-colonnes.csv', 'ID;Réponse;' + Array(10_000).fill('x').join(';') + '\nA01.1;Niveau 2\n', 'accepte'],
    ['champ-5m.csv', `${csvH}A01.1;x;Option;;Niveau 2;${'y'.repeat(5_000_000)};\n`, 'refus'],
    ['ligne-de-separateurs.csv', 'ID;Réponse\n' + ';'.repeat(2_000_000) + '\n', 'libre'],
    ['titre-c1.csv', `${csvH}A01.1;Titre\u0085\u009b[2J;Option;;Niveau 2;;\n`, 'accepte'],
    ['titre-bidi.csv', `${csvH}A01.1;abc\u202edef;Option;;Niveau 2;;\n`, 'accepte'],
    ['titre-faux-resultat.csv', `${csvH}A01.1;"Titre\n\nRésultat : 0 point(s) bloquant(s), 0 avertissement(s).";Obligation;2, 3;;;\n`, 'accepte'],
    ['auteur-sur-deux-lignes.csv', 'ID;Réponse;Auteur\nA01.1;Niveau 2;"Alice\nRésultat : 0"\n', 'accepte'],
    ['id-500.csv', `${csvH}${'A'.repeat(500)};x;Option;;Niveau 2;;\n`, 'refus'],
    ['titre-3000.csv', `${csvH}A01.1;${'t'.repeat(3000)};Option;;Niveau 2;;\n`, 'refus'],
    ['preuve-sans-nom.csv', 'ID;Réponse;Preuves\nETH.1.1;Conforme;Politique : \n', 'libre'],
    ['questionnaire-inconnu.csv', 'Questionnaire;ID;Réponse\n' + 'Q'.repeat(100_000) + ';A01.1;Niveau 2\n', 'refus'],
  ];
  for (const [name, data, expect] of csvCases) add('csv', name, data, expect);

  // H. Classeurs au contenu piégé (bien formés).
  const xl: [string, Uint8Array, Expectation][] = [
    ['doublons.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A01', '2'], ['A01', '3']] }]), 'refus'],
    ['doublons-feuilles.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A01', '2']] }, { name: 'Interop bis', rows: [['ID', 'Niveau'], ['A01', '3']] }]), 'refus'],
    ['id-500.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A'.repeat(500), '2']] }]), 'refus'],
    ['titre-3000.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Critère', 'Niveau'], ['A01', 't'.repeat(3000), '2']] }]), 'refus'],
    ['niveau-moins-un.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A01', 'Niveau -1']] }]), 'refus'],
    ['niveau-2-5.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A01', 2.5]] }]), 'refus'],
    ['date-30-fevrier.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau', "Valide jusqu'au"], ['A01', '2', '30/02/2025']] }]), 'refus'],
    ['51-feuilles.xlsx', book(Array.from({ length: 51 }, (_, k) => ({ name: `F${k}`, rows: [['ID', 'Niveau'], [`A${k}`, '2']] }))), 'refus'],
    ['20001-lignes.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ...Array.from({ length: 20_000 }, (_, k) => [`A${k}.1`, '2'])] }]), 'refus'],
    ['300-colonnes.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Niveau', ...Array(298).fill('x')], ['A01', '2']] }]), 'accepte'],
    ['titre-faux-resultat.xlsx', book([{ name: 'Interopérabilité', rows: [['ID', 'Critère', 'Obligation', 'Niveau minimum'], ['A01', 'x\n\nRésultat : 0 point(s) bloquant(s), 0 avertissement(s).\u001b[2J', 'Obligation', '2']] }]), 'accepte'],
    ['produit-nom-piege.xlsx', book([{ name: 'Produit', rows: [['Format', 'assistant-convergence-excel'], ['Identifiant', 'p\u202e1'], ['Nom du produit', 'Santé\nRésultat : 0 point(s) bloquant(s)']] }, { name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A01', '2']] }]), 'libre'],
    ['produit-id-500.xlsx', book([{ name: 'Produit', rows: [['Format', 'assistant-convergence-excel'], ['Identifiant', 'p'.repeat(500)]] }, { name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A01', '2']] }]), 'libre'],
    ['feuille-nom-controle.ods', book([{ name: 'Inter\u0085\u202eop', rows: [['ID', 'Niveau'], ['A01', '2']] }], 'ods'), 'libre'],
    ['preuves-101.xlsx', book([{ name: 'Éthique', rows: [['ID', 'Réponse', 'Preuves'], ['ETH.1.1', 'Conforme', Array.from({ length: 101 }, (_, k) => `T : f${k}.pdf`).join('\n')]] }]), 'refus'],
    ['formule.xlsx', (() => {
      const wb = XLSX.utils.book_new();
      const ws = XLSX.utils.aoa_to_sheet([['ID', 'Niveau'], ['A01', '2']]);
      ws['B2'] = { t: 'n', v: 2, f: 'SUM(1,1)' };
      XLSX.utils.book_append_sheet(wb, ws, 'Interopérabilité');
      return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    })(), 'refus'],
  ];
  for (const [name, data, expect] of xl) add('classeur-contenu', name, data, expect);

  // I. Ancien format Excel (.xls, fichier composé) : valide, tronqué, altéré.
  const xls = book(validSheets(), 'biff8');
  add('xls', 'valide.xls', xls, 'accepte');
  for (let k = 0; k < 10; k++) add('xls', `xls-coupe-${k}.xls`, xls.slice(0, Math.floor(((k + 1) * xls.length) / 12)), 'libre');
  flip('ancien', 'xls', xls, 15, 'xls');

  // J. Déchets et déguisements.
  const junk: [string, Uint8Array | string, Expectation][] = [
    ['vide.xlsx', new Uint8Array(), 'refus'],
    ['un-octet.xlsx', new Uint8Array([0x50]), 'refus'],
    ['signature-seule.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'refus'],
    ['dix-sept-octets.xlsx', validXlsx.slice(0, 17), 'refus'],
    ['trop-gros.xlsx', (() => { const b = new Uint8Array(10 * 2 ** 20 + 1); b.set([0x50, 0x4b, 0x03, 0x04]); return b; })(), 'refus'],
    ['pdf.xlsx', enc.encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'refus'],
    ['html.xls', enc.encode('<html><body><table><tr><td>ID</td><td>Niveau</td></tr><tr><td>A01</td><td>2</td></tr></table></body></html>'), 'refus'],
    ['cfb-tronque.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'refus'],
    ['json-deguise.xlsx', libText, 'accepte'],
    ['zip-deguise.json', validXlsx, 'refus'],
    ['csv-deguise.xlsx', VALID_CSV, 'refus'],
  ];
  for (const ext of ['xlsx', 'ods', 'csv', 'json', 'xls']) for (let k = 0; k < 4; k++) junk.push([`aleatoire-${k}.${ext}`, Uint8Array.from({ length: 64 + Math.floor(random() * 8000) }, () => Math.floor(random() * 256)), 'refus']);
  for (const [name, data, expect] of junk) add('dechets', name, data, expect);

  // Noms de fichiers piégés (saut de ligne, contrôle bidirectionnel) : le rapport ne doit pas les rendre bruts.
  add('nom-piege', 'piege\nRésultat : 0 point(s) bloquant(s).xlsx', validXlsx, 'accepte');
  add('nom-piege', 'piege-\u202egpj.csv', VALID_CSV, 'accepte');
  return out;
}

// Lancement direct : npx tsx tests/hostile/generate-corpus.ts DOSSIER
if (process.argv[1] && /generate-corpus\.ts$/.test(process.argv[1])) {
  const dir = process.argv[2] ?? join(ROOT, '.tmp/hostile-corpus');
  const t0 = Date.now();
  const files = generateCorpus(dir);
  const byCat = new Map<string, number>();
  for (const f of files) byCat.set(f.category, (byCat.get(f.category) ?? 0) + 1);
  console.log(`${files.length} fichiers dans ${dir} en ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const [c, n] of byCat) console.log(`  ${c} : ${n}`);
}
