import { deflateRawSync, inflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { crc32, InflateError, inflateRawInto } from '../../../../lib/exchange/inflate';
import { FILE_LIMITS } from '../../../../lib/exchange/limits';
import { parseWorkbookBytes } from '../../../../lib/exchange/workbook-read';
import { inspectZip, sanitizeZip } from '../../../../lib/exchange/zip-guard';
import { workbook } from '../../support/db';

const enc = new TextEncoder();

/** Zip minimal d'une entrée, avec des champs à fausser. */
function oneEntryZip(data: Uint8Array, o: { usize?: number; localUsize?: number; flags?: number; method?: number; compressed?: Uint8Array; name?: string; localName?: string } = {}): Uint8Array {
  const comp = o.compressed ?? deflateRawSync(data);
  const name = enc.encode(o.name ?? 'xl/worksheets/sheet1.xml');
  const lname = enc.encode(o.localName ?? o.name ?? 'xl/worksheets/sheet1.xml');
  const crc = crc32(data);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(6, o.flags ?? 0, true);
  local.setUint16(8, o.method ?? 8, true);
  local.setUint32(14, crc, true);
  local.setUint32(18, comp.length, true);
  local.setUint32(22, o.localUsize ?? o.usize ?? data.length, true);
  local.setUint16(26, lname.length, true);
  const cd = new DataView(new ArrayBuffer(46));
  cd.setUint32(0, 0x02014b50, true);
  cd.setUint16(8, o.flags ?? 0, true);
  cd.setUint16(10, o.method ?? 8, true);
  cd.setUint32(16, crc, true);
  cd.setUint32(20, comp.length, true);
  cd.setUint32(24, o.usize ?? data.length, true);
  cd.setUint16(28, name.length, true);
  const cdOffset = 30 + lname.length + comp.length;
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, 1, true);
  eocd.setUint16(10, 1, true);
  eocd.setUint32(12, 46 + name.length, true);
  eocd.setUint32(16, cdOffset, true);
  const parts = [new Uint8Array(local.buffer), lname, comp, new Uint8Array(cd.buffer), name, new Uint8Array(eocd.buffer)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('décompression DEFLATE bornée', () => {
  it('décompresse comme zlib, à tous les niveaux, blocs stockés, fixes et dynamiques', () => {
    const samples = [new Uint8Array(0), enc.encode('a'), enc.encode('Niveau 2 '.repeat(5000)), Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251)];
    for (const s of samples) {
      for (const level of [0, 1, 6, 9]) {
        const out = new Uint8Array(s.length);
        const z = deflateRawSync(s, { level });
        expect(inflateRawInto(z, out)).toBe(z.length);
        expect(Buffer.from(out).equals(inflateRawSync(z))).toBe(true);
      }
    }
  });

  it('s’arrête net quand le flux produit plus ou moins que la taille déclarée, ou quand il est tronqué', () => {
    const z = deflateRawSync(new Uint8Array(1_000_000));
    expect(() => inflateRawInto(z, new Uint8Array(1000))).toThrow(InflateError);
    expect(() => inflateRawInto(z, new Uint8Array(1000))).toThrow('trop-grand');
    expect(() => inflateRawInto(z, new Uint8Array(2_000_000))).toThrow('trop-petit');
    for (const cut of [1, 2, 5, Math.floor(z.length / 2), z.length - 1]) expect(() => inflateRawInto(z.subarray(0, cut), new Uint8Array(1_000_000))).toThrow(InflateError);
    expect(() => inflateRawInto(new Uint8Array([0x07]), new Uint8Array(10))).toThrow('invalide');
  });

  it('CRC-32 conforme', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('archive zip vérifiée avant lecture', () => {
  const sheet = enc.encode('<worksheet/>');

  it('une archive honnête passe et se reconstruit sans compression, lue à l’identique', () => {
    const wb = workbook([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A06.1.1', 'Niveau 2']] }]);
    const clean = sanitizeZip(wb, 'ok.xlsx');
    expect(inspectZip(clean, 'ok.xlsx').every((e) => e.method === 0)).toBe(true);
    const direct = XLSX.read(wb, { type: 'array' });
    expect(XLSX.utils.sheet_to_json(XLSX.read(clean, { type: 'array' }).Sheets['Interopérabilité']!, { header: 1 })).toEqual(
      XLSX.utils.sheet_to_json(direct.Sheets['Interopérabilité']!, { header: 1 }),
    );
  });

  it.each([
    ['taille déclarée de 4 Gio', oneEntryZip(sheet, { usize: 0xfffffff0, localUsize: 0xfffffff0 }), /refusé : entrée « xl\/worksheets\/sheet1\.xml » trop volumineuse une fois décompressée \(4096 Mo, maximum 32 Mo\)/],
    ['marque ZIP64 sans champ ZIP64', oneEntryZip(sheet, { usize: 0xffffffff, localUsize: 0xffffffff }), /illisible : archive ZIP64 endommagée/],
    ['taille déclarée différente dans l’en-tête local', oneEntryZip(sheet, { localUsize: 99 }), /illisible : archive incohérente \(taille de « xl\/worksheets\/sheet1\.xml » différent/],
    ['nom différent dans l’en-tête local', oneEntryZip(sheet, { localName: 'autre.xml' }), /archive incohérente \(nom/],
    ['entrée chiffrée', oneEntryZip(sheet, { flags: 1 }), /refusé : entrée « xl\/worksheets\/sheet1\.xml » chiffrée/],
    ['méthode inconnue', oneEntryZip(sheet, { method: 14 }), /méthode non prise en charge \(14\)/],
    ['taux de compression d’une bombe', oneEntryZip(new Uint8Array(3 * 2 ** 20)), /anormalement compressée \(taux \d+ pour 1, maximum 100\)/],
    ['taille réelle plus grande que déclarée', oneEntryZip(new Uint8Array(1000), { compressed: deflateRawSync(new Uint8Array(900_000)) }), /refusé : archive endommagée ou piégée \(taille réelle de « xl\/worksheets\/sheet1\.xml » différente/],
    ['tronquée (17 octets)', oneEntryZip(sheet).subarray(0, 17), /illisible : archive tronquée ou endommagée \(fin de l'archive introuvable\)/],
  ])('refuse : %s', (_what, data, pattern) => {
    const started = Date.now();
    expect(() => parseWorkbookBytes(data, 'piege.xlsx')).toThrow(pattern);
    expect(() => parseWorkbookBytes(data, 'piege.xlsx')).toThrow(/« piege\.xlsx »/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuse une archive tronquée à chaque octet, vite et en français (jamais la boucle sans fin de SheetJS)', () => {
    const wb = workbook([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A06.1.1', 'Niveau 2']] }]);
    const started = Date.now();
    for (let cut = 4; cut < wb.length; cut += 97) expect(() => parseWorkbookBytes(wb.subarray(0, cut), 'coupe.xlsx')).toThrow(/« coupe\.xlsx » illisible/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuse trop d’entrées, avant toute décompression', () => {
    const many = XLSX.utils.book_new();
    for (let i = 0; i < 60; i++) XLSX.utils.book_append_sheet(many, XLSX.utils.aoa_to_sheet([['x']]), `F${i}`);
    const bytes = new Uint8Array(XLSX.write(many, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    // 60 feuilles : moins de 1 000 entrées, refusé ensuite par la limite de feuilles.
    expect(() => parseWorkbookBytes(bytes, 'f.xlsx')).toThrow(/trop de feuilles \(60, maximum 50\)/);
    expect(FILE_LIMITS.zipEntries).toBe(1000);
  });
});
