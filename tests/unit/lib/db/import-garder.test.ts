import { describe, expect, it } from 'vitest';
import { serializeLibrary } from '../../../../lib/exchange/json-format';
import { commitImport, exportLibrary, previewImport } from '../../../../lib/exchange/service';
import { freshRepo, level, PROV, seedProduct } from '../../support/db';

const enc = (s: string) => new TextEncoder().encode(s);

async function library() {
  const { repo, tick } = freshRepo();
  await seedProduct(repo, 'p1');
  await repo.createVariant({ id: 'v1', productId: 'p1', os: 'ios', device: 'mobile' }, 'a');
  await repo.putCompany({ id: 'c1', denomination: 'Santé SAS', extra: {} }, 'a');
  await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2') }], PROV, { kind: 'saisie', label: 's', author: 'a' });
  tick(60_000);
  const old = serializeLibrary(await exportLibrary(repo));
  tick(60_000);
  // Après l'export : la fiche produit est renommée et reliée à Convergence, la variante aussi, la fiche administrative change.
  await repo.updateProduct('p1', { name: 'Nouveau nom', convergenceNumber: '3100' }, 'a');
  await repo.updateVariant('v1', { convergenceNumber: '3101' }, 'a');
  await repo.putCompany({ id: 'c1', denomination: 'Santé Numérique SAS', extra: {} }, 'a');
  tick(60_000);
  return { repo, tick, old };
}

describe('réimport d\'un export plus ancien : « garder » garde ce qui est enregistré, fiches comprises', () => {
  it('« garder » : nom et n° Convergence du produit, n° de la variante et fiche administrative restent ceux de la base', async () => {
    const { repo, old } = await library();
    const preview = await previewImport(repo, { fileName: 'ancien.json', data: enc(old) });
    // Le produit du fichier est plus ancien : il n'est pas compté comme une modification.
    expect(preview.products).toEqual({ created: 0, changed: 0 });
    expect(preview.keptOnGarder).toMatchObject({ products: ['p1'], variants: ['v1'], companies: ['c1'] });
    await commitImport(repo, preview, { conflicts: 'garder', author: 'bob' });
    expect(await repo.getProduct('p1')).toMatchObject({ name: 'Nouveau nom', convergenceNumber: '3100' });
    expect((await repo.listVariants('p1'))[0]?.convergenceNumber).toBe('3101');
    expect((await repo.getCompany('c1'))?.denomination).toBe('Santé Numérique SAS');
  });

  it('« remplacer » : le fichier l\'emporte, comme pour les réponses en conflit', async () => {
    const { repo, old } = await library();
    const preview = await previewImport(repo, { fileName: 'ancien.json', data: enc(old) });
    await commitImport(repo, preview, { conflicts: 'remplacer', author: 'bob' });
    const p = await repo.getProduct('p1');
    expect(p?.name).toBe('Produit p1');
    expect(p?.convergenceNumber).toBeUndefined();
  });

  it('un fichier plus récent que la base modifie la fiche produit même avec « garder »', async () => {
    const { repo, tick } = await library();
    const { repo: other } = freshRepo(new Date('2031-01-01T00:00:00Z'));
    await commitImport(other, await previewImport(other, { fileName: 'a.json', data: enc(serializeLibrary(await exportLibrary(repo))) }), { conflicts: 'garder', author: 'x' });
    await other.updateProduct('p1', { name: 'Nom plus récent' }, 'x');
    tick();
    const newer = serializeLibrary(await exportLibrary(other));
    const preview = await previewImport(repo, { fileName: 'recent.json', data: enc(newer) });
    expect(preview.products).toEqual({ created: 0, changed: 1 });
    await commitImport(repo, preview, { conflicts: 'garder', author: 'bob' });
    expect(await repo.getProduct('p1')).toMatchObject({ name: 'Nom plus récent', convergenceNumber: '3100' });
  });
});
