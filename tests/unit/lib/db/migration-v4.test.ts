import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../../../lib/db/repository';
import { ConvergenceDB, CURRENT_VERSION, SCHEMA_V3 } from '../../../../lib/db/schema';
import { answerId } from '../../../../lib/domain/schemas';
import { answer, level, PROV, product } from '../../support/db';

const AT = '2025-02-01T00:00:00.000Z';

/** Une base v3 comme la précédente version l'écrivait : journal une ligne par changement, anciens index. */
async function seedV3(name: string): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(3).stores(SCHEMA_V3);
  await v3.open();
  const a1 = answer('p1', '', 'interoperabilite', 'A06.1.1', level('1'));
  const a2 = answer('p1', '', 'securite', '04.03', level('2'));
  const a2bis = { ...a2, value: level('3'), updatedAt: AT };
  await v3.table('products').bulkAdd([product('p1'), product('p2')]);
  await v3.table('answers').bulkAdd([a1, a2bis, answer('p2', '', 'securite', '04.03', level('0'))]);
  await v3.table('operations').bulkAdd([
    { id: 'op1', order: 1, kind: 'capture', label: 'Capture', author: 'alice', at: PROV.at, undone: 0 },
    { id: 'op2', order: 2, kind: 'saisie', label: 'Correction', author: 'bob', at: AT, undone: 0 },
  ]);
  await v3.table('journal').bulkAdd([
    { opId: 'op1', table: 'answers', key: a1.id, before: null, after: a1, at: PROV.at },
    { opId: 'op1', table: 'answers', key: a2.id, before: null, after: a2, at: PROV.at },
    { opId: 'op2', table: 'answers', key: a2.id, before: a2, after: a2bis, at: AT },
  ]);
  v3.close();
}

describe('v3 → v4 : index seulement, rien de perdu', () => {
  it("les requêtes passent par les index qui restent ; historique, annulation et journal d'avant intacts ; les lots s'ajoutent après", async () => {
    const name = `mig-v3-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await seedV3(name);
    const db = new ConvergenceDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // Index retirés (inutilisés) et ajouté (lots du journal).
    expect(db.answers.schema.indexes.map((i) => i.name).sort()).toEqual(['[criterionKey+productId]', '[productId+variantId]']);
    expect(db.criteria.schema.indexes.map((i) => i.name)).toEqual(['questionnaire']);
    expect(db.journal.schema.indexes.map((i) => i.name)).toContain('lot.keys');
    const repo = new Repository(db);
    // « productId » et « criterionKey » seuls : le début des index composés.
    expect((await repo.answersOfProduct('p1')).map((a) => a.criterionKey).sort()).toEqual(['interoperabilite/A06.1.1', 'securite/04.03']);
    expect(await repo.productsAnswering('securite/04.03')).toEqual(['p1', 'p2']);
    const id = answerId('p1', '', 'securite/04.03');
    expect((await repo.history(id)).map((h) => [h.author, h.after?.value])).toEqual([
      ['alice', level('2')],
      ['bob', level('3')],
    ]);

    // Un lot écrit après la mise à niveau prend des numéros après ceux du journal v3.
    const inputs = Array.from({ length: 60 }, (_, i) => ({ questionnaire: 'urbanisation' as const, criterionId: `U${i}`, value: level('2') }));
    const lot = await repo.saveAnswers('p2', '', inputs, PROV, { kind: 'capture', label: 'Capture urbanisation', author: 'carol' });
    const { data } = await repo.readSnapshot();
    expect(data.journal.map((e) => e.seq)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
    await repo.undo('carol', lot.opId!);
    expect(await repo.answersOfProduct('p2')).toHaveLength(1);
    // Puis l'opération d'avant la mise à niveau, écrite ligne par ligne.
    await repo.undo('bob', 'op2');
    expect((await db.answers.get(id))?.value).toEqual(level('2'));
    db.close();
  });
});
