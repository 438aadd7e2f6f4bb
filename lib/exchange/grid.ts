/** Grilles de cellules lues d'un classeur ou d'un CSV (sans dépendre de SheetJS, pour rester léger). */

export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  /** "r,c" (0-based) of cells holding a formula. */
  formulas: Set<string>;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function colLetter(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

