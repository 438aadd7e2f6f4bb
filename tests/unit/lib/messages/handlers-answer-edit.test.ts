import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { confidentialComments } from '../../../../lib/library/packages';
import { freshRepo } from '../../support/db';
import { seedAnswers } from '../../support/seed';

// Les messages « modifier les réponses » sur une vraie base Dexie (fake-indexeddb) : journal, annulation, refus.

type Ok<T> = { ok: true; data: T };

function setup() {
  const { repo, tick } = freshRepo();
  const dispatch = createDispatcher(createHandlers(repo, { settings: memorySettings() }));
  const send = async <T = unknown>(type: string, payload: unknown) => (await dispatch({ type, payload }, 'extension-page')) as Ok<T> | { ok: false; error: string };
  const must = async <T = Record<string, unknown>>(type: string, payload: unknown): Promise<T> => {
    tick();
    const r = await send<T>(type, payload);
    if (!r.ok) throw new Error(r.error);
    return r.data;
  };
  return { repo, tick, send, must };
}

type Resolved = { answers: { criterionKey: string; source: string; answer: { value: unknown; comment: string; validUntil?: string; variantId: string; provenance: { kind: string } } }[] };

const PRODUCT = { name: 'SantéPlus', version: '2.0', type: 'socle', responsable: 'Camille', description: 'Suivi' };
const A = { questionnaire: 'interoperabilite', criterionId: 'A08.5.23' };
const B = { questionnaire: 'interoperabilite', criterionId: 'A06.1.1' };

async function seeded() {
  const s = setup();
  const p = await s.must<{ id: string }>('product.create', { product: PRODUCT, author: 't' });
  s.tick();
  await seedAnswers(
    s.repo,
    p.id,
    [
      { ...A, value: { kind: 'niveau', level: '1' }, comment: 'Affichage prévu en v3', validUntil: '2025-01-31' },
      { ...B, value: { kind: 'niveau', level: '2' }, comment: 'Voir la v3' },
    ],
    { kind: 'page', ref: 'Questionnaire Interopérabilité', author: 'Assistant Convergence (page)' },
  );
  const resolved = async (variantId = '') => (await s.must<Resolved>('answers.resolved', { productId: p.id, variantId })).answers;
  return { ...s, productId: p.id, resolved };
}

