import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { freshRepo } from '../../support/db';
import { seedAnswers, seedCriteria } from '../../support/seed';

type Ok<T> = { ok: true; data: T };
type JourneyData = {
  steps: { id: string; seen: { status: string; at: string; done: boolean } | null; readiness?: { answered: number; total: number; belowMinimum: number } }[];
  next: { code: string; questionnaire?: string; belowMinimum?: number };
  lastSeenAt: string | null;
};

function setup() {
  const { repo } = freshRepo();
  let now = new Date('2025-03-12T09:30:00.000Z');
  const handlers = createHandlers(repo, { now: () => now, settings: memorySettings() });
  const dispatch = createDispatcher(handlers);
  const send = async <T = unknown>(type: string, payload: unknown, from: 'content' | 'extension-page' = 'extension-page') => (await dispatch({ type, payload }, from)) as Ok<T> | { ok: false; error: string };
  const must = async <T>(type: string, payload: unknown, from: 'content' | 'extension-page' = 'extension-page'): Promise<T> => {
    const r = await send<T>(type, payload, from);
    if (!r.ok) throw new Error(r.error);
    return r.data;
  };
  return { repo, send, must, setNow: (d: string) => (now = new Date(d)) };
}

const LIST = [
  { questionnaire: 'orientation', label: "Questionnaire d'orientation", status: 'Terminé', termine: true, applicable: true },
  { questionnaire: 'securite', label: 'Maturité Sécurité', status: 'À compléter', termine: false, applicable: true, count: { done: 0, total: 22 } },
];

