/**
 * Sauvegarde complète côté page : le fichier passe par petits messages (un contenu de preuve à la fois),
 * jamais en un seul bloc (les messages d'extension sont limités, et les preuves font des dizaines de Mo).
 */
import { blobEntryText, openBackupFile } from '../../lib/exchange/backup';
import type { Send } from '../../lib/messages/client';
import type { ResponseOf } from '../../lib/messages/protocol';

export type RestorePreview = ResponseOf<'backup.restore.begin'>['preview'];
export type Progress = (done: number, total: number) => void;

/** Le fichier de sauvegarde, assemblé dans un Blob à partir de l'en-tête puis de chaque contenu. */
export async function downloadBackup(send: Send, onProgress?: Progress): Promise<{ fileName: string; file: Blob; counts: Record<string, number> }> {
  const frame = await send('backup.create', {});
  const parts: BlobPart[] = [frame.head];
  for (const [i, b] of frame.blobs.entries()) {
    onProgress?.(i, frame.blobs.length);
    const { contentBase64 } = await send('backup.blob', { sha256: b.sha256 });
    // Chaque morceau devient un Blob aussitôt : le navigateur peut le ranger hors de la mémoire du script.
    parts.push(new Blob([blobEntryText(b, contentBase64, i === 0)]));
  }
  onProgress?.(frame.blobs.length, frame.blobs.length);
  parts.push(frame.tail);
  return { fileName: frame.fileName, file: new Blob(parts, { type: 'application/json' }), counts: frame.counts };
}

/**
 * Envoie une sauvegarde à l'arrière-plan, qui vérifie tout : en-tête puis chaque contenu.
 * « apercu » : rien n'est gardé ni écrit, rend l'aperçu. « restauration » : puis écrit tout en une transaction.
 * Chaque appel relit le fichier : un aperçu ne dépend pas d'un service d'arrière-plan resté éveillé.
 */
export async function sendBackup(
  send: Send,
  file: Blob,
  fileName: string,
  purpose: 'apercu' | 'restauration',
  author: string,
  onProgress?: Progress,
): Promise<{ preview: RestorePreview; operation?: ResponseOf<'backup.restore.commit'>['operation'] }> {
  const opened = await openBackupFile(file, fileName);
  const begun = await send('backup.restore.begin', { fileName, manifest: opened.manifestText, purpose });
  try {
    for (let i = 0; i < opened.blobCount; i++) {
      onProgress?.(i, opened.blobCount);
      const e = await opened.readBlob(i);
      await send('backup.restore.blob', { sessionId: begun.sessionId, sha256: String(e?.sha256 ?? ''), contentBase64: String(e?.base64 ?? '') });
    }
    onProgress?.(opened.blobCount, opened.blobCount);
    if (purpose === 'apercu') return { preview: begun.preview };
    const { operation } = await send('backup.restore.commit', { sessionId: begun.sessionId, author });
    return { preview: begun.preview, operation };
  } finally {
    // Sans effet quand la session est déjà close (restaurée ou refusée).
    await send('backup.restore.cancel', { sessionId: begun.sessionId }).catch(() => undefined);
  }
}
