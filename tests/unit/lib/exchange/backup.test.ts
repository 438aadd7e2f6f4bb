import { describe, expect, it } from 'vitest';
import { answerId } from '../../../../lib/domain/schemas';
import { sha256Hex } from '../../../../lib/domain/evidence';
import { BACKUP_FORMAT, BACKUP_VERSION, openBackupFile, restoreBackupFile, writeBackup } from '../../../../lib/exchange/backup';
import { downloadBackup, sendBackup } from '../../../../components/manager/backup-transfer';
import { freshRepo, level, PROV, seedProduct } from '../../support/db';
import type { Repository } from '../../../../lib/db/repository';
import { evidenceHashes, pageClient, populated } from '../../support/backup';

/** Vide la base comme un navigateur réinstallé : toutes les tables. */
async function wipe(repo: Repository): Promise<void> {
  await repo.db.transaction('rw', repo.db.tables, async () => {
    for (const t of repo.db.tables) await t.clear();
  });
}

async function tables(repo: Repository) {
  const { data } = await repo.readSnapshot();
  return data;
}

describe('sauvegarde complète', () => {
  it('sauvegarde → base vidée → restauration rend tout : fiches, catalogue, réponses, historique et octets des preuves (SHA-256)', async () => {
    const { repo, tick } = freshRepo();
    await populated(repo, tick);
    const send = pageClient(repo);
    const before = await tables(repo);
    const hashes = await evidenceHashes(repo);
    const history = await repo.history(answerId('p1', '', 'interoperabilite/A08.5.23'));
    const deletedHash = (await repo.db.journal.toArray()).find((e) => e.after === null && e.table === 'files')!.blobs![0]!;

    const backup = await downloadBackup(send);
    expect(backup.fileName).toMatch(/^assistant-convergence-sauvegarde-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    expect(backup.counts).toMatchObject({ products: 2, variants: 1, companies: 1, criteria: 2, answers: 3, files: 2, blobs: 3 });
    const head = JSON.parse((await backup.file.slice(0, 200).text()).split('\n')[0]!.replace(/,$/, '}'));
    expect(head).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION });

    await wipe(repo);
    expect(await repo.db.products.count()).toBe(0);
    const file = new File([backup.file], backup.fileName);
    const checked = await sendBackup(send, file, file.name, 'apercu', 'carol');
    expect(checked.preview.tables.products).toEqual({ backup: 2, created: 2, changed: 0, unchanged: 0, removed: 0 });
    expect(await repo.db.products.count()).toBe(0); // l'aperçu n'écrit rien
    const restored = await sendBackup(send, file, file.name, 'restauration', 'carol');
    expect(restored.operation).toMatchObject({ kind: 'restauration', author: 'carol' });

    const after = await tables(repo);
    for (const t of ['products', 'variants', 'companies', 'criteria', 'answers', 'files', 'journal'] as const) expect(after[t], t).toEqual(before[t]);
    expect(after.operations.slice(0, -1)).toEqual(before.operations);
    expect(after.operations.at(-1)).toMatchObject({ kind: 'restauration', label: expect.stringContaining(backup.fileName) });
    expect(await evidenceHashes(repo)).toEqual(hashes);
    expect(hashes['politique.pdf']).toBe(before.files.find((f) => f.name === 'politique.pdf')!.hash);
    expect(await repo.history(answerId('p1', '', 'interoperabilite/A08.5.23'))).toEqual(history);
    // Le contenu que seul le journal gardait (preuve supprimée) est revenu aussi.
    expect(await sha256Hex((await repo.getBlob(deletedHash))!.blob)).toBe(deletedHash);
  });

  it("l'aperçu dit ce qui sera ajouté, remplacé, supprimé ; la restauration remplace toute la bibliothèque et arrête l'annulation", async () => {
    const { repo: a, tick } = freshRepo();
    await populated(a, tick);
    const { file, fileName } = await writeBackup(a);

    const { repo: b } = freshRepo();
    await seedProduct(b, 'p1');
    await seedProduct(b, 'p9');
    await b.saveAnswers('p9', '', [{ questionnaire: 'securite', criterionId: '04.03', value: level('1') }], PROV, { kind: 'saisie', label: 'Saisie', author: 'x' });
    const send = pageClient(b);
    const { preview } = await sendBackup(send, file, fileName, 'apercu', 'x');
    expect(preview.tables.products).toEqual({ backup: 2, created: 1, changed: 1, unchanged: 0, removed: 1 });
    expect(preview.tables.answers).toMatchObject({ backup: 3, created: 3, removed: 1 });
    expect(preview.productNames).toEqual({ created: ['Produit p2'], changed: ['Produit p1'], removed: ['Produit p9'] });
    expect(preview).toMatchObject({ blobs: 3, operations: (await a.readSnapshot()).data.operations.length });

    await sendBackup(send, file, fileName, 'restauration', 'x');
    expect((await b.listProducts()).map((e) => e.product.id)).toEqual(['p1', 'p2']);
    // L'historique restauré décrit l'autre base : on ne l'annule pas par-dessus la restauration.
    await expect(b.undo('x')).rejects.toThrow('Aucune opération à annuler.');
    const reach = await b.undoReach();
    expect(reach).toMatchObject({ operations: 0, since: null, stoppedByRestore: expect.any(String) });
    await b.saveAnswers('p1', '', [{ questionnaire: 'securite', criterionId: '04.03', value: level('2') }], PROV, { kind: 'saisie', label: 'Après', author: 'x' });
    expect((await b.undoReach()).operations).toBe(1);
    await b.undo('x');
    await expect(b.undo('x')).rejects.toThrow('Aucune opération à annuler.');
  });

  it('la mise en forme ne compte pas : une sauvegarde réindentée reste intacte et se restaure', async () => {
    const { repo, tick } = freshRepo();
    await populated(repo, tick);
    const { file } = await writeBackup(repo);
    const pretty = new Blob([JSON.stringify(JSON.parse(await file.text()), null, 2)]);
    const { repo: other } = freshRepo();
    await restoreBackupFile(other, pretty, 'reindentee.json', 'x');
    expect(await evidenceHashes(other)).toEqual(await evidenceHashes(repo));
  });

  it('lecture par morceaux : chaque contenu se lit à part, sans charger le fichier entier', async () => {
    const { repo, tick } = freshRepo();
    await populated(repo, tick);
    const { file, fileName } = await writeBackup(repo);
    const opened = await openBackupFile(file, fileName);
    expect(opened.blobCount).toBe(3);
    expect(opened.manifestText).not.toMatch(/"base64"/);
    const sizes = [];
    for (let i = 0; i < opened.blobCount; i++) sizes.push((await opened.readBlob(i)).size);
    expect(sizes.sort((x, y) => x - y)).toEqual([3000, 5000, 2 * 1024 * 1024]);
  });

  it('des morceaux minuscules (clés, chaînes, échappements, caractères accentués coupés en deux) donnent la même lecture', async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2'), comment: 'Pièges : "}], \\" {[ ]} « é » 🙂' }], PROV, { kind: 'saisie', label: 'S', author: 'a' });
    await repo.addEvidenceFile({ productId: 'p1', name: 'ré"sumé}.pdf', blob: new Blob(['contenu']), evidenceType: 'Type "x"' }, 'a');
    const { file, fileName } = await writeBackup(repo);
    const whole = await openBackupFile(file, fileName);
    for (const chunk of [1, 2, 7, 64]) {
      const small = await openBackupFile(file, fileName, undefined, chunk);
      expect(small.manifestText, `morceaux de ${chunk} octet(s)`).toBe(whole.manifestText);
      expect(await small.readBlob(0)).toEqual(await whole.readBlob(0));
    }
    const { repo: other } = freshRepo();
    await restoreBackupFile(other, file, fileName, 'x');
    expect((await other.answersOfProduct('p1'))[0]?.comment).toContain('🙂');
  });
});