describe('messages du parcours (journey.get, journey.forPage) sur une vraie base Dexie', () => {
  it('les statuts lus sur la liste sont datés pour le produit relié à ce n°, avec la préparation de la bibliothèque', async () => {
    const { must, repo } = setup();
    const p = await must<{ id: string }>('product.create', { product: { name: 'Produit', version: 'v0.1', type: 'socle', responsable: '', description: '', convergenceNumber: '3100' }, author: 't' });
    const at = '2025-03-12T09:30:00.000Z';
    await seedCriteria(repo, [{ questionnaire: 'securite', id: '04.03', title: 'Identification', obligation: 'obligation', acceptableLevels: ['2', '3'] }], { at });
    await seedAnswers(repo, p.id, [{ questionnaire: 'securite', criterionId: '04.03', value: { kind: 'niveau', level: '1' } }], { ref: 't', at });
    await must('page.statuses.put', { productKey: 'Produit - v0.1 - 3100', statuses: LIST }, 'content');

    const j = await must<JourneyData>('journey.get', { productId: p.id, variantId: '' });
    const sec = j.steps.find((s) => s.id === 'securite')!;
    expect(sec.seen).toMatchObject({ status: 'À compléter', at: '2025-03-12T09:30:00.000Z', done: false });
    expect(sec.readiness).toMatchObject({ answered: 1, total: 1, belowMinimum: 1 });
    expect(j.steps.find((s) => s.id === 'fiche-administrative')!.seen).toBeNull();
    expect(j.next).toMatchObject({ code: 'completer', questionnaire: 'securite', belowMinimum: 1 });
  });

  it('produit affiché pas encore relié : vu sous son n°, rendu à la fenêtre de l\'icône, puis repris par le produit relié', async () => {
    const { must, setNow } = setup();
    await must('page.statuses.put', { productKey: 'Dossia - v3.1 - 4101', statuses: LIST }, 'content');
    const page = { name: 'Dossia', version: 'v3.1', number: '4101' };
    const before = await must<{ scope: unknown; journey: JourneyData }>('journey.forPage', { pageProduct: page });
    expect(before.scope).toBeNull();
    expect(before.journey.steps.find((s) => s.id === 'orientation')!.seen?.status).toBe('Terminé');
    expect(before.journey.next).toMatchObject({ code: 'completer', questionnaire: 'securite' });

    setNow('2025-03-13T08:00:00.000Z');
    const p = await must<{ id: string }>('product.create', { product: { name: 'Dossia', version: 'v3.1', type: 'socle', responsable: '', description: '', convergenceNumber: '4101' }, author: 't' });
    const after = await must<{ scope: { productId: string } | null; journey: JourneyData }>('journey.forPage', { pageProduct: page });
    expect(after.scope?.productId).toBe(p.id);
    expect(after.journey.steps.find((s) => s.id === 'securite')!.seen?.at).toBe('2025-03-12T09:30:00.000Z');
    // Une nouvelle lecture, maintenant reliée, est datée du jour et l'emporte.
    await must('page.statuses.put', { productKey: 'Dossia - v3.1 - 4101', statuses: [{ ...LIST[1], status: 'Terminé', termine: true }] }, 'content');
    const j = await must<JourneyData>('journey.get', { productId: p.id, variantId: '' });
    expect(j.steps.find((s) => s.id === 'securite')!.seen).toMatchObject({ status: 'Terminé', at: '2025-03-13T08:00:00.000Z' });
  });

  it('produit inconnu : erreur française ; un script de contenu ne peut pas lire le parcours', async () => {
    const { send } = setup();
    const r = await send('journey.get', { productId: 'absent', variantId: '' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/introuvable/i);
    const refused = await send('journey.forPage', { pageProduct: { name: 'X', version: '1', number: '1' } }, 'content');
    expect(refused.ok).toBe(false);
  });

  it('page.journey.seen : fil des étapes et dossiers lus sur la page, datés ; la prochaine étape en tient compte', async () => {
    const { must, setNow } = setup();
    const p = await must<{ id: string }>('product.create', { product: { name: 'Produit', version: 'v0.1', type: 'socle', responsable: '', description: '', convergenceNumber: '3100' }, author: 't' });
    await must('page.journey.seen', { productKey: 'Produit - v0.1 - 3100', steps: { fiche: { status: 'complétée', done: true }, convention: { status: 'en attente', done: false } } }, 'content');
    let j = await must<JourneyData>('journey.get', { productId: p.id, variantId: '' });
    expect(j.steps.find((s) => s.id === 'fiche-administrative')!.seen).toMatchObject({ status: 'complétée', done: true, at: '2025-03-12T09:30:00.000Z' });
    expect(j.next).toEqual({ code: 'convention-attente', status: 'en attente' });

    setNow('2025-03-20T08:00:00.000Z');
    await must('page.journey.seen', { productKey: 'Produit - v0.1 - 3100', steps: { convention: { status: 'complétée', done: true } } }, 'content');
    await must('page.statuses.put', { productKey: 'Produit - v0.1 - 3100', statuses: [{ ...LIST[0] }, { ...LIST[1], status: 'Terminé', termine: true }] }, 'content');
    await must('page.journey.seen', { productKey: 'Produit - v0.1 - 3100', steps: { dossier: { status: 'N83970202503200900', done: true } } }, 'content');
    j = await must<JourneyData>('journey.get', { productId: p.id, variantId: '' });
    // La fiche vue plus tôt garde sa date ; la convention a la nouvelle.
    expect(j.steps.find((s) => s.id === 'fiche-administrative')!.seen?.at).toBe('2025-03-12T09:30:00.000Z');
    expect(j.steps.find((s) => s.id === 'convention')!.seen).toMatchObject({ status: 'complétée', at: '2025-03-20T08:00:00.000Z' });
    expect(j.next).toEqual({ code: 'candidater' });
  });

  it('page.journey.seen vient du script de contenu seulement, et refuse un statut vide', async () => {
    const { send } = setup();
    expect((await send('page.journey.seen', { productKey: 'P - 1 - 1', steps: {} }, 'extension-page')).ok).toBe(false);
    const bad = await send('page.journey.seen', { productKey: 'P - 1 - 1', steps: { fiche: { status: '', done: true } } }, 'content');
    expect(bad.ok).toBe(false);
  });

  it('company.list rend tous les profils d\'entreprise, par dénomination', async () => {
    const { must } = setup();
    await must('company.put', { company: { id: 'b', denomination: 'Zeta Santé', extra: {} }, author: 't' });
    await must('company.put', { company: { id: 'a', denomination: 'Alpha Éditeur', extra: {} }, author: 't' });
    const { companies } = await must<{ companies: { id: string; denomination: string }[] }>('company.list', {});
    expect(companies.map((c) => c.denomination)).toEqual(['Alpha Éditeur', 'Zeta Santé']);
  });
});
