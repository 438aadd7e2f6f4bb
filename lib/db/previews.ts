/**
 * Aperçus d'import en attente de validation : gardés dans la base, car le service d'arrière-plan peut être
 * arrêté (MV3) entre l'aperçu et l'écriture. La base ne lit pas leur contenu : son type vit dans
 * lib/exchange/import-plan.ts, que lib/db n'importe pas.
 */
import type { ConvergenceDB } from './schema';
import { withStorageErrors } from './storage-errors';

/** Ce que la base sait d'un aperçu : son identifiant. */
export interface StoredPreview {
  id: string;
}

/** Aperçus d'import gardés en attente de validation : les plus récents, une heure au plus. */
export const MAX_PREVIEWS = 5;
const PREVIEW_TTL_MS = 60 * 60 * 1000;

/** Garde un aperçu d'import jusqu'à sa validation : les MAX_PREVIEWS plus récents, une heure au plus. */
export async function savePreview(db: ConvergenceDB, now: Date, preview: StoredPreview, ttlMs = PREVIEW_TTL_MS): Promise<void> {
  const row = { id: preview.id, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString(), preview };
  await withStorageErrors(() =>
    db.transaction('rw', db.previews, async () => {
      await db.previews.where('expiresAt').belowOrEqual(row.createdAt).delete();
      await db.previews.put(row);
      const all = await db.previews.orderBy('expiresAt').primaryKeys();
      if (all.length > MAX_PREVIEWS) await db.previews.bulkDelete(all.slice(0, all.length - MAX_PREVIEWS));
    }),
  );
}

/** Un aperçu en attente, ou undefined s'il est inconnu ou expiré. */
export async function loadPreview<P extends StoredPreview>(db: ConvergenceDB, now: string, id: string): Promise<P | undefined> {
  const row = await db.previews.get(id);
  if (!row) return undefined;
  if (row.expiresAt <= now) {
    await db.previews.delete(id);
    return undefined;
  }
  return row.preview as P;
}

export async function dropPreview(db: ConvergenceDB, id: string): Promise<void> {
  await db.previews.delete(id);
}
