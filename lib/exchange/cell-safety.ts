/**
 * Spreadsheet cell hygiene: neutralise formula/CSV injection on export, undo it on import — exactly, so that
 * an exported text read back is the text the person wrote (spaces, tabs and apostrophes included).
 *
 * Règle : à l'export, une apostrophe est ajoutée devant un texte qui commence par = + @ tabulation, par
 * « - » non suivi d'une espace (« - puce » reste lisible), ou par une apostrophe que l'import retirerait ;
 * à l'import, UNE apostrophe est retirée quand elle précède = + - @ tabulation, saut de ligne ou apostrophe.
 */
import { LONE_SURROGATE, stripControlChars } from '../domain/text';

const DANGEROUS_START = /^(?:[=+@\t\r]|-(?!\s))/;
/** Ce que l'import lit comme notre apostrophe de neutralisation. */
const OUR_PREFIX = /^'[=+\-@\t\r\n']/;
/** Limite d'Excel (32 767) avec une marge pour l'apostrophe. */
export const MAX_CELL_CHARS = 32000;

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

function clean(value: string): string {
  return stripControlChars(value).replace(LONE_SURROGATES, '');
}

/** Text written to a cell: control characters removed, prefixed with an apostrophe when it could run as a formula. */
export function neutralizeCell(value: string): string {
  const c = clean(value).slice(0, MAX_CELL_CHARS);
  return DANGEROUS_START.test(c) || OUR_PREFIX.test(c) ? `'${c}` : c;
}

function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** Text read from a cell, trimmed (identifiers, levels, dates…): control characters removed, our apostrophe taken off. */
export function readCellText(value: unknown): string {
  const c = clean(cellString(value)).trim();
  return OUR_PREFIX.test(c) ? c.slice(1) : c;
}

/** Free text read from a cell (comment, text answer), NOT trimmed: what the person wrote, spaces included. */
export function readCellRaw(value: unknown): string {
  const c = clean(cellString(value));
  return OUR_PREFIX.test(c) ? c.slice(1) : c;
}
