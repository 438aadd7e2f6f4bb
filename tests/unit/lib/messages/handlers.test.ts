import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, dispatch } from '../../../../lib/messages/handlers';
import { PROTOCOL } from '../../../../lib/messages/protocol';
import { encodeBase64, base64ToBytes } from '../../../../lib/text/base64';
import { freshRepo, workbook, snapshot } from '../../support/db';
import * as XLSX from 'xlsx';

function setup() {
  const { repo } = freshRepo();
  const handlers = createHandlers(repo, { now: () => new Date('2025-06-01T00:00:00Z') });
  return { repo, handlers, send: createDispatcher(handlers) };
}

const PRODUCT = { name: 'SantéPlus', version: '2.0', type: 'socle', responsable: 'Camille', description: 'Suivi', author: undefined };

describe('protocole des messages', () => {
  it('chaque message a un sens (émetteurs, destinataire) et ses schémas de requête et de réponse', () => {
    for (const [type, def] of Object.entries(PROTOCOL)) {
      expect(def.from.length, type).toBeGreaterThan(0);
      expect(['background', 'content', 'extension-page']).toContain(def.to);
      expect(def.request.safeParse, type).toBeTypeOf('function');
      expect(def.response.safeParse, type).toBeTypeOf('function');
    }
  });

  it('refuse en français un message mal formé, inconnu, mal adressé ou invalide', async () => {
    const { send } = setup();
    expect(await send(null, 'extension-page')).toEqual({ ok: false, error: expect.stringMatching(/^Message mal formé/) });
    expect(await send({ type: 'products.list', payload: {}, extra: 1 }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringMatching(/champ\(s\) inconnu\(s\) : extra/) });
    expect(await send({ type: 'drop.database', payload: {} }, 'extension-page')).toEqual({ ok: false, error: 'Type de message inconnu « drop.database ».' });
    expect(await send({ type: 'page.identify', payload: {} }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringContaining("n'est pas traité par l'arrière-plan") });
    const bad = await send({ type: 'answers.edit', payload: { productId: 'p', questionnaire: 'interoperabilite', criterionId: 'A1', value: { kind: 'niveau', level: '9' }, author: 'a' } }, 'extension-page');
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('champ value.level') });
    expect(await send({ type: 'import.commit', payload: { previewId: 'x', author: 'a' } }, 'content')).toMatchObject({ ok: false, error: expect.stringContaining("n'est pas autorisé depuis cet émetteur") });
  });

  it('un parcours complet : produit, variante, capture (critère appris, réponse), réponses en vigueur, préparation, annulation', async () => {
    const { send } = setup();
    const created = await send({ type: 'product.create', payload: { product: { ...PRODUCT, author: undefined }, author: 'alice' } }, 'extension-page');
    expect(created.ok).toBe(false); // un champ en trop dans le produit (author) est refusé
    const p = await send({ type: 'product.create', payload: { product: { name: 'SantéPlus', version: '2.0', type: 'socle', responsable: 'Camille', description: 'Suivi', convergenceNumber: '3100' }, author: 'alice' } }, 'extension-page');
    expect(p.ok).toBe(true);
    const productId = (p as { data: { id: string } }).data.id;
    const v = await send({ type: 'variant.create', payload: { variant: { productId, os: 'android', device: 'mobile' }, author: 'alice' } }, 'extension-page');
    expect(v.ok).toBe(true);
    // Le script de contenu ne lit plus la liste des produits : c'est le panneau (page de l'extension) qui la lit.
    expect(await send({ type: 'products.list', payload: {} }, 'content')).toMatchObject({ ok: false, refused: true });
    const list = await send({ type: 'products.list', payload: {} }, 'extension-page');
    expect(list).toMatchObject({ ok: true, data: { products: [{ product: { name: 'SantéPlus' } }] } });
    expect(Object.values((list as { data: { products: { displayNames: Record<string, string> }[] } }).data.products[0]!.displayNames)).toEqual(['SantéPlus Android Mobile']);
    // Une capture du panneau, en un message : le critère lu est appris, la réponse enregistrée dans la bibliothèque reliée au n°.
    const captured = {
      model: 'criteria',
      title: 'Interopérabilité',
      criteria: [{ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] }],
      answers: [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: { kind: 'niveau', level: '1' } }],
      empty: [],
    };
    const save = await send({ type: 'page.capture', payload: { pageProduct: { name: 'SantéPlus', version: '2.0', number: '3100' }, captured } }, 'extension-page', { tabId: 1 });
    expect(save).toMatchObject({ ok: true, data: { outcome: { code: 'enregistre', read: 1, created: 1, changed: 0, unchanged: 0 } } });
    expect(await send({ type: 'criteria.list', payload: {} }, 'extension-page')).toMatchObject({ ok: true, data: { criteria: [{ key: 'interoperabilite/A08.5.23', acceptableLevels: ['NA', '2', '3'] }] } });
    const resolved = await send({ type: 'answers.resolved', payload: { productId, questionnaire: 'interoperabilite' } }, 'extension-page');
    expect(resolved).toMatchObject({ ok: true, data: { answers: [{ source: 'famille', answer: { value: { kind: 'niveau', level: '1' } } }] } });
    const ready = await send({ type: 'readiness.get', payload: { productId } }, 'extension-page');
    // A08.5.23 sous son minimum, et les 3 zones RGPD du guide (pas encore apprises) manquantes
    expect(ready).toMatchObject({ ok: true, data: { blockers: 4, findings: expect.arrayContaining([expect.objectContaining({ code: 'sous-minimum', criterionId: 'A08.5.23' })]) } });
    expect((ready as { data: { findings: { code: string }[] } }).data.findings[0]?.code).toBe('sous-minimum');
    const hist = await send({ type: 'answers.history', payload: { productId, questionnaire: 'interoperabilite', criterionId: 'A08.5.23' } }, 'extension-page');
    expect(hist).toMatchObject({ ok: true, data: { entries: [{ author: 'Assistant Convergence (page)', before: null }] } });
    // La dernière opération est l'enregistrement de la capture (après l'apprentissage du critère).
    const undo = await send({ type: 'operations.undoLast', payload: { author: 'alice' } }, 'extension-page');
    expect(undo).toMatchObject({ ok: true, data: { undone: { kind: 'capture' } } });
    expect(await send({ type: 'answers.resolved', payload: { productId } }, 'extension-page')).toMatchObject({ ok: true, data: { answers: [] } });
    const unknownProduct = await send({ type: 'readiness.get', payload: { productId: 'nope' } }, 'extension-page');
    expect(unknownProduct).toEqual({ ok: false, error: 'Produit introuvable (identifiant « nope »).' });
  });

  it('fiche administrative : lire, enregistrer, relire', async () => {
    const { send } = setup();
    expect(await send({ type: 'company.get', payload: {} }, 'extension-page')).toEqual({ ok: true, data: null });
    expect(await send({ type: 'company.put', payload: { company: { id: 'c1', denomination: 'ACME', extra: {} }, author: 'a' } }, 'extension-page')).toMatchObject({ ok: true, data: { denomination: 'ACME' } });
    expect(await send({ type: 'company.get', payload: { id: 'c1' } }, 'extension-page')).toMatchObject({ ok: true, data: { id: 'c1' } });
  });

  it('aperçu puis écriture d\'un import, et les exports', async () => {
    const { send, repo } = setup();
    const p = await send({ type: 'product.create', payload: { product: { id: 'p1', name: 'X', version: '1', type: 'option', responsable: 'R', description: 'D' }, author: 'a' } }, 'extension-page');
    expect(p.ok).toBe(true);
    const file = workbook([{ name: 'Interopérabilité', rows: [['ID', 'Critère', 'Niveau'], ['A06.1.1', 'CI-SIS', '3']] }]);
    const before = await snapshot(repo);
    const preview = await send({ type: 'import.preview', payload: { fileName: 'suivi.xlsx', contentBase64: encodeBase64(file), target: { productId: 'p1' } } }, 'extension-page');
    expect(preview).toMatchObject({ ok: true, data: { counts: { created: 1 }, items: [{ criterionId: 'A06.1.1', status: 'created', after: 'Niveau 3' }] } });
    expect(await snapshot(repo)).toBe(before);
    const previewId = (preview as { data: { previewId: string } }).data.previewId;
    const commit = await send({ type: 'import.commit', payload: { previewId, author: 'a' } }, 'extension-page');
    expect(commit).toMatchObject({ ok: true, data: { answers: { created: 1 }, criteria: { created: 1 }, undoToken: expect.any(String) } });
    expect(await send({ type: 'import.commit', payload: { previewId, author: 'a' } }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringContaining('introuvable ou expiré') });
    const bad = await send({ type: 'import.preview', payload: { fileName: 'x.xlsx', contentBase64: encodeBase64(new TextEncoder().encode('pas un classeur')), target: { productId: 'p1' } } }, 'extension-page');
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining("ce n'est pas un classeur") });
    const json = await send({ type: 'export.json', payload: {} }, 'extension-page');
    expect(json).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.json$/) } });
    expect(JSON.parse((json as { data: { json: string } }).data.json).answers).toHaveLength(1);
    const xlsx = await send({ type: 'export.xlsx', payload: { productId: 'p1' } }, 'extension-page');
    expect(xlsx.ok).toBe(true);
    const wb = XLSX.read(base64ToBytes((xlsx as { data: { contentBase64: string } }).data.contentBase64), { type: 'array' });
    expect(wb.SheetNames).toContain('Interopérabilité');
  });

  it('dispatch() fonctionne aussi avec des gestionnaires donnés', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, { type: 'products.list', payload: {} }, 'extension-page')).toEqual({ ok: true, data: { products: [] } });
  });
});
