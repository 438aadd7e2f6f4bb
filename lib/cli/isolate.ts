/**
 * Lecture d'un classeur non fiable par l'outil en ligne de commande. Dans ce fil : enveloppe, répertoire
 * central du zip, décompression par notre code borné et contrôle CRC (coût linéaire, borné par les limites
 * déclarées), CSV lu par notre lecteur. Puis SheetJS, seul, dans un fil séparé (worker_threads) à mémoire
 * bornée (resourceLimits) et durée bornée, arrêté au-delà. Tout échec est un message en français qui nomme
 * le fichier ; un fichier piégé est refusé sans même lancer le fil.
 */
import { UserError } from '../domain/errors';
import type { SheetGrid } from '../exchange/grid';
import { FILE_LIMITS } from '../exchange/limits';
import { prepareWorkbookBytes } from '../exchange/untrusted';
import type { ParseReply, ParseRequest } from './parse-worker-entry';

export interface IsolateOptions {
  timeoutMs?: number;
  heapMb?: number;
  /** Script du fil ; par défaut parse-worker.mjs à côté de ce module (regroupé ou non). */
  workerUrl?: URL;
}

export async function readWorkbookIsolated(data: Uint8Array, fileName: string, opts: IsolateOptions = {}): Promise<SheetGrid[]> {
  // Le temps imparti couvre toute la lecture : vérification de l'archive ici, puis SheetJS dans le fil.
  const started = Date.now();
  const prepared = prepareWorkbookBytes(data, fileName);
  return 'grids' in prepared ? prepared.grids : parseInWorker(prepared.bytes, fileName, opts, started);
}

async function parseInWorker(data: Uint8Array, fileName: string, opts: IsolateOptions, started: number): Promise<SheetGrid[]> {
  // Chargé ici seulement : un fichier refusé avant lecture ne paie pas le module des fils.
  const { Worker } = await import('node:worker_threads');
  const timeoutMs = opts.timeoutMs ?? FILE_LIMITS.parseTimeoutMs;
  const heapMb = opts.heapMb ?? FILE_LIMITS.parseHeapMb;
  const url = opts.workerUrl ?? new URL('./parse-worker.mjs', import.meta.url);
  return new Promise<SheetGrid[]>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(url, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: FILE_LIMITS.parseYoungHeapMb, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // Ce que SheetJS écrirait (avertissements en anglais) ne doit pas se mêler au rapport.
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (error: UserError | null, grids?: SheetGrid[]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(grids ?? []);
    };
    const timer = setTimeout(
      () => finish(new UserError(`Fichier « ${fileName} » refusé : lecture interrompue au bout de ${(timeoutMs / 1000).toLocaleString('fr-FR')} s (classeur trop complexe ou piégé).`)),
      Math.max(0, timeoutMs - (Date.now() - started)),
    );
    worker.once('message', (reply: ParseReply) => finish(reply.ok ? null : new UserError(reply.message), reply.ok ? reply.grids : undefined));
    worker.once('error', (e: Error & { code?: string }) =>
      finish(
        new UserError(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `Fichier « ${fileName} » refusé : lecture interrompue, le classeur demande trop de mémoire (plus de ${heapMb} Mo).`
            : `Fichier « ${fileName} » illisible : ce n'est pas un classeur valide.`,
        ),
      ),
    );
    worker.once('exit', () => finish(new UserError(`Fichier « ${fileName} » illisible : la lecture s'est arrêtée sans résultat.`)));
    // Les octets préparés passent au fil sans copie (transférés) : ce fil ne s'en sert plus.
    const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
    const req: ParseRequest = { bytes: owned, fileName };
    worker.postMessage(req, [owned.buffer as ArrayBuffer]);
  });
}
