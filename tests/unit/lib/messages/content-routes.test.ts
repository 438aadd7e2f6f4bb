import { describe, expect, it } from 'vitest';
import { dispatchToContent } from '../../../../lib/messages/content-dispatch';
import { CONTENT_ROUTES } from '../../../../lib/messages/content-routes';
import { PROTOCOL } from '../../../../lib/messages/protocol';

// Le script de contenu n'embarque pas zod : sa table d'aiguillage doit rester exactement celle du protocole.
describe('réception dans le script de contenu (sans zod)', () => {
  it('la table légère a chaque message adressé au script de contenu, avec les mêmes émetteurs, et rien d\'autre', () => {
    const expected = Object.fromEntries(Object.entries(PROTOCOL).filter(([, d]) => d.to === 'content').map(([type, d]) => [type, [...d.from]]));
    expect(Object.fromEntries(Object.entries(CONTENT_ROUTES).map(([type, from]) => [type, [...from]]))).toEqual(expected);
  });

  it('type connu, adressé au script de contenu, émetteur permis : sinon refusé sans appeler le gestionnaire', async () => {
    const calls: unknown[] = [];
    const handlers = { 'panel.view': async (r: unknown) => (calls.push(r), { vue: true }), 'page.identify': async () => ({ ok: 1 }) };
    expect(await dispatchToContent(handlers, { type: 'panel.view', payload: {} }, 'extension-page')).toEqual({ ok: true, data: { vue: true } });
    expect(await dispatchToContent(handlers, { type: 'page.identify' }, 'background')).toEqual({ ok: true, data: { ok: 1 } });
    expect(await dispatchToContent(handlers, { type: 'panel.view', payload: {} }, 'content')).toMatchObject({ ok: false, refused: true });
    expect(await dispatchToContent(handlers, { type: 'panel.view', payload: {} }, 'background')).toMatchObject({ ok: false, refused: true });
    expect(await dispatchToContent(handlers, { type: 'products.list', payload: {} }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringMatching(/n'est pas traité par la page Convergence/) });
    expect(await dispatchToContent(handlers, { type: 'toString', payload: {} }, 'extension-page')).toMatchObject({ ok: false });
    expect(await dispatchToContent(handlers, { type: 'panel.view', payload: [1] }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringMatching(/invalide/) });
    expect(await dispatchToContent(handlers, 'panel.view', 'extension-page')).toEqual({ ok: false, error: 'Message mal formé.' });
    expect(await dispatchToContent(handlers, { type: 'panel.undo', payload: {} }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringMatching(/pas de gestionnaire/) });
    expect(calls).toEqual([{}]);
  });

  it('une erreur du gestionnaire revient en message, pas en exception', async () => {
    const handlers = { 'panel.zones': async () => { throw new Error('boum'); } };
    expect(await dispatchToContent(handlers, { type: 'panel.zones', payload: {} }, 'extension-page')).toEqual({ ok: false, error: 'Erreur interne : boum' });
  });
});

describe('ce que le script de contenu embarque', () => {
  it('ni zod, ni Dexie, ni SheetJS, ni la base, ni les gestionnaires de l\'arrière-plan, ni le protocole complet', async () => {
    const { build } = await import('esbuild');
    const r = await build({
      entryPoints: ['entrypoints/content/index.tsx'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'iife',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      loader: { '.css': 'empty' },
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(20);
    const forbidden = inputs.filter((f) => /node_modules\/(zod|dexie|xlsx|@e965)\/|^lib\/(db|exchange)\/|^lib\/messages\/(protocol(\/.*)?|handlers(-.*)?|handler-types|dispatch)\.ts$|^lib\/domain\/(schemas|zod-fr)\.ts$/.test(f));
    expect(forbidden).toEqual([]);
  });
});
