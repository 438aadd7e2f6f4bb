/**
 * Disque plein / quota du navigateur : une erreur d'IndexedDB devient une explication française avec quoi
 * faire. Les écritures passent toutes par des transactions : quand ce message paraît, rien n'a été écrit.
 */
import { UserError } from '../domain/errors';

export const QUOTA_MESSAGE =
  "Espace de stockage insuffisant : le navigateur refuse d'enregistrer davantage (disque plein ou quota de l'extension atteint). " +
  "Rien n'a été écrit, la bibliothèque est inchangée. Pour faire de la place : libérez de l'espace sur le disque, " +
  "faites une « Sauvegarde complète » (onglet « Import, export et historique ») pour garder une copie, " +
  "puis supprimez les preuves anciennes ou inutiles (onglet « Preuves » de chaque produit) ; puis recommencez.";

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);

/**
 * Vrai pour un dépassement de quota, même enveloppé : DOMException QuotaExceededError (code 22),
 * Dexie.QuotaExceededError, Dexie.AbortError dont la cause (`inner`) est un quota, BulkError (`failures`).
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const err = e as { name?: unknown; code?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof err.name === 'string' && QUOTA_NAMES.has(err.name)) return true;
  if (err.name === 'AbortError' || err.name === 'UnknownError') {
    // Chrome interrompt parfois la transaction sans nommer le quota, seulement dans le message.
    if (typeof err.message === 'string' && /quota|disk.*full|space/i.test(err.message)) return true;
  }
  if (err.code === 22 && typeof DOMException !== 'undefined' && e instanceof DOMException) return true;
  if (isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1)) return true;
  const failures = Array.isArray(err.failures) ? err.failures : err.failures && typeof err.failures === 'object' ? Object.values(err.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}

/** L'erreur à rendre : le message français pour un quota, l'erreur elle-même sinon. */
function storageError(e: unknown): unknown {
  return isQuotaError(e) ? new UserError(QUOTA_MESSAGE) : e;
}

/** Exécute une écriture (une transaction) et traduit un dépassement de quota. */
export async function withStorageErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw storageError(e);
  }
}
