import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, contentChecksum, restoreBackupFile, writeBackup } from '../../../../lib/exchange/backup';
import { base64ToBytes, encodeBase64 } from '../../../../lib/text/base64';
import { SIGNING_KEY_ID } from '../../../../lib/db/sharing';
import { sha256Hex } from '../../../../lib/domain/evidence';
import { build, distributor, importAs, library, producer, snapshot } from '../../support/libraries';

// Sauvegarde complète et paquets producteur : ce que la confiance au premier usage et la règle de rejeu
// ont retenu doit survivre à une restauration, et la clé privée (non exportable) n'en fait jamais partie.

type Lib = Awaited<ReturnType<typeof library>>;

async function backupText(lib: Lib): Promise<{ text: string; file: Blob; fileName: string }> {
  const { file, fileName } = await writeBackup(lib.repo);
  return { text: await file.text(), file, fileName };
}

/** Réécrit l'en-tête d'une sauvegarde (données changées) avec une empreinte du contenu recalculée. */
async function rewritten(text: string, edit: (doc: Record<string, unknown> & { data: Record<string, unknown>; counts: Record<string, number> }) => void): Promise<Blob> {
  const doc = JSON.parse(text);
  edit(doc);
  doc.checksum.content = await contentChecksum(doc);
  return new Blob([JSON.stringify(doc)], { type: 'application/json' });
}

describe('sauvegarde complète : paquets producteur et réglages de partage', () => {
  it('distributeur : restauré dans un autre navigateur, le paquet reste en vigueur, le produit du producteur en lecture seule, la clé connue', async () => {
    const p = await producer();
    const v1 = await build(p);
    const d = await distributor();
    const { commit } = await importAs(d, v1);
    await d.must('package.review.confirm', { productId: d.productId, keys: ['ethique/ETH.1.7'] });
    const { text, file, fileName } = await backupText(d);
    expect(JSON.parse(text).version).toBe(BACKUP_VERSION);
    expect(JSON.parse(text).counts).toMatchObject({ packages: 1 });

    const other = library();
    await restoreBackupFile(other.repo, file, fileName, 'd');
    expect((await other.must('package.list', {})).packages).toEqual([expect.objectContaining({ producerProductId: commit.producerProductId, sequence: 1 })]);
    await expect(other.repo.assertWritable(commit.producerProductId)).rejects.toThrow(/lecture seule/);
    // « J'ai revu » gardé : le critère marque blanche confirmé n'est plus « à revoir ».
    const resolved = await other.must('answers.resolved', { productId: d.productId });
    expect(resolved.answers.find((r: { criterionKey: string }) => r.criterionKey === 'ethique/ETH.1.7').reviewFlag).toBe(false);
    // La clé du producteur est connue : le paquet suivant est une mise à jour, pas un premier usage.
    const v2 = await build(p);
    expect((await other.must('package.inspect', v2)).verdict.kind).toBe('mise-a-jour');
    // Et le même paquet rejoué est refusé.
    expect(await other.send('package.inspect', v1)).toMatchObject({ ok: false, error: expect.stringMatching(/déjà été importé/) });
  });

  it("producteur : la clé privée n'est jamais dans le fichier ; les numéros d'ordre et les marques « confidentiel » le sont, et ne reculent pas", async () => {
    const p = await producer();
    const key = await p.must('package.key', {});
    await build(p); // n° 1, avec une marque « confidentiel » gardée
    await build(p); // n° 2
    const { text, file, fileName } = await backupText(p);
    expect(text).not.toContain(SIGNING_KEY_ID);
    expect(JSON.parse(text).data.sharing.map((r: { id: string }) => r.id)).toEqual([`confidentiel|${p.productId}|`, 'ordre|2726']);

    // Même navigateur, plus tard (n° 5) : restaurer l'ancienne sauvegarde ne fait pas reculer le numéro d'ordre ni changer la clé.
    await build(p);
    await build(p);
    await build(p);
    await restoreBackupFile(p.repo, file, fileName, 'p');
    expect((await build(p)).built.sequence).toBe(6);
    expect((await p.must('package.key', {})).fingerprint.hex).toBe(key.fingerprint.hex);

    // Autre navigateur : numéro d'ordre et marques repris, nouvelle clé (la privée n'a pas pu être sauvegardée).
    const other = library();
    await restoreBackupFile(other.repo, file, fileName, 'p');
    const preview = await other.must('package.share.preview', { productId: p.productId, variantId: '', questionnaires: ['securite'] });
    expect(preview.confidentialComments).toEqual(['securite/01.02']);
    expect(preview.sequence).toBe(3);
    expect((await other.must('package.key', {})).fingerprint.hex).not.toBe(key.fingerprint.hex);
  });

  it('un paquet modifié dans la sauvegarde (empreinte du fichier recalculée) est refusé : rien n’est écrit', async () => {
    const p = await producer();
    const d = await distributor();
    await importAs(d, await build(p));
    const { text } = await backupText(d);
    const stored = async () => `${await snapshot(d.repo)}${JSON.stringify(await d.repo.db.packages.toArray())}${JSON.stringify(await d.repo.db.sharing.toArray())}`;
    const before = await stored();
    const bad = await rewritten(text, (doc) => {
      const pkg = (doc.data.packages as { content: string }[])[0]!;
      const bytes = base64ToBytes(pkg.content);
      const doc2 = JSON.parse(new TextDecoder().decode(bytes));
      doc2.answers[0].comment = 'Réponse changée dans la sauvegarde';
      pkg.content = encodeBase64(new TextEncoder().encode(JSON.stringify(doc2)));
    });
    await expect(restoreBackupFile(d.repo, bad, 'modifiee.json', 'd')).rejects.toThrow(/data\.packages\[0\].*empreinte SHA-256/);
    // Avec l'empreinte du paquet recalculée elle aussi : c'est la signature qui le refuse.
    const doc = JSON.parse(text);
    const pkg = doc.data.packages[0] as { content: string; sha256: string };
    const inner = JSON.parse(new TextDecoder().decode(base64ToBytes(pkg.content)));
    inner.answers[0].comment = 'Réponse changée dans la sauvegarde';
    const changed = new TextEncoder().encode(JSON.stringify(inner));
    pkg.content = encodeBase64(changed);
    pkg.sha256 = await sha256Hex(changed);
    const forgedFile = await rewritten(JSON.stringify(doc), () => undefined);
    await expect(restoreBackupFile(d.repo, forgedFile, 'signature.json', 'd')).rejects.toThrow(/data\.packages\[0\].*(modifié|altéré)/);
    expect(await stored()).toBe(before);
  });

  it('une sauvegarde version 1 (sans paquets ni réglages) se restaure toujours : les réglages actuels restent', async () => {
    const p = await producer();
    await build(p);
    const { text } = await backupText(p);
    const v1 = await rewritten(text, (doc) => {
      doc.version = 1;
      delete doc.data.packages;
      delete doc.data.sharing;
      delete doc.counts.packages;
      delete doc.counts.sharing;
    });
    await build(p); // n° 2 après la sauvegarde
    await restoreBackupFile(p.repo, v1, 'ancienne.json', 'p');
    expect((await build(p)).built.sequence).toBe(3);
  });
});
