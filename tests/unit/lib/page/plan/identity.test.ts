import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, memorySettings } from '../../../../../lib/messages/handlers';
import { freshRepo } from '../../../support/db';

// Le produit d'un onglet : lu, retenu de la page précédente, choisi par la personne ; variante reconnue
// à son nom ; source proposée. L'arrière-plan décide, par onglet.

type Ctx = {
  identity: { from: string; product: { name: string; number: string } | null };
  current: { productId: string; variantId: string } | null;
  variantCandidate: null | { productId: string; variantId: string; variantLabel: string; familyName: string; pageName: string };
  suggestedSource: { productId: string; variantId: string } | null;
  suggestedReason: string;
  products: { product: { id: string; name: string; convergenceNumber?: string }; variants: { id: string; os: string; device: string; convergenceNumber?: string }[] }[];
};

function setup() {
  const { repo, tick } = freshRepo();
  const handlers = createHandlers(repo, { now: () => new Date('2025-06-01T00:00:00Z'), settings: memorySettings(), tabs: memorySettings() });
  const dispatch = createDispatcher(handlers);
  // Le panneau est une page de l'extension dans un onglet : l'arrière-plan connaît son onglet.
  const send = async <T = unknown>(type: string, payload: unknown, tabId?: number, from: 'content' | 'extension-page' = 'extension-page'): Promise<T> => {
    const r = await dispatch({ type, payload }, from, { tabId });
    if (!r.ok) throw new Error(r.error);
    return r.data as T;
  };
  const attempt = (type: string, payload: unknown, tabId?: number, from: 'content' | 'extension-page' = 'extension-page') => dispatch({ type, payload }, from, { tabId });
  return { repo, send, attempt, tick };
}

const DOSSIA = { name: 'Dossia', version: 'v3.1', number: '4101' };
const DOSSIA_IOS = { name: 'Dossia iOS Mobile', version: 'v3.1', number: '4102' };

describe('produit retenu par onglet', () => {
  it("une page sans produit reprend celui de la page précédente du même onglet, pas d'un autre onglet", async () => {
    const { send } = setup();
    const fam = await send<{ productId: string }>('page.link', { pageProduct: DOSSIA, author: 't' }, 1);
    await send('page.context', { pageProduct: DOSSIA }, 1);
    const next = await send<Ctx>('page.context', { pageProduct: null }, 1);
    expect(next.identity).toEqual({ from: 'precedente', product: DOSSIA });
    expect(next.current).toEqual({ productId: fam.productId, variantId: '' });
    const other = await send<Ctx>('page.context', { pageProduct: null }, 2);
    expect(other.identity).toEqual({ from: 'aucune', product: null });
    expect(other.current).toBeNull();
    // Jamais « aucune bibliothèque » tant que la bibliothèque a un produit plausible.
    expect(other.suggestedSource).toEqual({ productId: fam.productId, variantId: '' });
    expect(other.suggestedReason).toBe('seule');
  });

  it('« Ce produit est : » retenu pour l\'onglet, puis relié au n° Convergence dès qu\'une page en affiche un', async () => {
    const { send } = setup();
    const fam = await send<{ productId: string }>('page.choose', { choice: { create: { name: 'Dossia', version: 'v3.1' } }, author: 't' }, 7);
    const chosen = await send<Ctx>('page.context', { pageProduct: null }, 7);
    expect(chosen.identity.from).toBe('choix');
    expect(chosen.current).toEqual({ productId: fam.productId, variantId: '' });
    expect(chosen.suggestedSource).toEqual(chosen.current);
    const shown = await send<Ctx>('page.context', { pageProduct: DOSSIA }, 7);
    expect(shown.identity).toEqual({ from: 'page', product: DOSSIA });
    expect(shown.current).toEqual({ productId: fam.productId, variantId: '' });
    expect(shown.products.find((e) => e.product.id === fam.productId)?.product.convergenceNumber).toBe('4101');
    // Le choix est oublié : la page fait foi ; la page suivante sans produit reprend Dossia.
    expect((await send<Ctx>('page.context', { pageProduct: null }, 7)).identity.from).toBe('precedente');
  });

  it('un choix ne vole pas le n° déjà relié à un autre produit', async () => {
    const { send } = setup();
    const a = await send<{ productId: string }>('page.link', { pageProduct: DOSSIA, author: 't' }, 1);
    const b = await send<{ productId: string }>('page.choose', { choice: { create: { name: 'Autre', version: '1' } }, author: 't' }, 3);
    const ctx = await send<Ctx>('page.context', { pageProduct: DOSSIA }, 3);
    expect(ctx.current).toEqual({ productId: a.productId, variantId: '' });
    expect(ctx.products.find((e) => e.product.id === b.productId)?.product.convergenceNumber).toBeUndefined();
  });

  it('un choix qui ne désigne plus rien est refusé avec un message', async () => {
    const { attempt } = setup();
    expect(await attempt('page.choose', { choice: { scope: { productId: 'inconnu', variantId: '' } }, author: 't' }, 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/plus dans la bibliothèque/),
    });
  });
});

