import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { freshRepo } from '../../support/db';
import { seedAnswers } from '../../support/seed';

type Ok<T> = { ok: true; data: T };

function setup() {
  const { repo } = freshRepo();
  const dispatch = createDispatcher(createHandlers(repo, { now: () => new Date('2025-06-01T00:00:00Z'), settings: memorySettings() }));
  const must = async <T>(type: string, payload: unknown): Promise<T> => {
    const r = (await dispatch({ type, payload }, 'extension-page')) as Ok<T> | { ok: false; error: string };
    if (!r.ok) throw new Error(r.error);
    return r.data;
  };
  return { repo, must };
}

const PRODUCT = { name: 'Tiers', version: '1', type: 'socle', responsable: 'r', description: 'd', convergenceNumber: '5100' };
const ANSWER = { questionnaire: 'interoperabilite', criterionId: 'A06.1.1', value: { kind: 'niveau', level: '2' } };

describe('chaque produit désigne son profil d\'entreprise (pour le compte d\'un tiers)', () => {
  it('le paquet producteur et « Remplir la page » prennent le profil du produit ; sans choix, le profil par défaut comme avant', async () => {
    const { must, repo } = setup();
    await must('company.put', { company: { id: 'editeur', denomination: 'Éditeur SAS', extra: {} }, author: 't' });
    await must('company.put', { company: { id: 'tiers-1', denomination: 'Client Tiers SA', extra: {} }, author: 't' });
    const p = await must<{ id: string }>('product.create', { product: PRODUCT, author: 't' });
    await seedAnswers(repo, p.id, [ANSWER], { ref: 't', at: '2025-06-01T00:00:00.000Z' });
    const preview = () => must<{ companyName: string }>('package.share.preview', { productId: p.id, variantId: '', questionnaires: ['interoperabilite'] });
    const fill = () => must<{ company: { denomination: string } | null }>('page.fillSource', { source: { productId: p.id, variantId: '' } });

    expect((await preview()).companyName).toBe('Éditeur SAS');
    expect((await fill()).company?.denomination).toBe('Éditeur SAS');

    await must('product.update', { id: p.id, patch: { companyId: 'tiers-1' }, author: 't' });
    expect((await preview()).companyName).toBe('Client Tiers SA');
    expect((await fill()).company?.denomination).toBe('Client Tiers SA');

    // '' : retour au profil par défaut.
    await must('product.update', { id: p.id, patch: { companyId: '' }, author: 't' });
    expect((await preview()).companyName).toBe('Éditeur SAS');
  });

  it('« Enregistrer » sur la fiche administrative d\'un produit pour le compte d\'un tiers met à jour le profil de ce tiers, pas celui par défaut', async () => {
    const { must, repo } = setup();
    await must('company.put', { company: { id: 'entreprise', denomination: 'Éditeur SAS', extra: {} }, author: 't' });
    await must('company.put', { company: { id: 'tiers-1', denomination: 'Client Tiers SA', extra: {} }, author: 't' });
    const tiers = await must<{ id: string }>('product.create', { product: { ...PRODUCT, companyId: 'tiers-1' }, author: 't' });
    const fiche = (siret: string) => ({ model: 'form', form: 'fiche-administrative', title: 'Fiche administrative', criteria: [], answers: [], company: { siret, extra: {} }, empty: [] });
    await must('page.capture', { pageProduct: { name: 'Tiers', version: '1', number: '5100' }, captured: fiche('11111111111111') });
    expect((await repo.getCompany('tiers-1'))?.siret).toBe('11111111111111');
    expect((await repo.getCompany('entreprise'))?.siret).toBeUndefined();
    // Un produit sans profil choisi : le profil par défaut, comme avant.
    await must('product.update', { id: tiers.id, patch: { companyId: '' }, author: 't' });
    await must('page.capture', { pageProduct: { name: 'Tiers', version: '1', number: '5100' }, captured: fiche('22222222222222') });
    expect((await repo.getCompany('entreprise'))?.siret).toBe('22222222222222');
    expect((await repo.getCompany('tiers-1'))?.siret).toBe('11111111111111');
  });
});
