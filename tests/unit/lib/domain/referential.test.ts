import { describe, expect, it } from 'vitest';
import type { CriterionInput } from '../../../../lib/domain/schemas';
import { MAX_CHANGES, compareCriterion, fillHold, pendingChange, withReferentialChange } from '../../../../lib/domain/referential';
import { mergeCriterion } from '../../../../lib/domain/catalogue';
import { applyReferentialReview } from '../../../../lib/rules/referential-review';
import { parseLibraryJson } from '../../../../lib/exchange/json-format';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { crit, freshRepo } from '../../support/db';
import { urbanisation } from '../../support/referential';

// Issue 11 § 3 : un critère que Convergence change (minimum, intitulé, nature, niveaux, preuves) est noté dans le
// catalogue, rend « à revoir » les réponses données avant, et n'est pas rempli en silence.

const U = (more: Partial<CriterionInput> = {}): CriterionInput =>
  urbanisation({ options: ['Niveau 0 : Authentification locale.', 'Niveau 2 : FranceConnect en complément.', 'Niveau 3 : FranceConnect+.'], ...more });

describe('ce qui compte comme un changement (lib/domain/referential.ts)', () => {
  const before = crit(U());

  it('espaces, casse, accents et ponctuation de l\'intitulé ne comptent pas ; un autre libellé, si', () => {
    expect(compareCriterion(before, U({ title: '  identification  electronique des usagers — FranceConnect ' }))).toEqual([]);
    expect(compareCriterion(before, U({ title: 'Identification électronique des usagers par Pro Santé Connect' }))).toEqual(['intitule']);
  });

  it('minimum, nature, preuves attendues : chacun nommé ; ce que la page ne dit pas n\'est jamais un changement', () => {
    expect(compareCriterion(before, U({ acceptableLevels: ['3'] }))).toEqual(['minimum']);
    expect(compareCriterion(before, U({ obligation: 'option' }))).toEqual(['obligation']);
    expect(compareCriterion(before, { questionnaire: 'urbanisation', id: 'U01.1' })).toEqual([]);
    const ethique = crit({ questionnaire: 'ethique', id: 'ETH.1.1', title: 'Charte', expectedEvidence: ['Charte éthique'] });
    expect(compareCriterion(ethique, { questionnaire: 'ethique', id: 'ETH.1.1', expectedEvidence: ['charte ethique'] })).toEqual([]);
    expect(compareCriterion(ethique, { questionnaire: 'ethique', id: 'ETH.1.1', expectedEvidence: ['Charte éthique', 'Registre'] })).toEqual(['preuves']);
  });

  it('libellés des niveaux : un sens changé compte ; un bouton nommé « Niveau 2 » seul (autre balisage) ne dit rien', () => {
    expect(compareCriterion(before, U({ options: ['Niveau 2 — FranceConnect en complément', 'Niveau 3 — FranceConnect+'] }))).toEqual([]);
    expect(compareCriterion(before, U({ options: ['Niveau 0', 'Niveau 2', 'Niveau 3'] }))).toEqual([]);
    expect(compareCriterion(before, U({ options: ['Niveau 2 : Pro Santé Connect obligatoire.', 'Niveau 3 : FranceConnect+.'] }))).toEqual(['niveaux']);
  });

  it('des libellés sans texte (autre balisage) ne remplacent pas ceux qui disaient le sens des niveaux', () => {
    const src = { kind: 'page' as const, ref: 'b', at: '2025-04-01T00:00:00.000Z' };
    const input = U({ options: ['Niveau 0', 'Niveau 2', 'Niveau 3'] });
    expect(withReferentialChange(before, mergeCriterion(before, input, src), input, src).options).toEqual(before.options);
  });

  it('« à revoir » : une réponse déjà à revoir pour une autre raison la garde ; sinon raison « referentiel »', () => {
    const c = { changes: [{ at: '2025-04-01T00:00:00.000Z', source: { kind: 'page' as const, ref: 'x', at: '2025-04-01T00:00:00.000Z' }, aspects: ['intitule' as const], before: { title: 'a', acceptableLevels: [], expectedEvidence: [] }, after: { title: 'b', acceptableLevels: [], expectedEvidence: [] } }] };
    const changed = new Map([['urbanisation/U01.1', { ...before, ...c }]]);
    const r = (reviewFlag: boolean, reviewReason?: 'marque-blanche') => ({ criterionKey: 'urbanisation/U01.1', answer: { id: 'p||urbanisation/U01.1', updatedAt: '2025-03-01T00:00:00.000Z' } as never, reviewFlag, ...(reviewReason ? { reviewReason } : {}) });
    expect(applyReferentialReview([r(false)], changed)[0]).toMatchObject({ reviewFlag: true, reviewReason: 'referentiel' });
    expect(applyReferentialReview([r(true, 'marque-blanche')], changed)[0]).toMatchObject({ reviewFlag: true, reviewReason: 'marque-blanche' });
    expect(applyReferentialReview([r(false)], new Map())[0]).toMatchObject({ reviewFlag: false });
  });

  it('remplissage retenu : niveau enregistré devenu inacceptable, ou niveaux qui ont changé de sens ; sinon rien', () => {
    const after = { title: 'x', acceptableLevels: ['3' as const], expectedEvidence: [] };
    expect(fillHold(['minimum'], after, '2')).toEqual({ code: 'minimum', level: '2', acceptable: ['3'] });
    expect(fillHold(['minimum'], after, '3')).toBeNull();
    expect(fillHold(['intitule'], after, '2')).toBeNull();
    expect(fillHold(['niveaux'], after, '3')).toEqual({ code: 'niveaux', level: '3' });
  });
});

