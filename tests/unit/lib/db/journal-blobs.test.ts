import { describe, expect, it } from 'vitest';
import { Repository } from '../../../../lib/db/repository';
import type { JournalLimits } from '../../../../lib/db/repository';
import { ConvergenceDB } from '../../../../lib/db/schema';
import { sha256Hex } from '../../../../lib/domain/evidence';
import { level, PROV, seedProduct, T0 } from '../../support/db';

const MB2 = 2 * 1024 * 1024;
const META = { kind: 'saisie' as const, label: 'Saisie', author: 'alice' };
let n = 0;

/** Une base neuve avec des bornes de journal choisies et une horloge qui avance à chaque appel. */
function repoWith(limits: Partial<JournalLimits> = {}) {
  let now = T0.getTime();
  return new Repository(new ConvergenceDB(`journal-${process.pid}-${++n}-${Math.random()}`), () => new Date((now += 1000)), limits);
}

function bytes(size: number, seed: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

/** Combien de copies d'un contenu la base garde : table blobs, lignes files ou entrées du journal portant un Blob. */
async function copies(repo: Repository, hash: string): Promise<number> {
  const inBlobs = (await repo.db.blobs.toArray()).filter((b) => b.hash === hash).length;
  const inFiles = (await repo.db.files.toArray()).filter((f) => (f as { blob?: unknown }).blob instanceof Blob).length;
  const inJournal = (await repo.db.journal.toArray()).filter(
    (e) => (e.before as { blob?: unknown } | null)?.blob instanceof Blob || (e.after as { blob?: unknown } | null)?.blob instanceof Blob,
  ).length;
  return inBlobs + inFiles + inJournal;
}

async function saveOne(repo: Repository, id: string) {
  return repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: id, value: level('2') }], PROV, META);
}

