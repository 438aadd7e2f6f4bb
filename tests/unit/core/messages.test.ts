import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, dispatch } from '../../../lib/messages/handlers';
import { PROTOCOL } from '../../../lib/messages/protocol';
import { bytesToBase64, base64ToBytes } from '../../../lib/messages/base64';
import { freshRepo, workbook, snapshot } from './helpers';
import * as XLSX from 'xlsx';

function setup() {
  const { repo } = freshRepo();
  const handlers = createHandlers(repo, { now: () => new Date('2025-06-01T00:00:00Z') });
  return { repo, handlers, send: createDispatcher(handlers) };
}

const PRODUCT = { name: 'SantéPlus', version: '2.0', type: 'socle', responsable: 'Camille', description: 'Suivi', author: undefined };

describe('message protocol', () => {
  it('every message has a direction and request/response schemas', () => {
    for (const [type, def] of Object.entries(PROTOCOL)) {
      expect(def.from.length, type).toBeGreaterThan(0);
      expect(['background', 'content', 'page']).toContain(def.to);
      expect(def.request.safeParse, type).toBeTypeOf('function');
      expect(def.response.safeParse, type).toBeTypeOf('function');
    }
  });

  it('rejects malformed messages in French', async () => {
    const { send } = setup();
    expect(await send(null)).toEqual({ ok: false, error: expect.stringMatching(/^Message mal formé/) });
    expect(await send({ type: 'products.list', payload: {}, extra: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/champ\(s\) inconnu\(s\) : extra/) });
    expect(await send({ type: 'drop.database', payload: {} })).toEqual({ ok: false, error: 'Type de message inconnu « drop.database ».' });
    expect(await send({ type: 'page.identify', payload: {} })).toMatchObject({ ok: false, error: expect.stringContaining("n'est pas traité par l'arrière-plan") });
    const bad = await send({ type: 'answers.saveCaptured', payload: { productId: 'p', answers: [{ questionnaire: 'interoperabilite', criterionId: 'A1', value: { kind: 'niveau', level: '9' } }], source: { kind: 'page', ref: 'x' }, author: 'a' } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('champ answers[0].value.level') });
    expect(await send({ type: 'import.commit', payload: { previewId: 'x', author: 'a' } }, 'content')).toMatchObject({ ok: false, error: expect.stringContaining("n'est pas autorisé depuis cet émetteur") });
  });

  it('a full flow: product, variant, learn, capture, resolve, readiness, undo', async () => {
    const { send } = setup();
    const created = await send({ type: 'product.create', payload: { product: { ...PRODUCT, author: undefined }, author: 'alice' } });
    expect(created.ok).toBe(false); // stray author inside product is refused
    const p = await send({ type: 'product.create', payload: { product: { name: 'SantéPlus', version: '2.0', type: 'socle', responsable: 'Camille', description: 'Suivi' }, author: 'alice' } });
    expect(p.ok).toBe(true);
    const productId = (p as { data: { id: string } }).data.id;
    const v = await send({ type: 'variant.create', payload: { variant: { productId, os: 'android', device: 'mobile' }, author: 'alice' } });
    expect(v.ok).toBe(true);
    // Le script de contenu ne lit plus la liste des produits : c'est le panneau (page de l'extension) qui la lit.
    expect(await send({ type: 'products.list', payload: {} }, 'content')).toMatchObject({ ok: false, refused: true });
    const list = await send({ type: 'products.list', payload: {} }, 'page');
    expect(list).toMatchObject({ ok: true, data: { products: [{ product: { name: 'SantéPlus' } }] } });
    expect(Object.values((list as { data: { products: { displayNames: Record<string, string> }[] } }).data.products[0]!.displayNames)).toEqual(['SantéPlus Android Mobile']);
    const learn = await send({ type: 'criteria.learn', payload: { criteria: [{ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] }], source: { ref: 'Questionnaire Interopérabilité' }, author: 'alice' } }, 'page');
    expect(learn).toEqual({ ok: true, data: { counts: { created: 1, changed: 0, unchanged: 0 } } });
    const save = await send({ type: 'answers.saveCaptured', payload: { productId, answers: [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: { kind: 'niveau', level: '1' } }], source: { kind: 'page', ref: 'Interopérabilité' }, author: 'alice' } }, 'page');
    expect(save).toMatchObject({ ok: true, data: { counts: { created: 1, changed: 0, unchanged: 0 }, undoToken: expect.any(String) } });
    const resolved = await send({ type: 'answers.resolved', payload: { productId, questionnaire: 'interoperabilite' } });
    expect(resolved).toMatchObject({ ok: true, data: { answers: [{ source: 'famille', answer: { value: { kind: 'niveau', level: '1' } } }] } });
    const ready = await send({ type: 'readiness.get', payload: { productId } });
    // A08.5.23 below its minimum, and the 3 RGPD zones of the guide (not learned yet) missing
    expect(ready).toMatchObject({ ok: true, data: { blockers: 4, findings: expect.arrayContaining([expect.objectContaining({ code: 'sous-minimum', criterionId: 'A08.5.23' })]) } });
    expect((ready as { data: { findings: { code: string }[] } }).data.findings[0]?.code).toBe('sous-minimum');
    const hist = await send({ type: 'answers.history', payload: { productId, questionnaire: 'interoperabilite', criterionId: 'A08.5.23' } });
    expect(hist).toMatchObject({ ok: true, data: { entries: [{ author: 'alice', before: null }] } });
    const undo = await send({ type: 'operations.undoLast', payload: { author: 'alice', undoToken: (save as { data: { undoToken: string } }).data.undoToken } });
    expect(undo).toMatchObject({ ok: true, data: { undone: { kind: 'capture' } } });
    expect(await send({ type: 'answers.resolved', payload: { productId } })).toMatchObject({ ok: true, data: { answers: [] } });
    const unknownProduct = await send({ type: 'readiness.get', payload: { productId: 'nope' } });
    expect(unknownProduct).toEqual({ ok: false, error: 'Produit introuvable (identifiant « nope »).' });
  });

  it('company profile get/put', async () => {
    const { send } = setup();
    expect(await send({ type: 'company.get', payload: {} })).toEqual({ ok: true, data: null });
    expect(await send({ type: 'company.put', payload: { company: { id: 'c1', denomination: 'ACME', extra: {} }, author: 'a' } })).toMatchObject({ ok: true, data: { denomination: 'ACME' } });
    expect(await send({ type: 'company.get', payload: { id: 'c1' } })).toMatchObject({ ok: true, data: { id: 'c1' } });
  });

  it('import preview then commit, and exports', async () => {
    const { send, repo } = setup();
    const p = await send({ type: 'product.create', payload: { product: { id: 'p1', name: 'X', version: '1', type: 'option', responsable: 'R', description: 'D' }, author: 'a' } });
    expect(p.ok).toBe(true);
    const file = workbook([{ name: 'Interopérabilité', rows: [['ID', 'Critère', 'Niveau'], ['A06.1.1', 'CI-SIS', '3']] }]);
    const before = await snapshot(repo);
    const preview = await send({ type: 'import.preview', payload: { fileName: 'suivi.xlsx', contentBase64: bytesToBase64(file), target: { productId: 'p1' } } });
    expect(preview).toMatchObject({ ok: true, data: { counts: { created: 1 }, items: [{ criterionId: 'A06.1.1', status: 'created', after: 'Niveau 3' }] } });
    expect(await snapshot(repo)).toBe(before);
    const previewId = (preview as { data: { previewId: string } }).data.previewId;
    const commit = await send({ type: 'import.commit', payload: { previewId, author: 'a' } });
    expect(commit).toMatchObject({ ok: true, data: { answers: { created: 1 }, criteria: { created: 1 }, undoToken: expect.any(String) } });
    expect(await send({ type: 'import.commit', payload: { previewId, author: 'a' } })).toMatchObject({ ok: false, error: expect.stringContaining('introuvable ou expiré') });
    const bad = await send({ type: 'import.preview', payload: { fileName: 'x.xlsx', contentBase64: bytesToBase64(new TextEncoder().encode('pas un classeur')), target: { productId: 'p1' } } });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining("ce n'est pas un classeur") });
    const json = await send({ type: 'export.json', payload: {} });
    expect(json).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.json$/) } });
    expect(JSON.parse((json as { data: { json: string } }).data.json).answers).toHaveLength(1);
    const xlsx = await send({ type: 'export.xlsx', payload: { productId: 'p1' } });
    expect(xlsx.ok).toBe(true);
    const wb = XLSX.read(base64ToBytes((xlsx as { data: { contentBase64: string } }).data.contentBase64), { type: 'array' });
    expect(wb.SheetNames).toContain('Interopérabilité');
  });

  it('dispatch() works with explicit handlers too', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, { type: 'products.list', payload: {} })).toEqual({ ok: true, data: { products: [] } });
  });
});
