/** Grilles de cellules lues d'un classeur ou d'un CSV (sans dépendre de SheetJS, pour rester léger). */

export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  /** "l,c" (à partir de 0) des cellules qui portent une formule. */
  formulas: Set<string>;
}

/** Lettres de colonne : 0 → A, 25 → Z, 26 → AA. */
export function colLetter(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