function setup() {
  const { repo, tick } = freshRepo();
  // L'horloge des messages suit celle de la base : « donnée avant le changement » se juge sur la même échelle.
  const handlers = createHandlers(repo, { now: () => repo['clock'](), settings: memorySettings(), tabs: memorySettings() });
  const dispatch = createDispatcher(handlers);
  const send = async <T = unknown>(type: string, payload: unknown): Promise<T> => {
    const r = await dispatch({ type, payload }, 'extension-page', { tabId: 1 });
    if (!r.ok) throw new Error(r.error);
    return r.data as T;
  };
  return { repo, tick, send };
}

const PAGE = { name: 'Produit', version: 'v0.1', number: '3100' };
const captured = (criteria: CriterionInput[], level: string) => ({
  model: 'criteria',
  title: "Questionnaire d'évaluation : Urbanisation",
  criteria,
  answers: [
    { questionnaire: 'urbanisation', criterionId: 'U01.1', value: { kind: 'niveau', level }, comment: 'FranceConnect en place.' },
    ...(criteria.some((c) => c.id === 'U01.2') ? [{ questionnaire: 'urbanisation', criterionId: 'U01.2', value: { kind: 'niveau', level: '1' } }] : []),
  ],
  empty: [],
});
type Item = { criterionId: string; aspects: string[]; before: { title: string; acceptableLevels: string[] }; after: { title: string; acceptableLevels: string[] }; at: string | null; hold: unknown; answer: { value: unknown } | null };
type Resolved = { answers: { criterionKey: string; reviewFlag: boolean; reviewReason?: string }[] };

