/** `convert ENTRÉE SORTIE` : tableur (.xlsx…) → bibliothèque JSON, ou bibliothèque JSON → classeur .xlsx. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { UserError } from '../domain/errors';
import { displaySafe } from '../domain/text';
import { readJsonText } from '../exchange/json-text';
import { isJsonFile, readUntrusted, readUntrustedAsync, shownFileName } from '../exchange/untrusted';
import { readInput } from './check';
import { readWorkbookIsolated } from './isolate';
import type { IsolateOptions } from './isolate';

interface ConvertResult {
  input: string;
  output: string;
  direction: 'xlsx→json' | 'json→xlsx';
  criteria: number;
  answers: number;
}

/** Écrit d'un coup (fichier temporaire puis renommage) : un échec ne laisse pas de fichier à moitié écrit. */
async function writeAtomically(output: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${output}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, output);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new UserError(`Impossible d'écrire « ${displaySafe(output, 200)} ».`);
  }
}

export async function convertFile(input: string, output: string, today: string, productId?: string, variantId?: string, isolate?: IsolateOptions): Promise<ConvertResult> {
  const outExt = extname(output).toLowerCase();
  const data = await readInput(input);
  const raw = basename(input);
  const name = shownFileName(raw);
  const outName = shownFileName(basename(output));
  let bytes: Uint8Array;
  let result: Omit<ConvertResult, 'input' | 'output'>;
  if (isJsonFile(raw, data)) {
    if (outExt !== '.xlsx') throw new UserError(`Conversion d'un JSON : le fichier de sortie doit finir par .xlsx (reçu « ${outName} »).`);
    const text = readUntrusted(name, () => readJsonText(data, name)); // syntaxe vérifiée avant de charger zod
    const { xlsxFromJson } = await import('./convert-build');
    const r = readUntrusted(name, () => xlsxFromJson(text, name, outName, today, productId, variantId));
    bytes = r.bytes;
    result = { direction: 'json→xlsx', criteria: r.criteria, answers: r.answers };
  } else {
    if (outExt !== '.json') throw new UserError(`Conversion d'un tableur : le fichier de sortie doit finir par .json (reçu « ${outName} »).`);
    const grids = await readUntrustedAsync(name, () => readWorkbookIsolated(data, name, isolate));
    const { parseGrids } = await import('../exchange/sheet-parse');
    const { jsonFromWorkbook } = await import('./convert-build');
    const parsed = readUntrusted(name, () => parseGrids(grids, name));
    const r = readUntrusted(name, () => jsonFromWorkbook(parsed, name, outName));
    bytes = r.bytes;
    result = { direction: 'xlsx→json', criteria: r.criteria, answers: r.answers };
  }
  await writeAtomically(output, bytes);
  return { input: displaySafe(input, 200), output: displaySafe(output, 200), ...result };
}
