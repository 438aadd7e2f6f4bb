/** `check` : la préparation de ce que contient un fichier (bibliothèque JSON ou n'importe quel tableur). */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../domain/errors';
import { displaySafe } from '../domain/text';
import { readJsonText } from '../exchange/json-text';
import { FILE_LIMITS, formatMiB } from '../exchange/limits';
import { isJsonFile, readUntrusted, readUntrustedAsync, shownFileName } from '../exchange/untrusted';
import { readWorkbookIsolated } from './isolate';
import type { IsolateOptions } from './isolate';
import type { CatalogueDiff, CheckedProduct } from './check-rules';
import type { CriterionInput } from '../domain/schemas';

export interface CheckResult {
  file: string;
  kind: 'json' | 'tableur';
  products: CheckedProduct[];
  blockers: number;
  warnings: number;
  /** Avec --bibliotheque : critères que le fichier montre autrement que le catalogue de la bibliothèque. */
  referentiel?: { bibliotheque: string; criteres: CatalogueDiff[] };
}

/**
 * Contenu d'un fichier, sans jamais lire plus que la limite : un fichier trop gros (ou sans fin, comme
 * /dev/zero) est refusé sur sa taille, avant lecture.
 */
export async function readInput(path: string, maxBytes: number = FILE_LIMITS.fileBytes): Promise<Uint8Array> {
  const shown = displaySafe(path, 200);
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new UserError(`« ${shown} » est un dossier, pas un fichier.`);
    if (!st.isFile()) throw new UserError(`« ${shown} » n'est pas un fichier ordinaire.`);
    if (st.size > maxBytes) throw new UserError(`Fichier « ${shown} » trop volumineux (${formatMiB(st.size)}, maximum ${formatMiB(maxBytes)}).`);
    const fh = await open(path, 'r');
    try {
      const buf = new Uint8Array(Math.min(st.size, maxBytes) + 1);
      let n = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n === buf.length) break;
      }
      if (n > maxBytes) throw new UserError(`Fichier « ${shown} » trop volumineux (maximum ${formatMiB(maxBytes)}).`);
      return buf.subarray(0, n);
    } finally {
      await fh.close();
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new UserError(`Fichier « ${shown} » introuvable.`);
    if (code === 'EISDIR') throw new UserError(`« ${shown} » est un dossier, pas un fichier.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`Fichier « ${shown} » : lecture non autorisée.`);
    throw new UserError(`Fichier « ${shown} » illisible.`);
  }
}

/**
 * Lit et juge un fichier. Un classeur est lu dans un fil séparé (isolate.ts) ; les modules lourds (zod,
 * règles) ne sont chargés qu'une fois le fichier passé les premiers contrôles.
 */
export async function checkFile(path: string, today: string, productId?: string, isolate?: IsolateOptions, libraryPath?: string): Promise<CheckResult> {
  const data = await readInput(path);
  const raw = basename(path);
  const name = shownFileName(raw);
  let products: CheckedProduct[];
  let kind: CheckResult['kind'];
  let shown: CriterionInput[];
  if (isJsonFile(raw, data)) {
    kind = 'json';
    const text = readUntrusted(name, () => readJsonText(data, name)); // syntaxe vérifiée avant de charger zod
    const { parseLibraryJson } = await import('../exchange/json-format');
    const { checkLibrary } = await import('./check-rules');
    const lib = readUntrusted(name, () => parseLibraryJson(text, name));
    products = readUntrusted(name, () => checkLibrary(lib, today, productId));
    shown = lib.criteria;
    if (products.length === 0) throw new UserError(`Fichier « ${name} » : aucun produit à vérifier.`);
  } else {
    kind = 'tableur';
    const grids = await readUntrustedAsync(name, () => readWorkbookIsolated(data, name, isolate));
    const { parseGrids } = await import('../exchange/sheet-parse');
    const { checkWorkbook } = await import('./check-rules');
    const parsed = readUntrusted(name, () => parseGrids(grids, name));
    products = [readUntrusted(name, () => checkWorkbook(parsed, today))];
    shown = parsed.rows.map((r) => r.criterion);
  }
  const referentiel = libraryPath === undefined ? undefined : await compareLibrary(libraryPath, shown);
  return {
    ...(referentiel ? { referentiel } : {}),
    file: name,
    kind,
    products,
    blockers: products.reduce((n, p) => n + p.report.blockers, 0),
    warnings: products.reduce((n, p) => n + p.report.warnings, 0),
  };
}

/** La bibliothèque donnée par --bibliotheque (JSON de l'extension), comparée aux critères du fichier vérifié. */
async function compareLibrary(path: string, shown: readonly CriterionInput[]): Promise<NonNullable<CheckResult['referentiel']>> {
  const data = await readInput(path);
  const name = shownFileName(basename(path));
  if (!isJsonFile(basename(path), data)) throw new UserError(`Bibliothèque « ${name} » (option --bibliotheque) : une bibliothèque JSON de l'extension est attendue.`);
  const text = readUntrusted(name, () => readJsonText(data, name));
  const { parseLibraryJson } = await import('../exchange/json-format');
  const { compareWithCatalogue } = await import('./check-rules');
  const lib = readUntrusted(name, () => parseLibraryJson(text, name));
  return { bibliotheque: name, criteres: compareWithCatalogue(lib.criteria, shown) };
}