describe('catalogue, « à revoir » et « J\'ai revu » (vraie base Dexie)', () => {
  it('learnCriteria note avant / après, date et source, borné ; une page identique ne note rien ; « Annuler » défait', async () => {
    const { repo, tick } = freshRepo();
    const source = (at: Date) => ({ kind: 'page' as const, ref: 'Urbanisation', at: at.toISOString() });
    await repo.learnCriteria([U()], source(new Date('2025-03-01T10:00:00Z')), 'test');
    await repo.learnCriteria([U({ title: ' identification électronique des usagers (FranceConnect)' })], source(new Date('2025-03-01T11:00:00Z')), 'test');
    expect((await repo.db.criteria.get('urbanisation/U01.1'))?.changes).toBeUndefined();

    tick();
    const r = await repo.learnCriteria([U({ acceptableLevels: ['3'], title: 'Identification par FranceConnect ou Pro Santé Connect' })], source(new Date('2025-04-02T09:00:00Z')), 'test');
    const c = await repo.db.criteria.get('urbanisation/U01.1');
    expect(c?.acceptableLevels).toEqual(['3']);
    expect(c?.seenAt).toBe('2025-04-02');
    expect(c?.changes).toEqual([
      expect.objectContaining({
        at: '2025-04-02T09:00:00.000Z',
        source: { kind: 'page', ref: 'Urbanisation', at: '2025-04-02T09:00:00.000Z' },
        aspects: ['minimum', 'intitule'],
        // La relecture sans changement qui compte a seulement remplacé la graphie de l'intitulé.
        before: expect.objectContaining({ title: 'identification électronique des usagers (FranceConnect)', acceptableLevels: ['2', '3'], obligation: 'obligation' }),
        after: expect.objectContaining({ title: 'Identification par FranceConnect ou Pro Santé Connect', acceptableLevels: ['3'] }),
      }),
    ]);
    // Journalisé comme le reste : l'annulation rend le critère d'avant, sans historique.
    await repo.undo('test', r.opId!);
    expect((await repo.db.criteria.get('urbanisation/U01.1'))?.changes).toBeUndefined();

    // Borné : les plus anciens changements sont oubliés.
    for (let i = 0; i < MAX_CHANGES + 3; i++) {
      tick();
      await repo.learnCriteria([U({ title: `Intitulé numéro ${i}` })], source(new Date(Date.UTC(2025, 4, 1 + i))), 'test');
    }
    const bounded = await repo.db.criteria.get('urbanisation/U01.1');
    expect(bounded?.changes).toHaveLength(MAX_CHANGES);
    expect(bounded?.changes?.at(-1)?.after.title).toBe(`Intitulé numéro ${MAX_CHANGES + 2}`);
  });

  it('réponse donnée avant le changement : à revoir (raison référentiel), ancien et nouveau côte à côte ; « J\'ai revu » l\'efface, « Annuler » la remet', async () => {
    const { send, tick } = setup();
    const first = await send<{ context: { current: { productId: string; variantId: string } } }>('page.capture', { pageProduct: PAGE, captured: captured([U()], '2') });
    const scope = first.context.current;
    expect((await send<Resolved>('answers.resolved', scope)).answers[0]).toMatchObject({ reviewFlag: false });
    // Aucun changement : rien à revoir.
    expect((await send<{ items: Item[] }>('referential.changes', scope)).items).toEqual([]);

    tick(60_000);
    // Seconde visite : Convergence a changé le minimum et l'intitulé ; la réponse relue est la même (niveau 2).
    const v2 = U({ acceptableLevels: ['3'], title: 'Identification par FranceConnect ou Pro Santé Connect' });
    await send('page.capture', { pageProduct: PAGE, captured: captured([v2], '2') });
    expect((await send<Resolved>('answers.resolved', scope)).answers[0]).toMatchObject({ criterionKey: 'urbanisation/U01.1', reviewFlag: true, reviewReason: 'referentiel' });
    const { items } = await send<{ items: Item[] }>('referential.changes', scope);
    expect(items).toEqual([
      expect.objectContaining({
        criterionId: 'U01.1',
        aspects: ['minimum', 'intitule'],
        before: expect.objectContaining({ title: 'Identification électronique des usagers (FranceConnect)', acceptableLevels: ['2', '3'] }),
        after: expect.objectContaining({ title: 'Identification par FranceConnect ou Pro Santé Connect', acceptableLevels: ['3'] }),
        answer: expect.objectContaining({ value: { kind: 'niveau', level: '2' } }),
        hold: { code: 'minimum', level: '2', acceptable: ['3'] },
      }),
    ]);
    // La préparation le dit aussi (avertissement « critère modifié »).
    const readiness = await send<{ findings: { code: string; criterionId?: string }[] }>('readiness.get', scope);
    expect(readiness.findings).toContainEqual(expect.objectContaining({ code: 'critere-modifie', criterionId: 'U01.1' }));

    tick();
    await send('referential.confirm', { ...scope, keys: ['urbanisation/U01.1'], author: 'Camille' });
    expect((await send<Resolved>('answers.resolved', scope)).answers[0]).toMatchObject({ reviewFlag: false });
    expect((await send<{ items: Item[] }>('referential.changes', scope)).items).toEqual([]);
    // Rien à confirmer : erreur française qui nomme le champ.
    await expect(send('referential.confirm', { ...scope, keys: ['urbanisation/U01.1'], author: 'Camille' })).rejects.toThrow(/keys/);

    // L'historique voyage avec la bibliothèque : l'export JSON le garde et se relit.
    const exported = await send<{ json: string }>('export.json', {});
    const lib = parseLibraryJson(exported.json, 'export.json');
    expect(lib.criteria.find((c) => c.id === 'U01.1')?.changes?.[0]).toMatchObject({ aspects: ['minimum', 'intitule'], reviewed: [expect.stringContaining('urbanisation/U01.1')] });

    await send('operations.undoLast', { author: 'Camille' });
    expect((await send<Resolved>('answers.resolved', scope)).answers[0]).toMatchObject({ reviewFlag: true, reviewReason: 'referentiel' });
  });

  it('une réponse changée après le changement n\'est pas à revoir', async () => {
    const { send, tick } = setup();
    const first = await send<{ context: { current: { productId: string; variantId: string } } }>('page.capture', { pageProduct: PAGE, captured: captured([U()], '2') });
    tick();
    await send('page.capture', { pageProduct: PAGE, captured: captured([U({ acceptableLevels: ['3'] })], '3') });
    expect((await send<Resolved>('answers.resolved', first.context.current)).answers[0]).toMatchObject({ reviewFlag: false });
  });

  it('« Remplir la page » : le niveau devenu inacceptable est retenu avec sa raison ; la page modifiée est signalée avant tout enregistrement', async () => {
    const { send, tick } = setup();
    const first = await send<{ context: { current: { productId: string; variantId: string } } }>('page.capture', { pageProduct: PAGE, captured: captured([U(), { questionnaire: 'urbanisation', id: 'U01.2', title: 'Habilitations', kind: 'niveau', acceptableLevels: [] }], '2') });
    const source = first.context.current;
    tick();
    const pageV2 = [U({ acceptableLevels: ['3'], title: 'Identification par FranceConnect ou Pro Santé Connect' })];

    // Le panneau : la page montre autre chose que le catalogue (pas encore enregistrée).
    const shown = await send<{ items: Item[] }>('referential.page', { criteria: pageV2, scope: source });
    expect(shown.items).toEqual([expect.objectContaining({ criterionId: 'U01.1', aspects: ['minimum', 'intitule'], at: null, hold: { code: 'minimum', level: '2', acceptable: ['3'] } })]);
    // Rien n'a été écrit par cette lecture.
    expect((await send<{ criteria: { id: string; acceptableLevels: string[] }[] }>('criteria.list', { questionnaire: 'urbanisation' })).criteria.find((c) => c.id === 'U01.1')?.acceptableLevels).toEqual(['2', '3']);

    type Fill = { answers: { criterionId: string }[]; held?: Item[] };
    const fill = await send<Fill>('page.fillSource', { source, criteria: pageV2 });
    expect(fill.answers.map((a) => a.criterionId)).not.toContain('U01.1');
    // U01.2 n'est plus sur la page : rien ne le retire de la bibliothèque (le remplissage le dira introuvable).
    expect(fill.answers.map((a) => a.criterionId)).toContain('U01.2');
    expect(fill.held).toEqual([expect.objectContaining({ criterionId: 'U01.1', hold: { code: 'minimum', level: '2', acceptable: ['3'] } })]);
    // Un minimum qui change sans exclure le niveau enregistré : rempli.
    const still = await send<Fill>('page.fillSource', { source, criteria: [U({ acceptableLevels: ['NA', '2', '3'] })] });
    expect(still.answers.map((a) => a.criterionId)).toContain('U01.1');
    expect(still.held).toEqual([]);
    // Sans critères de la page (ancien panneau) : comme avant.
    expect((await send<Fill>('page.fillSource', { source })).held).toBeUndefined();
  });

  it('aperçu d\'import d\'un tableur : un critère appris d\'une page (« vu le ») n\'est pas « modifié » ; un minimum changé l\'est, et l\'import le note', async () => {
    const { send, repo } = setup();
    const first = await send<{ context: { current: { productId: string; variantId: string } } }>('page.capture', { pageProduct: PAGE, captured: captured([U()], '2') });
    const target = first.context.current;
    const csv = (levels: string) => Buffer.from(`ID;Critère;Obligation;Niveaux acceptables;Réponse\nU01.1;Identification électronique des usagers (FranceConnect);Obligation;${levels};Niveau 2\n`).toString('base64');
    const same = await send<{ criteria: { created: number; changed: number } }>('import.preview', { fileName: 'Urbanisation.csv', contentBase64: csv('2, 3'), target });
    expect(same.criteria).toEqual({ created: 0, changed: 0 });
    const changed = await send<{ previewId: string; criteria: { created: number; changed: number } }>('import.preview', { fileName: 'Urbanisation.csv', contentBase64: csv('3'), target });
    expect(changed.criteria).toEqual({ created: 0, changed: 1 });
    await send('import.commit', { previewId: changed.previewId, author: 'Camille' });
    const c = await repo.db.criteria.get('urbanisation/U01.1');
    expect(c?.changes?.[0]).toMatchObject({ aspects: ['minimum'], source: { kind: 'import' } });
    // « Vu le » reste le jour de la page : un fichier n'est pas une visite.
    expect(c?.seenAt).toBe('2025-03-01');
  });

  it('pendingChange : une réponse revue ou plus récente que le changement n\'a rien en attente', () => {
    const change = { at: '2025-04-01T00:00:00.000Z', source: { kind: 'page' as const, ref: 'x', at: '2025-04-01T00:00:00.000Z' }, aspects: ['minimum' as const], before: { title: 'a', acceptableLevels: [], expectedEvidence: [] }, after: { title: 'a', acceptableLevels: [], expectedEvidence: [] } };
    expect(pendingChange({ changes: [change] }, { id: 'r', updatedAt: '2025-03-01T00:00:00.000Z' })).toBe(change);
    expect(pendingChange({ changes: [change] }, { id: 'r', updatedAt: '2025-05-01T00:00:00.000Z' })).toBeNull();
    expect(pendingChange({ changes: [{ ...change, reviewed: ['r'] }] }, { id: 'r', updatedAt: '2025-03-01T00:00:00.000Z' })).toBeNull();
  });
});
