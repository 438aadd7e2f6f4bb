import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { encodeBase64 } from '../../../../lib/text/base64';
import { freshRepo } from '../../support/db';
import { seedAnswers, seedCriteria } from '../../support/seed';

type Ok<T> = { ok: true; data: T };

function setup() {
  const { repo } = freshRepo();
  const handlers = createHandlers(repo, { now: () => new Date('2025-06-01T00:00:00Z'), settings: memorySettings() });
  const dispatch = createDispatcher(handlers);
  const send = async <T = unknown>(type: string, payload: unknown, from: 'content' | 'extension-page' = 'extension-page') => (await dispatch({ type, payload }, from)) as Ok<T> | { ok: false; error: string };
  const must = async <T>(type: string, payload: unknown): Promise<T> => {
    const r = await send<T>(type, payload);
    if (!r.ok) throw new Error(r.error);
    return r.data;
  };
  return { repo, send, must };
}

const PRODUCT = { name: 'SantéPlus', version: '2.0', type: 'socle', responsable: 'Camille', description: 'Suivi' };
const ANSWER = { questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: { kind: 'niveau', level: '2' } };

describe('messages du gestionnaire de bibliothèques', () => {
  it('criteria.list rend le catalogue appris, filtré par questionnaire', async () => {
    const { must, repo } = setup();
    await seedCriteria(repo, [
      { questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] },
      { questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', obligation: 'obligation' },
    ], { at: '2025-06-01T00:00:00.000Z' });
    const all = await must<{ criteria: { key: string; title: string }[] }>('criteria.list', {});
    expect(all.criteria.map((c) => c.key).sort()).toEqual(['ethique/ETH.1.1', 'interoperabilite/A08.5.23']);
    const interop = await must<{ criteria: { title: string; acceptableLevels: string[] }[] }>('criteria.list', { questionnaire: 'interoperabilite' });
    expect(interop.criteria).toEqual([expect.objectContaining({ title: 'Consommateur CDA', acceptableLevels: ['NA', '2', '3'] })]);
  });

  it('operations.list rend le journal, la plus récente d\'abord, et l\'opération qu\'annuler viserait', async () => {
    const { must, repo } = setup();
    const p = await must<{ id: string }>('product.create', { product: PRODUCT, author: 'alice' });
    await seedAnswers(repo, p.id, [ANSWER], { author: 'alice', at: '2025-06-01T00:00:00.000Z' });
    let list = await must<{ operations: { label: string; undone: boolean; author: string }[]; nextUndo: { label: string } | null }>('operations.list', {});
    expect(list.operations.map((o) => o.label)).toEqual(['Saisie (test)', 'Création du produit « SantéPlus »']);
    expect(list.operations[0]).toMatchObject({ author: 'alice', undone: false });
    expect(list.nextUndo?.label).toBe('Saisie (test)');
    await must('operations.undoLast', { author: 'alice' });
    list = await must('operations.list', { limit: 5 });
    expect(list.operations.map((o) => [o.label, o.undone])).toEqual([
      ['Annulation : Saisie (test)', false],
      ['Saisie (test)', true],
      ['Création du produit « SantéPlus »', false],
    ]);
    expect(list.nextUndo?.label).toBe('Création du produit « SantéPlus »');
  });

  it('variant.delete retire la variante, ses réponses et ses preuves ; annulable', async () => {
    const { must, repo } = setup();
    const p = await must<{ id: string }>('product.create', { product: PRODUCT, author: 't' });
    const v = await must<{ id: string }>('variant.create', { variant: { productId: p.id, os: 'android', device: 'mobile' }, author: 't' });
    await seedAnswers(repo, p.id, [ANSWER], { variantId: v.id, at: '2025-06-01T00:00:00.000Z' });
    await must('evidence.add', {
      productId: p.id, variantId: v.id, name: 'a.pdf', type: 'application/pdf', evidenceType: 'Preuve', contentBase64: encodeBase64(new Uint8Array([1, 2, 3])), author: 't',
    });
    const r = await must<{ deleted: unknown; undoToken: string }>('variant.delete', { id: v.id, author: 't' });
    expect(r.deleted).toEqual({ variants: 1, answers: 1, files: 1 });
    const list = await must<{ products: { variants: unknown[] }[] }>('products.list', {});
    expect(list.products[0]?.variants).toEqual([]);
    expect((await must<{ files: unknown[] }>('evidence.list', { productId: p.id, variantId: v.id })).files).toEqual([]);
    const undone = await must<{ undone: { label: string } }>('operations.undoLast', { author: 't', undoToken: r.undoToken });
    expect(undone.undone.label).toBe('Suppression de la variante « SantéPlus Android Mobile »');
    expect((await must<{ answers: unknown[] }>('answers.resolved', { productId: p.id, variantId: v.id })).answers).toHaveLength(1);
    expect((await must<{ files: { name: string }[] }>('evidence.list', { productId: p.id, variantId: v.id })).files.map((f) => f.name)).toEqual(['a.pdf']);
  });

  it('product.delete retire toute la famille, refuse un producteur auquel un distributeur est rattaché', async () => {
    const { must, send, repo } = setup();
    const producer = await must<{ id: string }>('product.create', { product: { ...PRODUCT, name: 'Solution', role: { kind: 'producteur' } }, author: 't' });
    const distributor = await must<{ id: string }>('product.create', {
      product: { ...PRODUCT, name: 'Revendeur', role: { kind: 'distributeur', producerProductId: producer.id } },
      author: 't',
    });
    await must('variant.create', { variant: { productId: producer.id, os: 'web', device: 'site-web' }, author: 't' });
    await seedAnswers(repo, producer.id, [ANSWER], { at: '2025-06-01T00:00:00.000Z' });
    const refused = await send('product.delete', { id: producer.id, author: 't' });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("est l'éditeur producteur de « Revendeur »") });
    expect((await must<{ products: unknown[] }>('products.list', {})).products).toHaveLength(2);

    await must('product.delete', { id: distributor.id, author: 't' });
    const r = await must<{ deleted: unknown }>('product.delete', { id: producer.id, author: 't' });
    expect(r.deleted).toEqual({ variants: 1, answers: 1, files: 0 });
    expect((await must<{ products: unknown[] }>('products.list', {})).products).toEqual([]);
    await must('operations.undoLast', { author: 't' });
    const back = await must<{ products: { product: { name: string }; variants: unknown[] }[] }>('products.list', {});
    expect(back.products.map((e) => [e.product.name, e.variants.length])).toEqual([['Solution', 1]]);
  });

  it("product.update / variant.update : un n° Convergence vide l'efface, absent le garde", async () => {
    const { must } = setup();
    const p = await must<{ id: string }>('product.create', { product: { ...PRODUCT, convergenceNumber: '3100' }, author: 't' });
    expect(await must('product.update', { id: p.id, patch: { version: '2.1' }, author: 't' })).toMatchObject({ version: '2.1', convergenceNumber: '3100' });
    const cleared = await must<Record<string, unknown>>('product.update', { id: p.id, patch: { convergenceNumber: '' }, author: 't' });
    expect(cleared.convergenceNumber).toBeUndefined();
    const v = await must<{ id: string }>('variant.create', { variant: { productId: p.id, os: 'ios', device: 'mobile', convergenceNumber: '3101' }, author: 't' });
    expect(await must('variant.update', { id: v.id, patch: { commercialName: 'X' }, author: 't' })).toMatchObject({ convergenceNumber: '3101' });
    expect((await must<Record<string, unknown>>('variant.update', { id: v.id, patch: { convergenceNumber: '' }, author: 't' })).convergenceNumber).toBeUndefined();
  });

  it('les suppressions ne sont pas autorisées depuis un script de contenu', async () => {
    const { must, send } = setup();
    const p = await must<{ id: string }>('product.create', { product: PRODUCT, author: 't' });
    expect(await send('product.delete', { id: p.id, author: 't' }, 'content')).toMatchObject({ ok: false, error: expect.stringContaining("n'est pas autorisé") });
  });
});