describe('modifier une réponse dans le gestionnaire', () => {
  it('famille : niveau, commentaire, date retirée, confidentiel ; journalisé, historique, annulable', async () => {
    const { must, productId, resolved, repo } = await seeded();
    const r = await must<{ outcome: string; confidential: boolean; undoToken: string }>('answers.edit', {
      productId, ...A, value: { kind: 'niveau', level: '2' }, comment: 'Affiché depuis la v3', validUntil: '', confidential: true, author: 'Alice',
    });
    expect(r).toMatchObject({ outcome: 'changed', confidential: true });
    const a = (await resolved()).find((x) => x.criterionKey === 'interoperabilite/A08.5.23')!.answer;
    expect(a).toMatchObject({ value: { kind: 'niveau', level: '2' }, comment: 'Affiché depuis la v3', provenance: { kind: 'saisie' } });
    expect(a.validUntil).toBeUndefined();
    // La marque est celle du partage : l'aperçu du paquet la reprend.
    expect(await confidentialComments(repo, productId, '')).toEqual(['interoperabilite/A08.5.23']);

    const history = await must<{ entries: { author: string; operation: string; before: { comment: string } | null; after: { comment: string } | null }[] }>('answers.history', { productId, ...A });
    expect(history.entries.map((e) => [e.author, e.operation, e.before?.comment ?? null, e.after?.comment])).toEqual([
      ['Assistant Convergence (page)', 'Capture depuis « Questionnaire Interopérabilité »', null, 'Affichage prévu en v3'],
      ['Alice', 'Modification de la réponse A08.5.23 (gestionnaire)', 'Affichage prévu en v3', 'Affiché depuis la v3'],
    ]);

    const undone = await must<{ undone: { label: string } }>('operations.undoLast', { author: 'Alice', undoToken: r.undoToken });
    expect(undone.undone.label).toBe('Modification de la réponse A08.5.23 (gestionnaire)');
    expect((await resolved()).find((x) => x.criterionKey === 'interoperabilite/A08.5.23')!.answer).toMatchObject({ comment: 'Affichage prévu en v3', validUntil: '2025-01-31' });
  });

  it("variante : la surcharge est créée, la famille ne change pas ; une valeur identique à l'héritée n'écrit rien", async () => {
    const { must, send, productId, resolved } = await seeded();
    const v = await must<{ id: string }>('variant.create', { variant: { productId, os: 'ios', device: 'mobile' }, author: 't' });
    const same = await must<{ outcome: string; undoToken: string | null }>('answers.edit', { productId, variantId: v.id, ...A, value: { kind: 'niveau', level: '1' }, author: 'Alice' });
    expect(same).toMatchObject({ outcome: 'unchanged', undoToken: null });
    const r = await must<{ outcome: string }>('answers.edit', { productId, variantId: v.id, ...A, value: { kind: 'niveau', level: '3' }, author: 'Alice' });
    expect(r.outcome).toBe('created');
    const onVariant = (await resolved(v.id)).find((x) => x.criterionKey === 'interoperabilite/A08.5.23')!;
    expect(onVariant).toMatchObject({ source: 'variante', answer: { variantId: v.id, value: { level: '3' }, comment: 'Affichage prévu en v3', validUntil: '2025-01-31' } });
    expect((await resolved()).find((x) => x.criterionKey === 'interoperabilite/A08.5.23')!.answer.value).toEqual({ kind: 'niveau', level: '1' });
    // « Sans réponse » sur une variante : la famille reviendrait, refusé en nommant le champ.
    const empty = await send('answers.edit', { productId, variantId: v.id, ...A, value: null, author: 'Alice' });
    expect(empty).toMatchObject({ ok: false, error: expect.stringContaining('« Niveau ou conformité » de A08.5.23') });
  });

  it("refuse une réponse changée depuis l'ouverture de l'éditeur, et un produit venu d'un paquet producteur", async () => {
    const { must, send, productId, repo } = await seeded();
    const stale = await send('answers.edit', { productId, ...A, comment: 'x', expectedUpdatedAt: '2000-01-01T00:00:00.000Z', author: 'Alice' });
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining("a changé depuis l'ouverture de l'éditeur") });
    await repo.db.packages.add({
      id: 'pk1', opId: 'op-inconnue', producerProductId: productId, distributorProductIds: [], fingerprint: 'f', convergenceNumber: '2726', sequence: 1,
      producerName: 'Producteur SAS', createdAt: '2025-01-01', importedAt: '2025-01-02', fileName: 'p.convergence-paquet', sha256: 'x', bytes: new Uint8Array(), changed: [],
    });
    const ctx = await must<{ readOnly: boolean; reason: string }>('answers.editContext', { productId });
    expect(ctx).toMatchObject({ readOnly: true, reason: expect.stringContaining('lecture seule') });
    for (const [type, payload] of [
      ['answers.edit', { productId, ...A, comment: 'x', author: 'Alice' }],
      ['answers.bulkEdit', { productId, keys: ['interoperabilite/A08.5.23'], action: { kind: 'validUntil', date: '2027-01-31' }, author: 'Alice' }],
    ] as const) expect(await send(type, payload)).toMatchObject({ ok: false, error: expect.stringContaining('paquet producteur') });
  });

  it("distributeur : modifier une réponse reprise du producteur crée la sienne, sans les preuves du producteur", async () => {
    const { must, productId: producerId, repo, tick } = await seeded();
    tick();
    await seedAnswers(repo, producerId, [{ ...A, specificite: 'non', evidence: [{ evidenceType: 'Capture', name: 'cda.png' }] }], { ref: 't' });
    const d = await must<{ id: string }>('product.create', { product: { ...PRODUCT, name: 'Revendeur', role: { kind: 'distributeur', producerProductId: producerId } }, author: 't' });
    const before = (await must<Resolved>('answers.resolved', { productId: d.id })).answers;
    expect(before.map((x) => x.source)).toEqual(['producteur']);
    await must('answers.edit', { productId: d.id, ...A, comment: 'Notre propre affichage', author: 'Alice' });
    const after = (await must<Resolved & { answers: { answer: { evidence: unknown[] } }[] }>('answers.resolved', { productId: d.id })).answers;
    expect(after[0]).toMatchObject({ source: 'famille', answer: { comment: 'Notre propre affichage', value: { level: '1' }, evidence: [] } });
  });
});

