/**
 * Fil de lecture d'un classeur (lancé par isolate.ts) : reçoit les octets déjà préparés (archive vérifiée,
 * décompressée par notre code, rendue sans compression ; ou fichier .xls), les lit avec SheetJS et renvoie
 * les grilles ou un message en français. Mémoire et durée sont bornées par le fil principal.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../domain/errors';
import type { SheetGrid } from '../exchange/grid';
import { readPreparedWorkbook } from '../exchange/workbook-read';

export interface ParseRequest {
  bytes: Uint8Array;
  fileName: string;
}

export type ParseReply = { ok: true; grids: SheetGrid[] } | { ok: false; message: string };

parentPort?.once('message', (req: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { ok: true, grids: readPreparedWorkbook(new Uint8Array(req.bytes), req.fileName) };
  } catch (e) {
    reply = { ok: false, message: e instanceof UserError ? e.message : `Fichier « ${req.fileName} » illisible : ce n'est pas un classeur valide.` };
  }
  parentPort?.postMessage(reply);
});
