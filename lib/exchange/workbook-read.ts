/**
 * Reading untrusted workbooks with SheetJS: size/format checks first, then safe options
 * (no formula evaluation — SheetJS never evaluates — formulas detected and refused where read,
 * dense storage, row/sheet limits, no VBA, no HTML).
 */
import * as XLSX from 'xlsx';
import { UserError } from '../domain/errors';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_SHEETS = 50;
export const MAX_ROWS = 20_000;
export const MAX_COLS = 200;

export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  /** "r,c" (0-based) of cells holding a formula. */
  formulas: Set<string>;
}

function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
function isCfb(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length > 8 && sig.every((x, i) => b[i] === x);
}

export function cellRef(row: number, col: number): string {
  return `${XLSX.utils.encode_col(col)}${row + 1}`;
}
export function colLetter(col: number): string {
  return XLSX.utils.encode_col(col);
}

/** Read a workbook's sheets as grids of plain values, or throw a French UserError naming the file. */
export function readWorkbookSafe(data: Uint8Array, fileName: string): SheetGrid[] {
  if (data.byteLength > MAX_FILE_BYTES)
    throw new UserError(`Fichier « ${fileName} » trop volumineux (${(data.byteLength / 1048576).toFixed(1)} Mo, maximum ${MAX_FILE_BYTES / 1048576} Mo).`);
  if (data.byteLength === 0) throw new UserError(`Fichier « ${fileName} » vide.`);
  const csv = /\.csv$/i.test(fileName);
  if (!isZip(data) && !isCfb(data) && !csv)
    throw new UserError(`Fichier « ${fileName} » : ce n'est pas un classeur (formats acceptés : .xlsx, .xls, .ods, .csv).`);
  let wb: XLSX.WorkBook;
  try {
    const opts: XLSX.ParsingOptions = {
      dense: true,
      cellFormula: true,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellText: false,
      cellDates: false,
      bookVBA: false,
      bookFiles: false,
      sheetRows: MAX_ROWS + 1,
      WTF: false,
    };
    wb = csv && !isZip(data) && !isCfb(data)
      ? XLSX.read(new TextDecoder('utf-8').decode(data), { ...opts, type: 'string' })
      : XLSX.read(data, { ...opts, type: 'array' });
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/password/i.test(msg)) throw new UserError(`Fichier « ${fileName} » protégé par mot de passe : enregistrez-le sans protection.`);
    throw new UserError(`Fichier « ${fileName} » illisible : ce n'est pas un classeur valide.`);
  }
  if (wb.SheetNames.length === 0) throw new UserError(`Fichier « ${fileName} » : aucune feuille.`);
  if (wb.SheetNames.length > MAX_SHEETS)
    throw new UserError(`Fichier « ${fileName} » : trop de feuilles (${wb.SheetNames.length}, maximum ${MAX_SHEETS}).`);
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const grid: SheetGrid = { name, rows: [], formulas: new Set() };
    if (!ws) return grid;
    const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    if (dense.length > MAX_ROWS)
      throw new UserError(`Fichier « ${fileName} », feuille « ${name} » : trop de lignes (maximum ${MAX_ROWS}).`);
    for (let r = 0; r < dense.length; r++) {
      const src = dense[r] ?? [];
      const row: CellValue[] = [];
      const width = Math.min(src.length, MAX_COLS);
      for (let c = 0; c < width; c++) {
        const cell = src[c];
        if (!cell) {
          row.push(null);
          continue;
        }
        if (cell.f) grid.formulas.add(`${r},${c}`);
        const v = cell.v;
        row.push(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v instanceof Date ? v.toISOString() : null);
      }
      grid.rows.push(row);
    }
    return grid;
  });
}
