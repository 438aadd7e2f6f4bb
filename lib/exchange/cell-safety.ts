/** Spreadsheet cell hygiene: neutralise formula/CSV injection on export, undo it on import. */
import { stripControlChars } from '../domain/text';

// « - » suivi d'une espace est une puce de liste (« - point 1 »), pas le début d'une formule : laissé tel quel.
const DANGEROUS_START = /^(?:[=+@\t\r]|-(?!\s))/;

/** Text written to a cell: control characters removed, a leading = + @ (or - not followed by a space) prefixed with an apostrophe. */
export function neutralizeCell(value: string): string {
  const clean = stripControlChars(value).slice(0, 32000);
  return DANGEROUS_START.test(clean) ? `'${clean}` : clean;
}

/** Text read from a cell: control characters removed, our own apostrophe prefix taken off. */
export function readCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const clean = stripControlChars(s).trim();
  return /^'[=+\-@]/.test(clean) ? clean.slice(1) : clean;
}
