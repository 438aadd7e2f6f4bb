import { describe, expect, it } from 'vitest';
import { LOT_SIZE } from '../../../../lib/db/repository';
import type { Repository } from '../../../../lib/db/repository';
import { QUOTA_MESSAGE } from '../../../../lib/db/storage-errors';
import { mergeCriterion } from '../../../../lib/domain/catalogue';
import { UserError } from '../../../../lib/domain/errors';
import { answerId } from '../../../../lib/domain/schemas';
import type { Answer, Criterion } from '../../../../lib/domain/schemas';
import type { ImportPreview } from '../../../../lib/exchange/import-plan';
import { commitImport, previewImport } from '../../../../lib/exchange/service';
import { writeProductWorkbook } from '../../../../lib/exchange/xlsx-export';
import { freshRepo, level, product, PROV, seedProduct, snapshot } from '../../support/db';

const QS = ['interoperabilite', 'urbanisation', 'securite'] as const;

/** Un classeur de n réponses (et n critères), comme en écrit l'export Excel. */
function book(n: number): { bytes: Uint8Array; keys: string[] } {
  const criteria: Criterion[] = Array.from({ length: n }, (_, i) =>
    mergeCriterion(undefined, { questionnaire: QS[i % 3]!, id: `B${String(Math.floor(i / 3)).padStart(4, '0')}.${i % 3}`, title: `Critère ${i}`, obligation: 'obligation', acceptableLevels: ['2', '3'] }, PROV),
  );
  const answers: Answer[] = criteria.map((c, i) => ({
    id: answerId('p1', '', c.key),
    productId: 'p1',
    variantId: '',
    criterionKey: c.key,
    questionnaire: c.questionnaire,
    criterionId: c.id,
    value: level((['0', '1', '2', '3'] as const)[i % 4]!),
    comment: `Commentaire ${i}`,
    evidence: [],
    provenance: PROV,
    author: 'x',
    createdAt: PROV.at,
    updatedAt: PROV.at,
  }));
  return { bytes: writeProductWorkbook({ product: product('p1'), criteria, answers: answers.map((answer) => ({ answer })) }), keys: criteria.map((c) => c.key) };
}

const BIG = book(5000);

/** Les données de la bibliothèque (sans le journal ni les opérations). */
async function library(repo: Repository): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of ['products', 'variants', 'criteria', 'answers', 'companies'] as const) out[t] = await repo.db.table(t).toArray();
  return JSON.stringify(out);
}

async function previewBig(repo: Repository): Promise<ImportPreview> {
  return previewImport(repo, { fileName: 'gros.xlsx', data: BIG.bytes, target: { productId: 'p1', variantId: '' } });
}

