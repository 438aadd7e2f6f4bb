import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { base64ToBytes, encodeBase64 } from '../../../../lib/text/base64';
import { freshRepo } from '../../support/db';

function setup() {
  const { repo } = freshRepo();
  const handlers = createHandlers(repo, { now: () => new Date('2025-06-01T00:00:00Z'), settings: memorySettings() });
  const send = createDispatcher(handlers);
  // Les messages « page.* » viennent du panneau (page de l'extension) ; « page.statuses.* » du script de contenu.
  return { repo, send: (type: string, payload: unknown, from: 'content' | 'extension-page' = type.startsWith('page.statuses') ? 'content' : 'extension-page') => send({ type, payload }, from) };
}

const PAGE = { name: 'Produit', version: 'v0.1', number: '3100' };

describe('messages des pages Convergence', () => {
  it('relie un produit affiché à une bibliothèque, une seule fois, et le retrouve par son n° Convergence', async () => {
    const { send } = setup();
    expect(await send('page.context', { pageProduct: PAGE })).toMatchObject({ ok: true, data: { current: null, suggestedSource: null } });
    const linked = (await send('page.link', { pageProduct: PAGE, author: 't' })) as { ok: true; data: { productId: string; variantId: string } };
    expect(linked.ok).toBe(true);
    const again = (await send('page.link', { pageProduct: PAGE, author: 't' })) as { data: unknown };
    expect(again.data).toEqual(linked.data); // pas de second produit pour le même n°
    const ctx = (await send('page.context', { pageProduct: PAGE })) as { data: { current: unknown; suggestedSource: unknown; products: { product: { name: string; convergenceNumber?: string } }[] } };
    expect(ctx.data.current).toEqual(linked.data);
    expect(ctx.data.suggestedSource).toEqual(linked.data);
    expect(ctx.data.products.map((p) => [p.product.name, p.product.convergenceNumber])).toEqual([['Produit', '3100']]);
  });

  it('une variante OS reprend son n° ; un n° passe d\'une portée à l\'autre sans doublon', async () => {
    const { send } = setup();
    const fam = (await send('page.link', { pageProduct: PAGE, author: 't' })) as { data: { productId: string } };
    const v = (await send('variant.create', { variant: { productId: fam.data.productId, os: 'android', device: 'mobile' }, author: 't' }, 'extension-page')) as { data: { id: string } };
    const android = { name: 'Produit Android', version: 'v0.1', number: '3101' };
    await send('page.link', { pageProduct: android, scope: { productId: fam.data.productId, variantId: v.data.id }, author: 't' });
    const ctx = (await send('page.context', { pageProduct: android })) as { data: { current: unknown; suggestedReason: string } };
    expect(ctx.data.current).toEqual({ productId: fam.data.productId, variantId: v.data.id });
    expect(ctx.data.suggestedReason).toBe('reliee-variante');
    // Relier 3100 à la variante le retire de la famille.
    await send('page.link', { pageProduct: PAGE, scope: { productId: fam.data.productId, variantId: v.data.id }, author: 't' });
    const list = (await send('products.list', {})) as { data: { products: { product: { convergenceNumber?: string } }[] } };
    expect(list.data.products[0]?.product.convergenceNumber).toBeUndefined();
  });

  it('sans produit relié, propose la dernière source utilisée pour remplir', async () => {
    const { send } = setup();
    const fam = (await send('page.link', { pageProduct: PAGE, author: 't' })) as { data: { productId: string; variantId: string } };
    await send('page.link', { pageProduct: { name: 'Second', version: '2', number: '3200' }, author: 't' });
    // Un remplissage (page.fillSource) note sa source : elle est proposée ensuite, avant « la plus récente ».
    expect(await send('page.fillSource', { source: fam.data })).toMatchObject({ ok: true });
    const ctx = (await send('page.context', { pageProduct: { name: 'Autre', version: '1', number: '9999' } })) as { data: { current: unknown; suggestedSource: unknown; suggestedReason: string } };
    expect(ctx.data).toMatchObject({ current: null, suggestedSource: fam.data, suggestedReason: 'derniere' });
  });

  it('statuts des questionnaires mémorisés par produit, validés à la réception', async () => {
    const { send } = setup();
    const key = 'Produit - v0.1 - 3100';
    expect(await send('page.statuses.get', { productKey: key })).toEqual({ ok: true, data: null });
    const statuses = [{ questionnaire: 'interoperabilite', label: 'Interopérabilité', status: 'À compléter', termine: false, applicable: true, count: { done: 0, total: 9 } }];
    expect(await send('page.statuses.put', { productKey: key, statuses })).toEqual({ ok: true, data: {} });
    expect(await send('page.statuses.get', { productKey: key })).toMatchObject({ ok: true, data: { statuses } });
    expect(await send('page.statuses.put', { productKey: key, statuses: [{ questionnaire: 'inconnu' }] })).toMatchObject({ ok: false });
    expect(await send('page.statuses.put', { productKey: key, statuses }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringMatching(/pas autorisé/) });
  });

  it('preuves : ajout par une page de l\'extension, lecture limitée à la portée (confidentialité producteur)', async () => {
    const { send } = setup();
    const producer = (await send('page.link', { pageProduct: { name: 'Solution producteur', version: 'v1', number: '2726' }, author: 't' })) as { data: { productId: string } };
    await (send('page.link', { pageProduct: { name: 'Solution distributeur', version: 'v1', number: '2742' }, author: 't' }));
    const added = (await send('evidence.add', {
      productId: producer.data.productId, variantId: '', name: 'ecoscore.pdf', type: 'application/pdf', evidenceType: "Résultat de l'écoscore",
      contentBase64: encodeBase64(new TextEncoder().encode('%PDF-1.4 test')), author: 't',
    }, 'extension-page')) as { ok: boolean; data: { id: string; size: number } };
    expect(added).toMatchObject({ ok: true, data: { size: 13 } });
    expect(await send('evidence.add', { productId: producer.data.productId, variantId: '', name: 'x', type: '', evidenceType: 'x', contentBase64: 'AA==', author: 't' }, 'content'))
      .toMatchObject({ ok: false, error: expect.stringMatching(/pas autorisé depuis cet émetteur \(content\)/) });
    const own = (await send('page.evidence.get', { pageProduct: { name: 'Solution producteur', version: 'v1', number: '2726' }, fileId: added.data.id }, 'extension-page')) as { ok: boolean; data: { contentBase64: string } };
    expect(own.ok).toBe(true);
    expect(new TextDecoder().decode(base64ToBytes(own.data.contentBase64))).toBe('%PDF-1.4 test');
    // Un script de contenu ne choisit pas la portée : elle vient du produit affiché (n° Convergence).
    expect(await send('evidence.list', { productId: producer.data.productId, variantId: '' }, 'content'))
      .toMatchObject({ ok: false, error: expect.stringMatching(/pas autorisé depuis cet émetteur \(content\)/) });
    expect(await send('page.evidence.list', { pageProduct: { name: 'Solution producteur', version: 'v1', number: '2726' } })).toMatchObject({ ok: true, data: { files: [{ name: 'ecoscore.pdf' }] } });
    expect(await send('page.evidence.list', { pageProduct: { name: 'Solution distributeur', version: 'v1', number: '2742' } })).toMatchObject({ ok: true, data: { files: [] } });
    expect(await send('page.evidence.get', { pageProduct: { name: 'Solution distributeur', version: 'v1', number: '2742' }, fileId: added.data.id }))
      .toEqual({ ok: false, error: 'Preuve introuvable pour ce produit.' });
    expect(await send('page.evidence.get', { pageProduct: { name: 'Inconnu', version: '1', number: '9999' }, fileId: added.data.id }))
      .toMatchObject({ ok: false, error: expect.stringMatching(/relié à aucune bibliothèque/) });
  });
});
