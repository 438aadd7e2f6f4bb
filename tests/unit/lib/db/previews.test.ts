import { describe, expect, it } from 'vitest';
import { MAX_PREVIEWS, Repository } from '../../../../lib/db/repository';
import { ConvergenceDB } from '../../../../lib/db/schema';
import { commitImport, exportLibrary, previewImport } from '../../../../lib/exchange/service';
import { serializeLibrary } from '../../../../lib/exchange/json-format';
import { level, PROV, seedProduct, T0 } from '../../support/db';

const enc = (s: string) => new TextEncoder().encode(s);

function sharedDb() {
  const name = `apercus-${process.pid}-${Math.random()}`;
  let now = T0.getTime();
  const clock = () => new Date(now);
  return { open: () => new Repository(new ConvergenceDB(name), clock), advance: (ms: number) => void (now += ms) };
}

describe("aperçus d'import en attente : dans IndexedDB, bornés, expirés après une heure", () => {
  it("survivent à l'arrêt du service d'arrière-plan (nouvelle instance sur la même base) et se valident ensuite", async () => {
    const { open } = sharedDb();
    const source = open();
    await seedProduct(source, 'p1');
    await source.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2') }], PROV, { kind: 'saisie', label: 's', author: 'a' });
    const text = serializeLibrary(await exportLibrary(source));

    const { open: openTarget } = sharedDb();
    const worker1 = openTarget();
    const preview = await previewImport(worker1, { fileName: 'bibliotheque.json', data: enc(text) });
    await worker1.savePreview(preview);
    worker1.db.close();

    // Le service d'arrière-plan a été arrêté : une nouvelle instance rouvre la même base.
    const worker2 = openTarget();
    const loaded = await worker2.loadPreview<typeof preview>(preview.id);
    expect(loaded).toEqual(preview);
    const r = await commitImport(worker2, loaded!, { conflicts: 'garder', author: 'bob' });
    expect(r.result.answers.created).toBe(1);
    await worker2.dropPreview(preview.id);
    expect(await worker2.loadPreview(preview.id)).toBeUndefined();
  });

  it('expirent après une heure, et seuls les plus récents sont gardés', async () => {
    const { open, advance } = sharedDb();
    const repo = open();
    const make = (id: string) => ({ id, fileName: `${id}.json`, source: 'json' as const, counts: { created: 0, changed: 0, unchanged: 0, conflict: 0 }, criteria: { created: 0, changed: 0 }, products: { created: 0, changed: 0 }, items: [], plan: [], changeBase: {} });
    await repo.savePreview(make('ancien'));
    advance(59 * 60 * 1000);
    expect(await repo.loadPreview('ancien')).toBeDefined();
    advance(2 * 60 * 1000);
    expect(await repo.loadPreview('ancien')).toBeUndefined();
    for (let i = 0; i < MAX_PREVIEWS + 2; i++) {
      advance(1000);
      await repo.savePreview(make(`a${i}`));
    }
    expect(await repo.db.previews.count()).toBe(MAX_PREVIEWS);
    expect(await repo.loadPreview('a0')).toBeUndefined();
    expect(await repo.loadPreview(`a${MAX_PREVIEWS + 1}`)).toBeDefined();
  });

  it("un aperçu gardé par une version précédente (statuts en français) est refusé : « garder » n'y verrait pas les conflits", async () => {
    const { open } = sharedDb();
    const repo = open();
    await seedProduct(repo, 'p1');
    const answer = { productId: 'p1', variantId: '', input: { questionnaire: 'interoperabilite' as const, criterionId: 'A08.5.23', value: level('2') }, provenance: PROV, expectedUpdatedAt: null };
    const old = { id: 'v-1', fileName: 'f.xlsx', source: 'tableur' as const, counts: {}, criteria: {}, products: {}, items: [], plan: [{ status: 'conflit', change: answer }], changeBase: {} };
    await repo.savePreview(old);
    const loaded = await repo.loadPreview<Parameters<typeof commitImport>[1]>('v-1');
    await expect(commitImport(repo, loaded!, { conflicts: 'garder', author: 'bob' })).rejects.toThrow('version précédente');
    expect(await repo.answersOfProduct('p1')).toEqual([]);
  });
});
