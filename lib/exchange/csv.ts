/**
 * CSV lu par nous, pas par SheetJS : chaque cellule reste le texte écrit (« 04.03 » n'est pas 4,03,
 * « 01/02/2025 » n'est pas le 2 janvier, « 2, 3 » n'est pas une date). Encodage détecté (UTF-8 avec ou
 * sans BOM, UTF-16 avec BOM, sinon Windows-1252), séparateur « ; », « , » ou tabulation détecté,
 * guillemets selon la RFC 4180. Coût linéaire, lignes bornées.
 */
import { UserError } from '../domain/errors';
import { neutralizeName } from '../domain/text';
import type { SheetGrid } from './grid';
import { FILE_LIMITS } from './limits';

type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Octets 0x80–0x9F de Windows-1252 (le TextDecoder de Node 20 les lit à tort comme Latin-1).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(data: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < data.length; i += 8192) {
    const chunk = data.subarray(i, i + 8192);
    const codes = new Uint16Array(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k]!;
      codes[k] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Texte d'un fichier, encodage détecté ; refusé s'il contient des octets nuls (fichier binaire). */
export function decodeText(data: Uint8Array, fileName: string): { text: string; encoding: TextEncodingName } {
  let encoding: TextEncodingName;
  let text: string;
  const strict = (label: string, bytes: Uint8Array) => new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  try {
    if (data[0] === 0xff && data[1] === 0xfe) {
      encoding = 'utf-16le';
      text = strict('utf-16le', data);
    } else if (data[0] === 0xfe && data[1] === 0xff) {
      encoding = 'utf-16be';
      text = strict('utf-16be', data);
    } else if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
      encoding = 'utf-8';
      text = strict('utf-8', data);
    } else {
      try {
        encoding = 'utf-8';
        text = strict('utf-8', data);
      } catch {
        encoding = 'windows-1252';
        text = decodeWindows1252(data);
      }
    }
  } catch {
    throw new UserError(`Fichier « ${fileName} » illisible : texte annoncé en Unicode (marque d'ordre des octets) mais mal encodé. Enregistrez-le en « CSV UTF-8 ».`);
  }
  if (text.includes('\u0000'))
    throw new UserError(`Fichier « ${fileName} » : ce n'est pas un fichier texte (octets nuls ; un CSV UTF-16 doit commencer par sa marque d'ordre des octets). Enregistrez-le en « CSV UTF-8 ».`);
  return { text, encoding };
}

const SEPARATORS = [';', ',', '\t'] as const;
type CsvSeparator = (typeof SEPARATORS)[number];

/** Séparateur le plus fréquent, hors guillemets, sur la première ligne non vide (à égalité : « ; », puis « , »). */
export function detectSeparator(text: string): CsvSeparator {
  let i = 0;
  while (i < text.length && (text[i] === '\n' || text[i] === '\r')) i++;
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvSeparator = ';';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

interface CsvParse {
  rows: string[][];
  separator: CsvSeparator;
  /** Vrai quand le fichier a plus de `maxRows` lignes (les suivantes ne sont pas lues). */
  truncated: boolean;
}

/**
 * RFC 4180, avec tolérance : un champ commence entre guillemets ou non ; « "" » dans un champ entre
 * guillemets vaut un guillemet ; fins de ligne CRLF, LF ou CR. Un guillemet jamais fermé est une erreur
 * (qui donne la ligne où il s'ouvre) plutôt qu'un fichier avalé jusqu'au bout.
 */
export function parseCsv(text: string, opts: { maxRows?: number; maxCols?: number; separator?: CsvSeparator } = {}): CsvParse {
  const maxRows = opts.maxRows ?? FILE_LIMITS.rows;
  const maxCols = opts.maxCols ?? FILE_LIMITS.cols;
  let start = 0;
  let separator = opts.separator;
  // Indication d'Excel en première ligne : « sep=; ».
  const hint = /^sep=([;,\t|])\r?\n/.exec(text.slice(0, 8));
  if (hint && !separator) {
    separator = hint[1] as CsvSeparator;
    start = hint[0].length;
  }
  const sep = separator ?? detectSeparator(text);
  const sepCode = sep.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let line = 1;
  let i = start;
  const n = text.length;
  const push = (field: string) => {
    if (row.length < maxCols) row.push(field);
  };
  while (i <= n) {
    if (rows.length >= maxRows) return { rows, separator: sep, truncated: i < n };
    // Un champ.
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      const openLine = line;
      i++;
      const parts: string[] = [];
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvError(`guillemet ouvert ligne ${openLine} jamais fermé`, openLine);
        const chunk = text.slice(i, q);
        for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
        parts.push(chunk);
        if (text.charCodeAt(q + 1) === 34) {
          parts.push('"');
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = parts.join('');
      // Texte après le guillemet fermant (toléré, comme Excel) jusqu'au séparateur ou à la fin de ligne.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sepCode || c === 10 || c === 13) break;
        j++;
      }
      if (j > i) field += text.slice(i, j);
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sepCode || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    push(field);
    if (i >= n) {
      // Dernière ligne sans fin de ligne ; une ligne finale vide n'est pas une ligne.
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === sepCode) {
      i++;
      if (i === n) {
        push('');
        rows.push(row);
        break;
      }
      continue;
    }
    // Fin de ligne.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
    if (i === n) break;
  }
  return { rows, separator: sep, truncated: false };
}

class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** Nom de feuille d'un CSV : le nom du fichier sans extension (« Interopérabilité.csv » → « Interopérabilité »). */
function csvSheetName(fileName: string): string {
  const base = neutralizeName(fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')).slice(0, FILE_LIMITS.sheetName);
  return base || 'CSV';
}

/** Un CSV en une grille de textes, ou une UserError en français qui nomme le fichier. */
export function readCsvGrid(data: Uint8Array, fileName: string): SheetGrid {
  const { text } = decodeText(data, fileName);
  const name = csvSheetName(fileName);
  let parsed: CsvParse;
  try {
    parsed = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new UserError(`Fichier « ${fileName} » illisible : ${e.message}.`);
    throw e;
  }
  if (parsed.truncated) throw new UserError(`Fichier « ${fileName} », feuille « ${name} » : trop de lignes (maximum ${FILE_LIMITS.rows}).`);
  return { name, rows: parsed.rows, formulas: new Set() };
}
