import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../../../lib/db/repository';
import { ConvergenceDB, CURRENT_VERSION, SCHEMA_V4 } from '../../../../lib/db/schema';
import { answer, level, product } from '../../support/db';

// v4 → v5 : deux tables nouvelles (paquets producteur) ; une bibliothèque existante ne perd rien et reste modifiable.
describe('v4 → v5 : tables des paquets ajoutées, rien de perdu', () => {
  it('produits et réponses intacts, aucun produit en lecture seule, annulation toujours possible', async () => {
    const name = `mig-v4-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('products').add(product('p1'));
    await v4.table('answers').add(answer('p1', '', 'securite', '04.03', level('2')));
    v4.close();

    const db = new ConvergenceDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.sharing.count()).toBe(0);
    expect(await db.packages.count()).toBe(0);
    expect(db.packages.schema.indexes.map((i) => i.name).sort()).toEqual(['convergenceNumber', 'fingerprint', 'producerProductId']);
    const repo = new Repository(db);
    expect((await repo.answersOfProduct('p1')).map((a) => a.criterionKey)).toEqual(['securite/04.03']);
    expect(await repo.activePackages()).toEqual([]);
    await repo.saveAnswers('p1', '', [{ questionnaire: 'securite', criterionId: '04.03', value: level('3') }], { kind: 'saisie', ref: 't', at: new Date().toISOString() }, { kind: 'saisie', label: 'Correction', author: 'a' });
    await repo.undo('a');
    expect((await repo.answersOfProduct('p1'))[0]?.value).toEqual(level('2'));
    db.close();
  });
});
