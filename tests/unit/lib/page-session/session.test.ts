import { describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { saveCapture } from '../../../../lib/page-session/capture';
import { createPageSession } from '../../../../lib/page-session/session';
import { memoryStore } from '../../../../lib/db/key-value';
import { captureMessages } from '../../../../components/panel/actions';
import { forceLanguage } from '../../../../components/i18n';
import { freshRepo } from '../../support/db';
import { seedAnswers } from '../../support/seed';

// Un remplissage et un enregistrement : un seul message chacun à l'arrière-plan, qui décide (lib/page-session),
// sur une vraie base Dexie (fake-indexeddb), à travers la validation zod du protocole.

type Outcome = { code: string } & Record<string, unknown>;
type Captured = { outcome: Outcome; context: { current: { productId: string; variantId: string } | null; products: { product: { id: string; name: string; convergenceNumber?: string } }[]; suggestedReason: string } };
type FillSource = { answers: { criterionId: string; comment: string; variantId: string }[]; review: string[]; product: { id: string } | null; company: { denomination: string } | null; sourceName: string };

function setup() {
  const { repo, tick } = freshRepo();
  const handlers = createHandlers(repo, { now: () => new Date('2025-06-01T00:00:00Z'), settings: memorySettings(), tabs: memorySettings() });
  const dispatch = createDispatcher(handlers);
  const send = async <T = unknown>(type: string, payload: unknown, tabId = 1): Promise<T> => {
    const r = await dispatch({ type, payload }, 'extension-page', { tabId });
    if (!r.ok) throw new Error(r.error);
    return r.data as T;
  };
  return { repo, tick, send, dispatch };
}

const PAGE = { name: 'Produit', version: 'v0.1', number: '3100' };
const TITLE = "Questionnaire d'évaluation : Interopérabilité";
const level = (criterionId: string, l: string, comment?: string) => ({ questionnaire: 'interoperabilite', criterionId, value: { kind: 'niveau', level: l }, ...(comment ? { comment } : {}) });
const questionnaire = (answers: unknown[], more: Record<string, unknown> = {}) => ({
  model: 'criteria',
  title: TITLE,
  criteria: [{ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Structuration minimale', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] }],
  answers,
  empty: [],
  ...more,
});

describe('enregistrer : un message, l\'arrière-plan décide où', () => {
  it('produit affiché pas encore relié : bibliothèque créée et reliée, critères appris, réponses comptées, contexte à jour', async () => {
    const { send } = setup();
    const first = await send<Captured>('page.capture', { pageProduct: PAGE, captured: questionnaire([level('A08.5.23', '2', 'CDA'), level('A08.5.24', '1')], { empty: ['A08.5.25'] }) });
    expect(first.outcome).toEqual({ code: 'enregistre', library: 'Produit v0.1', read: 2, created: 2, changed: 0, unchanged: 0, empty: 1, inherited: 0 });
    // Le panneau n'a rien à redemander : la bibliothèque reliée est dans la réponse.
    expect(first.context.current).toEqual({ productId: first.context.products[0]!.product.id, variantId: '' });
    expect(first.context.products.map((e) => [e.product.name, e.product.convergenceNumber])).toEqual([['Produit', '3100']]);
    expect(first.context.suggestedReason).toBe('reliee');
    const catalogue = await send<{ criteria: { id: string; acceptableLevels: string[] }[] }>('criteria.list', { questionnaire: 'interoperabilite' });
    expect(catalogue.criteria).toEqual([expect.objectContaining({ id: 'A08.5.23', acceptableLevels: ['NA', '2', '3'] })]);
    // Provenance lisible : le titre de la page et le produit affiché.
    const resolved = await send<{ answers: { answer: { provenance: { ref: string } } }[] }>('answers.resolved', { productId: first.context.current!.productId, variantId: '' });
    expect(resolved.answers[0]?.answer.provenance.ref).toBe(`${TITLE} — Produit - v0.1 - 3100`);

    // Relu tel quel : rien de nouveau, et le compte rendu le dit.
    const again = await send<Captured>('page.capture', { pageProduct: PAGE, captured: questionnaire([level('A08.5.23', '2', 'CDA'), level('A08.5.24', '1')]) });
    expect(again.outcome).toMatchObject({ code: 'enregistre', read: 2, created: 0, changed: 0, unchanged: 2 });
    expect(again.context.products).toHaveLength(1);
  });

  it('produit affiché non lu ou nom de variante : rien d\'écrit, et pourquoi ; sans réponse lue, seulement le dire', async () => {
    const { send } = setup();
    const unread = await send<Captured>('page.capture', { pageProduct: null, captured: questionnaire([level('A08.5.23', '2')]) }, 5);
    expect(unread.outcome).toEqual({ code: 'sans-produit', answers: 1 });
    expect(unread.context.products).toEqual([]);
    expect((await send<Captured>('page.capture', { pageProduct: null, captured: questionnaire([], { empty: ['A', 'B'] }) }, 5)).outcome).toEqual({ code: 'tout-vide', empty: 2 });
    expect((await send<Captured>('page.capture', { pageProduct: null, captured: questionnaire([]) }, 5)).outcome).toEqual({ code: 'rien' });

    await send('page.capture', { pageProduct: { name: 'Dossia', version: 'v3.1', number: '4101' }, captured: questionnaire([level('A08.5.23', '2')]) });
    const variant = await send<Captured>('page.capture', { pageProduct: { name: 'Dossia iOS Mobile', version: 'v3.1', number: '4102' }, captured: questionnaire([level('A08.5.23', '3')]) });
    expect(variant.outcome).toEqual({ code: 'variante-d-abord', answers: 1 });
    expect(variant.context.products).toHaveLength(1);
  });

  it('page sans réponse : le produit est relié (catalogue appris) ; page illisible : dit comme tel', async () => {
    const { send } = setup();
    const linked = await send<Captured>('page.capture', { pageProduct: PAGE, captured: questionnaire([], { empty: ['A08.5.23'] }) });
    expect(linked.outcome).toEqual({ code: 'relie', library: 'Produit v0.1', empty: 1 });
    expect(linked.context.current).not.toBeNull();
    expect((await send<{ criteria: unknown[] }>('criteria.list', {})).criteria).toHaveLength(1);
    expect((await send<Captured>('page.capture', { pageProduct: PAGE, captured: { model: 'none', title: 'Accueil', criteria: [], answers: [], empty: [] } })).outcome).toEqual({ code: 'rien-lisible' });
  });

  it('variante d\'OS : une réponse identique à celle de la famille n\'est pas recopiée', async () => {
    const { send } = setup();
    const fam = await send<Captured>('page.capture', { pageProduct: PAGE, captured: questionnaire([level('A08.5.23', '2', 'CDA'), level('A08.5.24', '1')]) });
    const productId = fam.context.current!.productId;
    const v = await send<{ id: string }>('variant.create', { variant: { productId, os: 'android', device: 'mobile', convergenceNumber: '3101' }, author: 't' });
    const android = { name: 'Produit Android Mobile', version: 'v0.1', number: '3101' };
    const r = await send<Captured>('page.capture', { pageProduct: android, captured: questionnaire([level('A08.5.23', '2', 'CDA'), level('A08.5.24', '3')]) });
    expect(r.outcome).toMatchObject({ code: 'enregistre', library: 'Produit Android Mobile', read: 2, created: 1, inherited: 1 });
    expect(r.context.current).toEqual({ productId, variantId: v.id });
    const own = await send<FillSource>('page.fillSource', { source: { productId, variantId: v.id }, partial: true });
    expect(own.answers.map((a) => [a.criterionId, a.variantId])).toEqual(expect.arrayContaining([['A08.5.23', ''], ['A08.5.24', v.id]]));
  });

  it('fiche administrative fusionnée ; formulaire produit : même nom et version (sans égard à la casse) mis à jour, sinon créé, incomplet refusé', async () => {
    const { send } = setup();
    const company = await send<Captured>('page.capture', {
      pageProduct: null,
      captured: { model: 'form', form: 'fiche-administrative', title: 'Fiche administrative', criteria: [], answers: [], company: { denomination: 'Santé SAS', siret: '12345678901234', extra: { Capital: '10 000 €' } }, empty: [] },
    });
    expect(company.outcome).toEqual({ code: 'fiche-administrative', fields: 3 });
    await send('page.capture', { pageProduct: null, captured: { model: 'form', form: 'fiche-administrative', title: 'Fiche', criteria: [], answers: [], company: { rcs: 'Paris B 1', extra: {} }, empty: [] } });
    expect(await send('company.get', {})).toMatchObject({ denomination: 'Santé SAS', rcs: 'Paris B 1', extra: { Capital: '10 000 €' } });

    const form = (product: Record<string, unknown>) => ({ model: 'form', form: 'produit', title: 'Ajouter un nouveau produit', criteria: [], answers: [], product, empty: [] });
    expect((await send<Captured>('page.capture', { pageProduct: null, captured: form({ name: 'Nouveau', version: '1.0', responsable: 'Camille' }) })).outcome).toEqual({ code: 'produit-cree', library: 'Nouveau 1.0' });
    expect((await send<Captured>('page.capture', { pageProduct: null, captured: form({ name: 'nouveau', version: '1.0', description: 'Suivi' }) })).outcome).toEqual({ code: 'produit-modifie', library: 'nouveau 1.0' });
    expect((await send<Captured>('page.capture', { pageProduct: null, captured: form({ name: 'Sans version' }) })).outcome).toEqual({ code: 'produit-incomplet' });
    const list = await send<{ products: { product: { name: string; description: string; responsable: string } }[] }>('products.list', {});
    expect(list.products.map((e) => [e.product.name, e.product.responsable, e.product.description])).toEqual([['nouveau', 'Camille', 'Suivi']]);
  });

  it('sans navigateur : le module se pilote directement sur la base', async () => {
    const { repo } = freshRepo();
    const session = createPageSession(repo, { settings: memoryStore(), tabs: memoryStore() });
    const r = await saveCapture(repo, session, 3, { pageProduct: PAGE, captured: questionnaire([level('A08.5.23', '2')]) as never }, { author: 't', now: () => new Date('2025-06-01T00:00:00Z') });
    expect(r.outcome).toMatchObject({ code: 'enregistre', created: 1 });
    expect((await repo.listProducts()).map((e) => e.product.convergenceNumber)).toEqual(['3100']);
  });
});

describe('remplir : un message rend tout ce que le remplissage demande', () => {
  it('réponses, critères à revoir, fiche produit, fiche administrative, nom de la source ; la source est notée sauf remplacement partiel', async () => {
    const { send, tick } = setup();
    const fam = await send<Captured>('page.capture', { pageProduct: PAGE, captured: questionnaire([level('A08.5.23', '2', 'CDA')]) });
    const source = fam.context.current!;
    await send('company.put', { company: { id: 'entreprise', denomination: 'Santé SAS', extra: {} }, author: 't' });
    tick();
    const other = await send<{ id: string }>('product.create', { product: { name: 'Autre', version: '2', type: 'socle', responsable: '', description: '' }, author: 't' });

    // Un remplacement partiel (« Remplacer ») ne choisit pas la source : la plus récente reste proposée.
    const partial = await send<FillSource>('page.fillSource', { source, partial: true });
    expect(partial.answers.map((a) => a.comment)).toEqual(['CDA']);
    const elsewhere = { pageProduct: { name: 'Ailleurs', version: '9', number: '9999' } };
    expect(await send('page.context', elsewhere, 2)).toMatchObject({ suggestedSource: { productId: other.id, variantId: '' }, suggestedReason: 'recente' });

    const full = await send<FillSource>('page.fillSource', { source });
    expect(full).toMatchObject({ product: { id: source.productId }, company: { denomination: 'Santé SAS' }, sourceName: 'Produit v0.1', review: [] });
    expect(await send('page.context', elsewhere, 2)).toMatchObject({ suggestedSource: source, suggestedReason: 'derniere' });
  });

  it('distributeur : les critères susceptibles de différer en marque blanche sont marqués à revoir', async () => {
    const { send, repo } = setup();
    const producer = await send<{ id: string }>('product.create', { product: { name: 'Prod', version: '1', type: 'socle', responsable: '', description: '', role: { kind: 'producteur' } }, author: 't' });
    await seedAnswers(repo, producer.id, [{ questionnaire: 'ethique', criterionId: 'ETH.1.1', value: { kind: 'conformite', conformity: 'conforme' }, specificite: 'non' }], { ref: 't', at: '2025-06-01T00:00:00.000Z' });
    const dist = await send<{ id: string }>('product.create', { product: { name: 'Dist', version: '1', type: 'socle', responsable: '', description: '', role: { kind: 'distributeur', producerProductId: producer.id } }, author: 't' });
    const r = await send<FillSource>('page.fillSource', { source: { productId: dist.id, variantId: '' } });
    expect(r.review).toEqual(['ETH.1.1']);
    expect(r.sourceName).toBe('Dist 1');
  });

  it('une source qui n\'existe plus : erreur en français', async () => {
    const { dispatch } = setup();
    expect(await dispatch({ type: 'page.fillSource', payload: { source: { productId: 'disparu', variantId: '' } } }, 'extension-page', { tabId: 1 })).toMatchObject({ ok: false });
  });
});

describe('règles d\'émetteur', () => {
  it('un script de contenu ne peut ni enregistrer ni obtenir de quoi remplir', async () => {
    const { dispatch, repo } = setup();
    for (const [type, payload] of [
      ['page.capture', { pageProduct: PAGE, captured: questionnaire([level('A08.5.23', '2')]) }],
      ['page.fillSource', { source: { productId: 'x', variantId: '' } }],
    ] as const) {
      expect(await dispatch({ type, payload }, 'content', { tabId: 1 }), type).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/pas autorisé depuis cet émetteur \(content\)/) });
    }
    expect(await repo.listProducts()).toEqual([]);
  });

  it('une capture mal formée est refusée avant toute écriture', async () => {
    const { dispatch, repo } = setup();
    const bad = await dispatch({ type: 'page.capture', payload: { pageProduct: PAGE, captured: questionnaire([{ questionnaire: 'inconnu', criterionId: 'A' }]) } }, 'extension-page', { tabId: 1 });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^Message « page.capture » invalide/) });
    expect(await repo.listProducts()).toEqual([]);
  });
});

