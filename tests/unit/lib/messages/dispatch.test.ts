import { describe, expect, it } from 'vitest';
import { dispatchTo } from '../../../../lib/messages/dispatch';
import { PROTOCOL, type Party } from '../../../../lib/messages/protocol';

const PARTIES: readonly Party[] = ['background', 'content', 'extension-page'];

// L'émetteur est donné par le transport, jamais deviné : chaque message n'est reçu que de ceux que sa ligne du
// protocole nomme, et un refus n'atteint jamais le gestionnaire (ni, donc, la base).
describe("réception : l'émetteur donné décide", () => {
  it("un message dont `from` n'inclut pas l'émetteur donné est refusé, sans appeler le gestionnaire", async () => {
    let refusals = 0;
    for (const [type, def] of Object.entries(PROTOCOL)) {
      const called: string[] = [];
      const handlers = { [type]: async () => (called.push(type), {}) };
      for (const from of PARTIES.filter((p) => !(def.from as readonly Party[]).includes(p))) {
        const reply = await dispatchTo(def.to, handlers, { type, payload: {} }, from);
        expect(reply, `${type} depuis ${from}`).toMatchObject({ ok: false, refused: true, error: expect.stringContaining(`(${from})`) });
        refusals++;
      }
      expect(called, type).toEqual([]);
    }
    expect(refusals).toBeGreaterThan(50);
  });

  it("page de l'extension contre script de contenu : chacun n'a que ses messages", async () => {
    const handlers = { 'products.list': async () => ({ products: [] }), 'page.statuses.get': async () => null };
    expect(await dispatchTo('background', handlers, { type: 'products.list', payload: {} }, 'extension-page')).toEqual({ ok: true, data: { products: [] } });
    expect(await dispatchTo('background', handlers, { type: 'products.list', payload: {} }, 'content')).toMatchObject({ ok: false, refused: true });
    expect(await dispatchTo('background', handlers, { type: 'page.statuses.get', payload: { productKey: 'P - 1 - 3100' } }, 'content')).toEqual({ ok: true, data: null });
    expect(await dispatchTo('background', handlers, { type: 'page.statuses.get', payload: { productKey: 'P - 1 - 3100' } }, 'extension-page')).toMatchObject({ ok: false, refused: true });
  });

  it("un message adressé à un autre destinataire n'est pas traité, et l'erreur nomme le destinataire", async () => {
    expect(await dispatchTo('background', {}, { type: 'panel.view', payload: {} }, 'extension-page')).toMatchObject({ ok: false, error: expect.stringContaining("n'est pas traité par l'arrière-plan") });
    expect(await dispatchTo('extension-page', {}, { type: 'products.list', payload: {} }, 'content')).toMatchObject({ ok: false, error: expect.stringContaining("n'est pas traité par cette page de l'extension") });
  });
});