describe('journal : contenus de preuves par référence, bornes, annulation', () => {
  it("une preuve de 2 Mo supprimée reste en un seul exemplaire tant que l'annulation est possible, plus du tout après élagage", async () => {
    const repo = repoWith({ maxOperations: 4 });
    await seedProduct(repo, 'p1');
    const data = bytes(MB2, 7);
    const hash = await sha256Hex(data);
    const added = await repo.addEvidenceFile({ productId: 'p1', name: 'audit.pdf', type: 'application/pdf', blob: new Blob([data as BlobPart]), evidenceType: 'Audit' }, 'alice');
    expect(await copies(repo, hash)).toBe(1);
    await repo.deleteProduct('p1', 'alice');
    // Supprimée : le journal la désigne par son empreinte, le contenu n'est gardé qu'une fois.
    expect(await copies(repo, hash)).toBe(1);
    expect(await repo.db.files.count()).toBe(0);

    // L'annulation la rend, contenu compris.
    await repo.undo('alice');
    const back = await repo.getEvidenceFile(added.result.id);
    expect(await sha256Hex(back!.blob)).toBe(hash);
    await repo.deleteProduct('p1', 'alice');
    expect(await copies(repo, hash)).toBe(1);

    // Des opérations plus récentes poussent hors du journal celles qui désignaient le contenu : il disparaît.
    await seedProduct(repo, 'p2');
    for (let i = 0; i < 4; i++) await repo.saveAnswers('p2', '', [{ questionnaire: 'securite', criterionId: `0${i}.01`, value: level('1') }], PROV, META);
    expect(await copies(repo, hash)).toBe(0);
    expect(await repo.db.operations.count()).toBe(4);
  });

  it('deux preuves au même contenu partagent un seul exemplaire ; le contenu part quand plus rien ne le désigne', async () => {
    const repo = repoWith({ maxOperations: 2 });
    await seedProduct(repo, 'p1');
    await seedProduct(repo, 'p2');
    const data = bytes(1000, 3);
    const hash = await sha256Hex(data);
    await repo.addEvidenceFile({ productId: 'p1', name: 'a.pdf', blob: new Blob([data as BlobPart]), evidenceType: 'CGU' }, 'a');
    await repo.addEvidenceFile({ productId: 'p2', name: 'b.pdf', blob: new Blob([data as BlobPart]), evidenceType: 'CGU' }, 'a');
    expect(await repo.db.files.count()).toBe(2);
    expect(await copies(repo, hash)).toBe(1);
    await repo.deleteProduct('p1', 'a');
    // p2 garde sa preuve : le contenu reste, même hors du journal.
    expect(await copies(repo, hash)).toBe(1);
    await repo.deleteProduct('p2', 'a');
    await seedProduct(repo, 'p1');
    await seedProduct(repo, 'p3');
    expect(await copies(repo, hash)).toBe(0);
  });

  it("borne en octets : les preuves que seul le journal garde au-delà de la borne sont oubliées, la dernière opération jamais", async () => {
    const repo = repoWith({ maxJournalBlobBytes: MB2 + 10 });
    await seedProduct(repo, 'p1');
    const a = await sha256Hex(bytes(MB2, 1));
    const b = await sha256Hex(bytes(MB2, 2));
    const fa = await repo.addEvidenceFile({ productId: 'p1', name: 'a.pdf', blob: new Blob([bytes(MB2, 1) as BlobPart]), evidenceType: 'A' }, 'x');
    const fb = await repo.addEvidenceFile({ productId: 'p1', name: 'b.pdf', blob: new Blob([bytes(MB2, 2) as BlobPart]), evidenceType: 'B' }, 'x');
    // Supprimer a puis b : 4 Mo que seul le journal garde, au-delà de la borne.
    await repo.runOperation({ kind: 'produit', label: 'Suppression a', author: 'x' }, (w) => w.remove('files', fa.result.id));
    expect(await copies(repo, a)).toBe(1);
    await repo.runOperation({ kind: 'produit', label: 'Suppression b', author: 'x' }, (w) => w.remove('files', fb.result.id));
    // La plus ancienne suppression (et tout ce qui la précède) est oubliée ; la dernière reste annulable.
    expect(await copies(repo, a)).toBe(0);
    expect(await copies(repo, b)).toBe(1);
    const reach = await repo.undoReach();
    expect(reach).toMatchObject({ operations: 1, journalOperations: 1, journalBlobBytes: MB2 });
    await repo.undo('x');
    expect(await sha256Hex((await repo.getEvidenceFile(fb.result.id))!.blob)).toBe(b);
  });

  it("l'élagage garde une suite continue : l'annulation remonte jusqu'à la plus ancienne opération gardée, et le dit", async () => {
    const repo = repoWith({ maxOperations: 3 });
    await seedProduct(repo, 'p1');
    for (let i = 1; i <= 5; i++) await saveOne(repo, `A0${i}.1`);
    const ops = await repo.operations(10);
    expect(ops.map((o) => o.order)).toEqual([6, 5, 4]);
    const reach = await repo.undoReach();
    expect(reach).toMatchObject({ operations: 3, since: ops[2]!.at, stoppedByRestore: null, journalOperations: 3 });
    // Trois annulations possibles, pas une de plus.
    for (let i = 0; i < 3; i++) await repo.undo('alice');
    await expect(repo.undo('alice')).rejects.toThrow('Aucune opération à annuler.');
    expect((await repo.answersOfProduct('p1')).map((a) => a.criterionId)).toEqual(['A01.1', 'A02.1']);
    expect((await repo.undoReach()).operations).toBe(0);
  });

  it('les annulations comptent dans le journal mais pas dans ce qui reste à annuler', async () => {
    const repo = repoWith();
    await seedProduct(repo, 'p1');
    await saveOne(repo, 'A01.1');
    await saveOne(repo, 'A02.1');
    expect((await repo.undoReach()).operations).toBe(3);
    await repo.undo('a');
    const reach = await repo.undoReach();
    expect(reach.operations).toBe(2);
    expect(reach.journalOperations).toBe(4);
  });
});
