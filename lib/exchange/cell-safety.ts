/**
 * Hygiène des cellules : neutraliser l'injection de formule / CSV à l'export, la défaire à l'import — exactement, pour
 * qu'un texte exporté puis relu soit celui que la personne a écrit (espaces, tabulations et apostrophes compris).
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
const MAX_CELL_CHARS = 32000;

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

function clean(value: string): string {
  return stripControlChars(value).replace(LONE_SURROGATES, '');
}

/** Texte écrit dans une cellule : sans caractères de contrôle, précédé d'une apostrophe s'il pouvait s'exécuter comme formule. */
export function neutralizeCell(value: string): string {
  const c = clean(value).slice(0, MAX_CELL_CHARS);
  return DANGEROUS_START.test(c) || OUR_PREFIX.test(c) ? `'${c}` : c;
}

function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** Texte lu d'une cellule, rogné (identifiants, niveaux, dates…) : sans caractères de contrôle, notre apostrophe retirée. */
export function readCellText(value: unknown): string {
  const c = clean(cellString(value)).trim();
  return OUR_PREFIX.test(c) ? c.slice(1) : c;
}

/** Texte libre lu d'une cellule (commentaire, réponse texte), NON rogné : ce que la personne a écrit, espaces compris. */
export function readCellRaw(value: unknown): string {
  const c = clean(cellString(value));
  return OUR_PREFIX.test(c) ? c.slice(1) : c;
}
