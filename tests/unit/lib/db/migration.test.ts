import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ConvergenceDB, CURRENT_VERSION, SCHEMA_V1 } from '../../../../lib/db/schema';
import type { AnswerV1 } from '../../../../lib/db/schema';
import { Repository } from '../../../../lib/db/repository';
import { AnswerSchema, ProductSchema } from '../../../../lib/domain/schemas';

describe('migrations de la base', () => {
  it('met une base en version 1, avec ses données, au schéma actuel', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('products').add({ id: 'p1', name: 'Ancien produit', version: '2.1', type: 'socle', responsable: 'R', description: 'D', createdAt: '2024-01-01T00:00:00.000Z' });
    const oldAnswers: AnswerV1[] = [
      { id: 'a1', productId: 'p1', variantId: '', questionnaire: 'interoperabilite', criterionId: 'A06.1.1', level: 'Niveau 2', comment: 'ok', source: 'capture', updatedAt: '2024-02-01T00:00:00.000Z' },
      { id: 'a2', productId: 'p1', variantId: '', questionnaire: 'ethique', criterionId: 'ETH.1.1', conformity: 'Non conforme', updatedAt: '2024-02-02T00:00:00.000Z' },
      { id: 'a3', productId: 'p1', variantId: '', questionnaire: 'securite', criterionId: '04.03', level: 'Maturité forte', updatedAt: '2024-02-03T00:00:00.000Z' },
    ];
    await v1.table('answers').bulkAdd(oldAnswers);
    await v1.table('criteria').add({ key: 'ethique/ETH.1.1', questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', kind: 'conformite' });
    v1.close();

    const db = new ConvergenceDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const answers = await db.answers.orderBy('criterionKey').toArray();
    expect(answers.map((a) => AnswerSchema.safeParse(a).success)).toEqual([true, true, true]);
    expect(answers.map((a) => [a.criterionKey, a.value])).toEqual([
      ['ethique/ETH.1.1', { kind: 'conformite', conformity: 'non-conforme' }],
      ['interoperabilite/A06.1.1', { kind: 'niveau', level: '2' }],
      ['securite/04.03', { kind: 'niveau', level: '3' }],
    ]);
    expect(answers.find((a) => a.criterionId === 'A06.1.1')?.comment).toBe('ok');
    const p = await db.products.get('p1');
    expect(ProductSchema.safeParse(p).success).toBe(true);
    expect(p?.role).toEqual({ kind: 'nominal' });
    const c = await db.criteria.get('ethique/ETH.1.1');
    expect(c?.acceptableLevels).toEqual([]);

    // Les nouveaux index servent aussi sur les données migrées.
    const repo = new Repository(db);
    expect(await repo.productsAnswering('securite/04.03')).toEqual(['p1']);
    expect(await repo.answersOfScope('p1', '')).toHaveLength(3);
    const r = await repo.saveAnswers('p1', '', [{ questionnaire: 'securite', criterionId: '04.03', value: { kind: 'niveau', level: '1' } }], { kind: 'saisie', ref: 'x', at: new Date().toISOString() }, { kind: 'saisie', label: 'x', author: 'a' });
    expect(r.result.changed).toBe(1);
    db.close();
  });

  it('crée à partir de rien une base vide au schéma actuel', async () => {
    const db = new ConvergenceDB(`fresh-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['answers', 'blobs', 'companies', 'criteria', 'files', 'journal', 'operations', 'packages', 'previews', 'products', 'sharing', 'variants']);
    db.close();
  });
});
