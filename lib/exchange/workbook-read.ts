/**
 * Lecture des classeurs non fiables. Avant SheetJS : taille, signature, et pour un zip (.xlsx, .ods) le
 * répertoire central vérifié puis chaque entrée décompressée par notre code borné (zip-guard) ; SheetJS ne
 * reçoit qu'une archive sans compression. Les CSV sont lus par notre lecteur (csv.ts), en texte.
 * Options SheetJS sûres : aucune formule évaluée (SheetJS n'évalue jamais ; les formules des cellules lues
 * sont refusées plus loin), stockage dense, lignes et feuilles bornées, ni VBA ni HTML.
 *
 * `parseWorkbookBytes` est une fonction pure (octets → grilles) : l'outil en ligne de commande l'exécute
 * dans un fil séparé avec mémoire et durée bornées (lib/cli/isolate.ts) ; l'extension pourra faire de même
 * dans un Worker dédié. En attendant, l'appel direct est protégé par les limites vérifiées avant lecture.
 */
import * as XLSX from 'xlsx';
import { UserError } from '../domain/errors';
import { neutralizeName } from '../domain/text';
import type { CellValue, SheetGrid } from './grid';
import { FILE_LIMITS } from './limits';
import { prepareWorkbookBytes } from './untrusted';

export type { CellValue, SheetGrid } from './grid';

export const MAX_FILE_BYTES = FILE_LIMITS.fileBytes;
export const MAX_ROWS = FILE_LIMITS.rows;

const SHEETJS_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellFormula: true,
  cellHTML: false,
  cellNF: false,
  cellStyles: false,
  cellText: false,
  cellDates: false,
  bookVBA: false,
  bookFiles: false,
  sheetRows: FILE_LIMITS.rows + 1,
  WTF: false,
};

/** Octets d'un classeur → grilles de valeurs (texte, nombre, booléen), ou une UserError en français qui nomme le fichier. */
export function parseWorkbookBytes(data: Uint8Array, fileName: string): SheetGrid[] {
  const prepared = prepareWorkbookBytes(data, fileName);
  return 'grids' in prepared ? prepared.grids : readPreparedWorkbook(prepared.bytes, fileName);
}

/** Lecture par SheetJS d'un classeur déjà préparé par prepareWorkbookBytes (archive vérifiée, sans compression). */
export function readPreparedWorkbook(input: Uint8Array, fileName: string): SheetGrid[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(input, SHEETJS_OPTIONS);
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/password|encrypt/i.test(msg)) throw new UserError(`Fichier « ${fileName} » protégé par mot de passe : enregistrez-le sans protection.`);
    throw new UserError(`Fichier « ${fileName} » illisible : ce n'est pas un classeur valide.`);
  }
  const sheetNames = Array.isArray(wb.SheetNames) ? wb.SheetNames : [];
  if (sheetNames.length === 0) throw new UserError(`Fichier « ${fileName} » : aucune feuille.`);
  if (sheetNames.length > FILE_LIMITS.sheets)
    throw new UserError(`Fichier « ${fileName} » : trop de feuilles (${sheetNames.length}, maximum ${FILE_LIMITS.sheets}).`);
  const used = new Set<string>();
  let cells = 0;
  return sheetNames.map((rawName, index) => {
    // Nom de feuille sûr à afficher et à garder en provenance ; deux feuilles ne se confondent pas.
    let name = neutralizeName(String(rawName)).slice(0, FILE_LIMITS.sheetName) || `Feuille ${index + 1}`;
    if (used.has(name)) name = `${name.slice(0, FILE_LIMITS.sheetName - 6)} (${index + 1})`;
    used.add(name);
    const ws = wb.Sheets[rawName];
    const grid: SheetGrid = { name, rows: [], formulas: new Set() };
    if (!ws) return grid;
    const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    if (dense.length > FILE_LIMITS.rows)
      throw new UserError(`Fichier « ${fileName} », feuille « ${name} » : trop de lignes (maximum ${FILE_LIMITS.rows}).`);
    for (let r = 0; r < dense.length; r++) {
      const src = dense[r] ?? [];
      const row: CellValue[] = [];
      const width = Math.min(src.length, FILE_LIMITS.cols);
      for (let c = 0; c < width; c++) {
        const cell = src[c];
        if (!cell) {
          row.push(null);
          continue;
        }
        if (cell.f) grid.formulas.add(`${r},${c}`);
        // Les grilles doublent la mémoire de SheetJS (et passent d'un fil à l'autre) : nombre de cellules borné.
        if (++cells > FILE_LIMITS.cells)
          throw new UserError(`Fichier « ${fileName} » : trop de cellules remplies (plus de ${FILE_LIMITS.cells.toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, ' ')}).`);
        const v = cell.v;
        row.push(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v instanceof Date ? v.toISOString() : null);
      }
      grid.rows.push(row);
    }
    return grid;
  });
}