describe('import de 5 000 réponses : une transaction, une opération, journal par lots', () => {
  it("écrit tout en UNE opération, que l'annulation défait entièrement ; l'historique et la sauvegarde voient chaque changement", async () => {
    const { repo, tick } = freshRepo();
    await seedProduct(repo, 'p1');
    const before = await library(repo);
    tick();
    const r = await commitImport(repo, await previewBig(repo), { conflicts: 'garder', author: 'alice' });
    expect(r.result).toEqual({ criteria: { created: 5000, changed: 0, unchanged: 0 }, answers: { created: 5000, changed: 0, unchanged: 0 } });
    expect(await repo.db.answers.count()).toBe(5000);
    const ops = await repo.operations();
    expect(ops).toHaveLength(2);
    expect(ops[0]).toMatchObject({ id: r.opId, kind: 'import', label: 'Import de « gros.xlsx »', author: 'alice' });

    // 10 000 changements (critères et réponses) rangés par lots : une ligne du journal par LOT_SIZE changements.
    const rows = await repo.db.journal.where('opId').equals(r.opId!).toArray();
    expect(rows).toHaveLength((2 * 5000) / LOT_SIZE);
    // La sauvegarde complète les rend un par un, numérotés sans doublon, dans l'ordre.
    const { data } = await repo.readSnapshot();
    const entries = data.journal.filter((e) => e.opId === r.opId);
    expect(entries).toHaveLength(10000);
    const seqs = data.journal.map((e) => e.seq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    // Une opération suivante vient après le lot, dans le journal comme dans l'historique de la réponse.
    const id = answerId('p1', '', BIG.keys[4321]!);
    tick();
    await repo.saveAnswers('p1', '', [{ questionnaire: 'urbanisation', criterionId: 'B1440.1', value: level('3') }], PROV, { kind: 'saisie', label: 'Correction', author: 'bob' });
    expect(id).toBe(answerId('p1', '', 'urbanisation/B1440.1'));
    const history = await repo.history(id);
    expect(history.map((h) => [h.kind, h.author, h.before?.value ?? null, h.after?.value ?? null])).toEqual([
      ['import', 'alice', null, level('1')],
      ['saisie', 'bob', level('1'), level('3')],
    ]);

    tick();
    await repo.undo('bob');
    tick();
    const undone = await repo.undo('alice', r.opId!);
    expect(undone.result?.id).toBe(r.opId);
    expect(await library(repo)).toBe(before);
    expect(await repo.lastUndoable()).toMatchObject({ kind: 'produit' });
  }, 60_000);

  it("une réponse invalide au milieu du lot : message français, rien d'écrit (ni critères, ni réponses, ni journal)", async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    const preview = await previewBig(repo);
    const before = await snapshot(repo);
    const change = preview.plan[2500]!.change as { input: { value: unknown } };
    change.input.value = { kind: 'niveau', level: '7' };
    const attempt = commitImport(repo, preview, { conflicts: 'garder', author: 'alice' });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(/^Réponse au critère B\d{4}\.\d invalide/);
    expect(await snapshot(repo)).toBe(before);
  }, 60_000);

  it("disque plein pendant l'écriture en bloc des réponses : le message du quota, et la base inchangée", async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    const preview = await previewBig(repo);
    const before = await snapshot(repo);
    // Les critères sont déjà écrits dans la transaction quand la 4 000e réponse fait déborder le disque.
    let created = 0;
    repo.db.answers.hook('creating', () => {
      if (++created === 4000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(commitImport(repo, preview, { conflicts: 'garder', author: 'alice' })).rejects.toThrow(QUOTA_MESSAGE);
    expect(created).toBe(4000);
    expect(await snapshot(repo)).toBe(before);
    expect(await repo.db.criteria.count()).toBe(0);
  }, 60_000);

  it('un lot reconnaît les réponses déjà enregistrées (lues en une fois), et son annulation les rend telles quelles', async () => {
    const { repo, tick } = freshRepo();
    await seedProduct(repo, 'p1');
    const inputs = (from: number, to: number, l: '1' | '2') =>
      Array.from({ length: to - from }, (_, i) => ({ questionnaire: 'interoperabilite' as const, criterionId: `A${String(from + i).padStart(3, '0')}.1`, value: level(l) }));
    await repo.saveAnswers('p1', '', inputs(0, 60, '1'), PROV, { kind: 'capture', label: 'Première capture', author: 'alice' });
    const before = await library(repo);
    tick();
    // 30 réponses déjà là (changées), 30 nouvelles, 20 identiques.
    const r = await repo.saveAnswers('p1', '', [...inputs(30, 90, '2'), ...inputs(10, 30, '1')], PROV, { kind: 'capture', label: 'Seconde capture', author: 'bob' });
    expect(r.result).toEqual({ created: 30, changed: 30, unchanged: 20 });
    expect((await repo.history(answerId('p1', '', 'interoperabilite/A045.1'))).map((h) => [h.before?.value ?? null, h.after?.value])).toEqual([
      [null, level('1')],
      [level('1'), level('2')],
    ]);
    await repo.undo('bob', r.opId!);
    expect(await library(repo)).toBe(before);
  });

  it('la sauvegarde restaurée rend le même journal, lots dépliés compris', async () => {
    const { repo, tick } = freshRepo();
    await seedProduct(repo, 'p1');
    tick();
    await commitImport(repo, await previewImport(repo, { fileName: 'petit.xlsx', data: book(120).bytes, target: { productId: 'p1', variantId: '' } }), { conflicts: 'garder', author: 'alice' });
    const { data } = await repo.readSnapshot();
    expect(data.journal).toHaveLength(1 + 240);
    tick();
    await repo.restoreSnapshot(data, new Map(), { author: 'carol', label: 'Restauration' });
    const again = await repo.readSnapshot();
    expect(again.data.journal).toEqual(data.journal);
    expect(await repo.history(answerId('p1', '', BIG.keys[7]!))).toHaveLength(1);
  }, 60_000);
});
