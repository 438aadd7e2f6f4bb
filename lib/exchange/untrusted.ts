/**
 * Premier contact avec un fichier reçu, sans dépendance lourde (ni SheetJS ni zod) : genre de fichier,
 * nom affichable, et conversion de toute erreur de lecture en message français qui nomme le fichier.
 * L'outil en ligne de commande s'en sert pour refuser un fichier piégé avant de charger quoi que ce soit.
 */
import { UserError } from '../domain/errors';
import { displaySafe } from '../domain/text';
import { readCsvGrid } from './csv';
import type { SheetGrid } from './grid';
import { FILE_LIMITS, formatMiB } from './limits';
import { isZipBytes, sanitizeZip } from './zip-guard';

export function isJsonFile(fileName: string, data: Uint8Array): boolean {
  if (/\.json$/i.test(fileName)) return true;
  for (const b of data.subarray(0, 64)) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x7b; // {
  }
  return false;
}

function isCfbBytes(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length > 8 && sig.every((x, i) => b[i] === x);
}

type WorkbookKind = 'zip' | 'cfb' | 'csv';

/** Ce qui se vérifie sans rien lire du contenu : taille, vide, signature. Renvoie le genre de classeur. */
function checkWorkbookEnvelope(data: Uint8Array, fileName: string): WorkbookKind {
  if (data.byteLength > FILE_LIMITS.fileBytes)
    throw new UserError(`Fichier « ${fileName} » trop volumineux (${formatMiB(data.byteLength)}, maximum ${formatMiB(FILE_LIMITS.fileBytes)}).`);
  if (data.byteLength === 0) throw new UserError(`Fichier « ${fileName} » vide.`);
  if (isZipBytes(data)) return 'zip';
  if (isCfbBytes(data)) return 'cfb';
  if (/\.csv$/i.test(fileName)) return 'csv';
  throw new UserError(`Fichier « ${fileName} » : ce n'est pas un classeur (formats acceptés : .xlsx, .xls, .ods, .csv).`);
}

/**
 * Tout ce qui précède SheetJS, sans SheetJS : enveloppe, archive vérifiée et décompressée par notre code
 * (rendue sans compression), ou CSV lu directement. Un fichier refusé ici n'a rien chargé de lourd.
 */
export function prepareWorkbookBytes(data: Uint8Array, fileName: string): { grids: SheetGrid[] } | { bytes: Uint8Array } {
  const kind = checkWorkbookEnvelope(data, fileName);
  if (kind === 'csv') return { grids: [readCsvGrid(data, fileName)] };
  return { bytes: kind === 'zip' ? sanitizeZip(data, fileName) : data };
}

/** Nom de fichier tel qu'affiché et gardé en provenance : sans caractère trompeur, borné. */
export function shownFileName(fileName: string): string {
  return displaySafe(fileName, 200);
}

/**
 * Lecture d'un fichier non fiable : toute erreur qui n'est pas déjà un message pour la personne (SheetJS,
 * pile dépassée, mémoire…) devient un message en français qui nomme le fichier, jamais « Erreur interne ».
 */
export function readUntrusted<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw asUserError(fileName, e);
  }
}

/** Même chose pour une lecture asynchrone (fil séparé de l'outil en ligne de commande). */
export async function readUntrustedAsync<T>(fileName: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw asUserError(fileName, e);
  }
}

function asUserError(fileName: string, e: unknown): UserError {
  return e instanceof UserError ? e : new UserError(`Fichier « ${fileName} » illisible : son contenu n'a pas pu être analysé (fichier endommagé ou piégé).`);
}