describe('compte rendu traduit par le panneau', () => {
  it('chaque code donne un message ; « relié » en donne deux, les réponses héritées un de plus', () => {
    forceLanguage('fr');
    try {
      expect(captureMessages({ code: 'sans-produit', answers: 3 })[0]).toMatch(/^Produit affiché non lu : 3 réponse/);
      expect(captureMessages({ code: 'variante-d-abord', answers: 2 })[0]).toMatch(/^2 réponse\(s\) lue\(s\), pas encore enregistrée/);
      expect(captureMessages({ code: 'relie', library: 'P v1', empty: 0 })).toEqual(['Aucune réponse à enregistrer sur cette page.', 'Ce produit est relié à la bibliothèque « P v1 ».']);
      expect(captureMessages({ code: 'enregistre', library: 'P v1', read: 2, created: 0, changed: 0, unchanged: 1, empty: 0, inherited: 1 })).toEqual([
        '2 réponse(s) lue(s), toutes identiques à la bibliothèque « P v1 » : rien de nouveau à enregistrer.',
        '1 réponse(s) identique(s) à celles héritées de la famille ou du producteur : non recopiée(s) dans la variante.',
      ]);
      expect(captureMessages({ code: 'fiche-administrative', fields: 4 })).toEqual(["Fiche administrative (profil de l'entreprise) enregistrée : 4 champ(s)."]);
    } finally {
      forceLanguage(undefined);
    }
  });
});