describe('variantes reconnues à leur nom', () => {
  it('« Dossia iOS Mobile - v3.1 » est proposé comme variante iOS Mobile de « Dossia v3.1 », relié en un geste', async () => {
    const { send } = setup();
    const fam = await send<{ productId: string }>('page.link', { pageProduct: DOSSIA, author: 't' }, 1);
    const before = await send<Ctx>('page.context', { pageProduct: DOSSIA_IOS }, 1);
    expect(before.current).toBeNull();
    expect(before.variantCandidate).toMatchObject({ productId: fam.productId, variantId: '', variantLabel: 'iOS Mobile', familyName: 'Dossia v3.1', pageName: 'Dossia iOS Mobile' });
    // Source proposée : la famille, pas « aucune bibliothèque ».
    expect(before.suggestedSource).toEqual({ productId: fam.productId, variantId: '' });
    expect(before.suggestedReason).toBe('famille-du-nom');
    const linked = await send<{ productId: string; variantId: string }>('page.linkVariant', { pageProduct: DOSSIA_IOS, author: 't' }, 1);
    expect(linked.productId).toBe(fam.productId);
    expect(linked.variantId).not.toBe('');
    const after = await send<Ctx>('page.context', { pageProduct: DOSSIA_IOS }, 1);
    expect(after.current).toEqual(linked);
    expect(after.variantCandidate).toBeNull();
    expect(after.suggestedReason).toBe('reliee-variante');
    expect(after.products[0]?.variants).toEqual([expect.objectContaining({ os: 'ios', device: 'mobile', convergenceNumber: '4102' })]);
    expect(after.products).toHaveLength(1);
  });

  it('une variante existante de même OS sans n° est reliée plutôt que dupliquée', async () => {
    const { send } = setup();
    const fam = await send<{ productId: string }>('page.link', { pageProduct: DOSSIA, author: 't' }, 1);
    const v = await send<{ id: string }>('variant.create', { variant: { productId: fam.productId, os: 'ios', device: 'mobile' }, author: 't' }, undefined, 'extension-page');
    const ctx = await send<Ctx>('page.context', { pageProduct: DOSSIA_IOS }, 1);
    expect(ctx.variantCandidate?.variantId).toBe(v.id);
    expect(await send('page.linkVariant', { pageProduct: DOSSIA_IOS, author: 't' }, 1)).toEqual({ productId: fam.productId, variantId: v.id });
  });

  it("l'arrière-plan refait la reconnaissance : un nom qui n'est pas une variante est refusé", async () => {
    const { send, attempt } = setup();
    await send('page.link', { pageProduct: DOSSIA, author: 't' }, 1);
    expect(await attempt('page.linkVariant', { pageProduct: { name: 'Autre produit', version: 'v3.1', number: '5000' }, author: 't' }, 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/ne se lit pas comme une variante/),
    });
    // Même nom de base mais autre version : pas la même famille.
    expect((await send<Ctx>('page.context', { pageProduct: { ...DOSSIA_IOS, version: 'v4' } }, 1)).variantCandidate).toBeNull();
  });

  it('enregistrer un produit de même nom et version qu\'une famille sans n° la relie au lieu d\'en créer une autre', async () => {
    const { send } = setup();
    const created = await send<{ id: string }>('product.create', { product: { name: 'Dossia', version: '3.1', type: 'socle', responsable: '', description: '' }, author: 't' }, undefined, 'extension-page');
    const ctx = await send<Ctx>('page.context', { pageProduct: DOSSIA }, 1);
    expect(ctx.suggestedSource).toEqual({ productId: created.id, variantId: '' });
    expect(ctx.suggestedReason).toBe('meme-nom');
    expect(await send('page.link', { pageProduct: DOSSIA, author: 't' }, 1)).toEqual({ productId: created.id, variantId: '' });
    expect((await send<Ctx>('page.context', { pageProduct: DOSSIA }, 1)).products).toHaveLength(1);
  });

  it('plusieurs produits, aucune source utilisée : la plus récente, jamais aucune', async () => {
    const { send, tick } = setup();
    await send('page.link', { pageProduct: DOSSIA, author: 't' }, 1);
    tick();
    const b = await send<{ productId: string }>('page.link', { pageProduct: { name: 'Autre', version: '1', number: '5000' }, author: 't' }, 1);
    const ctx = await send<Ctx>('page.context', { pageProduct: null }, 9);
    expect(ctx.suggestedReason).toBe('recente');
    expect(ctx.suggestedSource).toEqual({ productId: b.productId, variantId: '' });
  });
});

describe('l\'arrière-plan fait autorité sur ce qu\'un script de contenu peut demander', () => {
  it('un script de contenu ne lit ni n\'écrit la bibliothèque : refus nommé, rien d\'écrit', async () => {
    const { send, attempt } = setup();
    const fam = await send<{ productId: string }>('page.link', { pageProduct: DOSSIA, author: 't' }, 1);
    const refused = [
      ['products.list', {}],
      ['answers.resolved', { productId: fam.productId, variantId: '' }],
      ['answers.edit', { productId: fam.productId, variantId: '', questionnaire: 'ethique', criterionId: 'ETH.1.1', comment: 'x', author: 't' }],
      ['page.capture', { pageProduct: DOSSIA, captured: { model: 'criteria', title: 'x', criteria: [], answers: [], empty: [] } }],
      ['page.link', { pageProduct: { name: 'Pirate', version: 'v1', number: '6666' }, author: 't' }],
      ['page.context', { pageProduct: DOSSIA }],
      ['page.evidence.list', { pageProduct: DOSSIA }],
      ['company.get', {}],
    ] as const;
    for (const [type, payload] of refused) {
      expect(await attempt(type, payload, 1, 'content'), type).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/pas autorisé depuis cet émetteur \(content\)/) });
    }
    expect((await send<Ctx>('page.context', { pageProduct: DOSSIA }, 1)).products).toHaveLength(1);
    // Ce qu'il peut demander : le produit retenu pour son onglet, rien d'autre de la bibliothèque.
    expect(await attempt('page.identity', { pageProduct: null }, 1, 'content')).toEqual({ ok: true, data: { from: 'precedente', product: DOSSIA } });
    expect(await attempt('page.identity', { pageProduct: null }, 2, 'content')).toEqual({ ok: true, data: { from: 'aucune', product: null } });
  });
});