describe('modification en lot', () => {
  it("aperçu sans écriture, puis UNE opération ; une annulation rend toutes les dates", async () => {
    const { must, send, productId, resolved, repo } = await seeded();
    const keys = ['interoperabilite/A08.5.23', 'interoperabilite/A06.1.1'];
    const ops = await repo.db.operations.count();
    const preview = await must<{ changes: { criterionId: string; before: string; after: string }[]; signature: string; applied: number }>('answers.bulkEdit', {
      productId, keys, action: { kind: 'validUntil', date: '2027-01-31' }, author: 'Alice',
    });
    expect(preview.changes.map((c) => [c.criterionId, c.before, c.after])).toEqual([
      ['A06.1.1', '', '2027-01-31'],
      ['A08.5.23', '2025-01-31', '2027-01-31'],
    ]);
    expect(preview.applied).toBe(0);
    expect(await repo.db.operations.count()).toBe(ops);

    // Un aperçu dépassé (réponse changée entre-temps) est refusé.
    await must('answers.edit', { productId, ...A, comment: 'Changée ailleurs', author: 'Bob' });
    const refused = await send('answers.bulkEdit', { productId, keys, action: { kind: 'validUntil', date: '2027-01-31' }, apply: true, signature: preview.signature + 'x', author: 'Alice' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining("relancez l'aperçu") });

    const again = await must<{ signature: string }>('answers.bulkEdit', { productId, keys, action: { kind: 'validUntil', date: '2027-01-31' }, author: 'Alice' });
    const done = await must<{ applied: number; undoToken: string }>('answers.bulkEdit', { productId, keys, action: { kind: 'validUntil', date: '2027-01-31' }, apply: true, signature: again.signature, author: 'Alice' });
    expect(done.applied).toBe(2);
    expect((await resolved()).map((x) => x.answer.validUntil)).toEqual(['2027-01-31', '2027-01-31']);
    expect(await repo.db.operations.count()).toBe(ops + 2);
    const list = await must<{ nextUndo: { label: string } }>('operations.list', { limit: 1 });
    expect(list.nextUndo.label).toBe("Modification en lot : valide jusqu'au 31/01/2027 (2 réponse(s))");
    await must('operations.undoLast', { author: 'Alice', undoToken: done.undoToken });
    expect((await resolved()).map((x) => [x.answer.comment, x.answer.validUntil])).toEqual([
      ['Voir la v3', undefined],
      ['Changée ailleurs', '2025-01-31'],
    ]);
  });

  it('remplacement dans les commentaires ; une date invalide est refusée en nommant le champ', async () => {
    const { must, send, productId, resolved } = await seeded();
    const keys = ['interoperabilite/A08.5.23', 'interoperabilite/A06.1.1'];
    const p = await must<{ signature: string; changes: { after: string }[] }>('answers.bulkEdit', { productId, keys, action: { kind: 'replace', find: 'v3', replace: 'v4' }, author: 'A' });
    expect(p.changes.map((c) => c.after)).toEqual(['Voir la v4', 'Affichage prévu en v4']);
    await must('answers.bulkEdit', { productId, keys, action: { kind: 'replace', find: 'v3', replace: 'v4' }, apply: true, signature: p.signature, author: 'A' });
    expect((await resolved()).map((x) => x.answer.comment)).toEqual(['Voir la v4', 'Affichage prévu en v4']);
    const bad = await send('answers.bulkEdit', { productId, keys, action: { kind: 'validUntil', date: '31/01/2027' }, author: 'A' });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('action.date') });
  });
});

describe('historique : restaurer une valeur antérieure', () => {
  it("la valeur capturée revient, en une nouvelle opération annulable ; une entrée qui n'existe plus est refusée", async () => {
    const { must, send, productId, resolved } = await seeded();
    await must('answers.edit', { productId, ...A, value: { kind: 'niveau', level: '3' }, comment: 'Niveau 3 atteint', author: 'Alice' });
    const h = await must<{ entries: { at: string }[] }>('answers.history', { productId, ...A });
    const r = await must<{ outcome: string; undoToken: string }>('answers.restore', { productId, ...A, index: 0, at: h.entries[0]!.at, author: 'Bob' });
    expect(r.outcome).toBe('changed');
    const a = (await resolved()).find((x) => x.criterionKey === 'interoperabilite/A08.5.23')!.answer;
    expect(a).toMatchObject({ value: { level: '1' }, comment: 'Affichage prévu en v3', validUntil: '2025-01-31', provenance: { kind: 'saisie' } });
    const h2 = await must<{ entries: { author: string; operation: string }[] }>('answers.history', { productId, ...A });
    expect(h2.entries.at(-1)).toMatchObject({ author: 'Bob', operation: expect.stringMatching(/^Restauration de la réponse A08\.5\.23 \(valeur du \d\d\/\d\d\/\d{4}\)$/) });
    expect(await send('answers.restore', { productId, ...A, index: 0, at: '1999-01-01T00:00:00.000Z', author: 'Bob' })).toMatchObject({ ok: false, error: expect.stringContaining("n'y est plus") });
    await must('operations.undoLast', { author: 'Bob', undoToken: r.undoToken });
    expect((await resolved()).find((x) => x.criterionKey === 'interoperabilite/A08.5.23')!.answer.comment).toBe('Niveau 3 atteint');
  });
});
