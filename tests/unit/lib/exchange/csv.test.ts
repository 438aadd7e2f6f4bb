import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, detectSeparator, parseCsv } from '../../../../lib/exchange/csv';
import { parseSpreadsheet } from '../../../../lib/exchange/sheet-import';
import { parseDateCell } from '../../../../lib/exchange/sheet-parse';

const DIR = resolve(__dirname, '../../../fixtures/csv');
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const parse = (name: string) => parseSpreadsheet(read(name), name);

describe('CSV : chaque cellule reste le texte écrit', () => {
  it('« 04.03 », « 09.10 », « 01/02/2025 » et « 2, 3 » ne sont pas convertis (pieges-types.csv)', () => {
    const p = parse('pieges-types.csv');
    expect(p.sheets[0]).toMatchObject({ name: 'pieges-types', rows: 3 });
    expect(p.rows.map((r) => [r.questionnaire, r.criterion.id])).toEqual([
      ['securite', '04.03'],
      ['securite', '09.10'],
      ['interoperabilite', 'A08.5.23'],
    ]);
    // « 2, 3 » est une liste de niveaux, pas une date ; « 01/02/2025 » est le 1er février (jj/mm/aaaa).
    expect(p.rows[0]?.criterion.acceptableLevels).toEqual(['2', '3']);
    expect(p.rows[0]?.answer?.validUntil).toBe('2025-02-01');
    expect(p.rows[1]?.answer?.validUntil).toBe('2026-12-31');
    // « 0012 » garde ses zéros, « =1+1 » reste un texte (jamais une formule).
    expect(p.rows[0]?.answer?.comment).toBe('0012');
    expect(p.rows[1]?.answer?.comment).toBe('=1+1');
    // Séparateur entre guillemets, saut de ligne et guillemets doublés (RFC 4180).
    expect(p.rows[2]?.criterion.title).toBe('Consommateur CDA; documents');
    expect(p.rows[2]?.answer?.comment).toBe('ligne 1\nligne 2 avec "guillemets"');
    expect(p.rows[2]?.criterion.acceptableLevels).toEqual(['NA', '2', '3']);
  });

  it('virgule comme séparateur, BOM UTF-8, espaces d’un commentaire gardés (virgule-bom.csv)', () => {
    const p = parse('virgule-bom.csv');
    expect(p.rows.map((r) => [r.criterion.id, r.criterion.title, r.answer?.value])).toEqual([
      ['A06.1.1', 'CI-SIS, version 2', { kind: 'niveau', level: '2' }],
      ['ETH.1.1', 'Finalités', { kind: 'conformite', conformity: 'conforme' }],
    ]);
    expect(p.rows[0]?.answer?.comment).toBe('  espaces gardés  ');
  });

  it('Windows-1252 quand le texte n’est pas de l’UTF-8 valide : é, ’, €, —, œ (windows-1252.csv)', () => {
    expect(decodeText(read('windows-1252.csv'), 'w.csv').encoding).toBe('windows-1252');
    const p = parse('windows-1252.csv');
    expect(p.rows[0]?.criterion).toMatchObject({ id: 'QUA.1.5', title: 'Qualité de la donnée', questionnaire: 'ethique' });
    expect(p.rows[0]?.answer?.comment).toBe('l’offre coûte 5 € — cœur de métier');
  });

  it('UTF-16 petit et grand boutiste avec BOM, tabulation comme séparateur', () => {
    for (const name of ['utf16le-bom.csv', 'utf16be-bom.csv']) {
      expect(decodeText(read(name), name).encoding).toBe(name.startsWith('utf16le') ? 'utf-16le' : 'utf-16be');
      const p = parse(name);
      expect(p.rows.map((r) => [r.criterion.id, r.criterion.title, r.answer?.value])).toEqual([
        ['A06.1.1', 'CI-SIS', { kind: 'niveau', level: '2' }],
        ['09.10', 'Journalisation', { kind: 'niveau', level: '3' }],
      ]);
    }
  });

  it('la feuille porte le nom du fichier : « Urbanisation.csv » donne le questionnaire', () => {
    const p = parse('Urbanisation.csv');
    expect(p.sheets[0]).toMatchObject({ name: 'Urbanisation', questionnaire: 'urbanisation' });
    expect(p.rows[0]).toMatchObject({ questionnaire: 'urbanisation', criterion: { id: 'URB-7' }, answer: { value: { kind: 'niveau', level: '3' } } });
  });

  it('refuse une date impossible (30/02), des niveaux -1 et 2.5, un guillemet jamais fermé, en nommant ligne et colonne', () => {
    expect(() => parse('date-impossible.csv')).toThrow(/date-impossible\.csv.*ligne 2, colonne C : date « 30\/02\/2025 » non reconnue/);
    expect(() => parse('niveaux-faux.csv')).toThrow(/ligne 2, colonne B : niveau inconnu « Niveau -1 ».*ligne 3, colonne B : niveau inconnu « Niveau 2\.5 »/);
    expect(() => parse('guillemet-ouvert.csv')).toThrow(/guillemet-ouvert\.csv» illisible : guillemet ouvert ligne 3 jamais fermé|« guillemet-ouvert\.csv » illisible : guillemet ouvert ligne 3 jamais fermé/);
  });

  it('refuse un fichier binaire ou de l’UTF-16 sans BOM, avec un conseil', () => {
    const utf16NoBom = new Uint8Array([...'ID;x\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(() => parseSpreadsheet(utf16NoBom, 'sans-bom.csv')).toThrow(/« sans-bom\.csv » : ce n'est pas un fichier texte.*CSV UTF-8/);
  });
});

describe('lecteur CSV', () => {
  it('détecte le séparateur sur la première ligne, hors guillemets, et suit « sep= »', () => {
    expect(detectSeparator('a;b;c\n1,2,3')).toBe(';');
    expect(detectSeparator('"a;b",c,d\n')).toBe(',');
    expect(detectSeparator('a\tb\n')).toBe('\t');
    expect(detectSeparator('seule\n')).toBe(';');
    expect(parseCsv('sep=,\na,b\n').rows).toEqual([['a', 'b']]);
  });

  it('CRLF, CR, lignes vides gardées (numéros de ligne exacts), dernière ligne sans fin', () => {
    expect(parseCsv('a;b\r\n\r\nc;d').rows).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(parseCsv('a\rb\r').rows).toEqual([['a'], ['b']]);
    expect(parseCsv('a;').rows).toEqual([['a', '']]);
    expect(parseCsv('').rows).toEqual([]);
  });

  it('borne les lignes et les colonnes sans tout lire', () => {
    const many = parseCsv('x\n'.repeat(50), { maxRows: 10 });
    expect(many.rows).toHaveLength(10);
    expect(many.truncated).toBe(true);
    expect(parseCsv(Array(500).fill('c').join(';'), { maxCols: 3 }).rows[0]).toEqual(['c', 'c', 'c']);
  });
});

describe('dates strictes', () => {
  it.each([
    ['01/02/2025', '2025-02-01T00:00:00.000Z'],
    ['1/2/2025', '2025-02-01T00:00:00.000Z'],
    ['29/02/2024', '2024-02-29T00:00:00.000Z'],
    ['31/12/2026 14:30', '2026-12-31T14:30:00.000Z'],
    ['2025-06-01', '2025-06-01T00:00:00.000Z'],
    ['2025-06-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z'],
    ['2025-06-01T12:00:00+02:00', '2025-06-01T10:00:00.000Z'],
  ])('« %s » → %s', (input, iso) => {
    expect(parseDateCell(input)).toBe(iso);
  });

  it.each(['30/02/2025', '29/02/2025', '31/04/2025', '00/01/2025', '01/13/2025', '2025-02-30', '2025-13-01', '01/02/25', '2025/02/01', '24:00 01/01/2025', '01/01/2025 24:00', 'demain'])('refuse « %s »', (input) => {
    expect(parseDateCell(input)).toBeNull();
  });

  it('numéros de série Excel (système 1900), sans le 29/02/1900 fictif', () => {
    expect(parseDateCell(45658)).toBe('2025-01-01T00:00:00.000Z');
    expect(parseDateCell(45658.5)).toBe('2025-01-01T12:00:00.000Z');
    expect(parseDateCell(1)).toBe('1900-01-01T00:00:00.000Z');
    expect(parseDateCell(61)).toBe('1900-03-01T00:00:00.000Z');
    expect(parseDateCell(60)).toBeNull();
    expect(parseDateCell(-1)).toBeNull();
  });
});
