import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Repository } from '../../../../lib/db/repository';
import type { AnswerInput } from '../../../../lib/domain/schemas';
import { alignOnFamily, compareProduct, keepDifference } from '../../../../lib/library/compare';
import type { CompareMatrix } from '../../../../lib/library/compare';
import { KeepMarkSchema, keepKey } from '../../../../lib/db/sharing';
import { base64ToBytes } from '../../../../lib/text/base64';
import { createDispatcher, createHandlers, memorySettings } from '../../../../lib/messages/handlers';
import { PROV, freshRepo, level } from '../../support/db';

// La comparaison des variantes sur une vraie base Dexie (fake-indexeddb) : résolution par le Repository.

const META = { kind: 'saisie' as const, label: 'test', author: 'test' };
const IOS = 'v-ios';
const ANDROID = 'v-and';

async function save(repo: Repository, productId: string, variantId: string, inputs: AnswerInput[]) {
  await repo.saveAnswers(productId, variantId, inputs, PROV, META);
}

const interop = (criterionId: string, l: '0' | '1' | '2' | '3' | 'NA', comment = ''): AnswerInput => ({ questionnaire: 'interoperabilite', criterionId, value: level(l), comment });

/** Une famille, deux variantes : iOS a sa propre réponse à A08.5.23, Android une réponse identique à la famille. */
async function family() {
  const { repo, tick } = freshRepo();
  await repo.createProduct({ id: 'p1', name: 'Dossia', version: 'v3.1', type: 'socle', responsable: 'r', description: 'd' }, 't');
  await repo.createVariant({ id: IOS, productId: 'p1', os: 'ios', device: 'mobile' }, 't');
  await repo.createVariant({ id: ANDROID, productId: 'p1', os: 'android', device: 'mobile' }, 't');
  await repo.learnCriteria([{ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur de documents CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] }], PROV, 't');
  await save(repo, 'p1', '', [interop('A06.1.10', '2', 'Commun'), interop('A06.1.2', '1'), interop('A08.5.23', '3', 'Affichage des documents')]);
  await save(repo, 'p1', IOS, [interop('A08.5.23', '2', 'iOS : affichage partiel')]);
  // Même propos que la famille, à un saut de ligne près : pas un écart.
  await save(repo, 'p1', ANDROID, [interop('A06.1.2', '1'), interop('A06.1.10', '2', 'Commun\n')]);
  return { repo, tick };
}

const row = (m: CompareMatrix, id: string) => {
  const r = m.rows.find((x) => x.criterionId === id);
  if (!r) throw new Error(`ligne ${id} absente`);
  return r;
};
const col = (m: CompareMatrix, variantId: string) => m.columns.findIndex((c) => c.variantId === variantId);

describe('comparaison des variantes (cœur, Dexie)', () => {
  it('une colonne par famille et variante, une ligne par critère dans l’ordre naturel des identifiants, héritage dit', async () => {
    const { repo } = await family();
    const m = await compareProduct(repo, 'p1', 'interoperabilite');
    expect(m.columns.map((c) => [c.name, c.kind, c.referenceId ?? null])).toEqual([
      ['Dossia v3.1', 'famille', null],
      ['Dossia Android Mobile', 'variante', 'p1|'],
      ['Dossia iOS Mobile', 'variante', 'p1|'],
    ]);
    expect(m.rows.map((r) => r.criterionId)).toEqual(['A06.1.2', 'A06.1.10', 'A08.5.23']);

    const r = row(m, 'A08.5.23');
    expect(r.title).toBe('Consommateur de documents CDA');
    expect(r.differs).toBe(true);
    expect(r.toReview).toBe(true);
    const ios = r.entries[col(m, IOS)]!;
    expect(ios).toMatchObject({ differs: true, kept: false, canAlign: true, canKeep: true });
    expect(ios.cell).toMatchObject({ display: 'Niveau 2', comment: 'iOS : affichage partiel', origin: 'propre', evidenceCount: 0 });
    const android = r.entries[col(m, ANDROID)]!;
    expect(android).toMatchObject({ differs: false, canAlign: false, canKeep: false });
    expect(android.cell).toMatchObject({ display: 'Niveau 3', origin: 'famille' });
    expect(r.entries[0]!.cell?.origin).toBe('propre');

    // Réponse propre identique (espaces repliés) : rien à revoir, mais elle peut être retirée.
    expect(row(m, 'A06.1.10')).toMatchObject({ differs: false, toReview: false });
    expect(row(m, 'A06.1.2').entries[col(m, ANDROID)]).toMatchObject({ differs: false, canAlign: true });
    expect(m.counts).toEqual({ rows: 3, differs: 1, toReview: 1, kept: 0 });
  });

  it('le commentaire compte : même niveau, autre commentaire = écart', async () => {
    const { repo } = await family();
    await save(repo, 'p1', ANDROID, [interop('A06.1.10', '2', "Commun à l'application Android")]);
    const m = await compareProduct(repo, 'p1', 'interoperabilite');
    expect(row(m, 'A06.1.10').entries[col(m, ANDROID)]).toMatchObject({ differs: true });
  });

  it('« aligner sur la famille » retire la réponse de la variante (journalisé) ; l’annulation la rend', async () => {
    const { repo } = await family();
    const { undoToken } = await alignOnFamily(repo, { productId: 'p1', variantId: IOS, criterionKey: 'interoperabilite/A08.5.23', author: 'Camille' });
    expect(undoToken).not.toBeNull();
    let m = await compareProduct(repo, 'p1', 'interoperabilite');
    let ios = row(m, 'A08.5.23').entries[col(m, IOS)]!;
    expect(ios.cell).toMatchObject({ display: 'Niveau 3', origin: 'famille' });
    expect(ios).toMatchObject({ differs: false, canAlign: false });
    expect(row(m, 'A08.5.23').differs).toBe(false);
    expect((await repo.operations(1))[0]).toMatchObject({ label: 'Aligner A08.5.23 de « Dossia iOS Mobile » sur la famille', author: 'Camille' });

    await repo.undo('Camille', undoToken!);
    m = await compareProduct(repo, 'p1', 'interoperabilite');
    ios = row(m, 'A08.5.23').entries[col(m, IOS)]!;
    expect(ios.cell).toMatchObject({ display: 'Niveau 2', origin: 'propre' });
  });

  it('rien à aligner sans réponse propre, ni pour une variante d’un autre produit : erreur française nommant le champ, rien écrit', async () => {
    const { repo } = await family();
    const ops = (await repo.operations(100)).length;
    await expect(alignOnFamily(repo, { productId: 'p1', variantId: ANDROID, criterionKey: 'interoperabilite/A08.5.23', author: 't' })).rejects.toThrow(
      /^criterionKey : « Dossia Android Mobile » n'a pas de réponse propre pour A08\.5\.23/,
    );
    await expect(alignOnFamily(repo, { productId: 'p1', variantId: 'ailleurs', criterionKey: 'interoperabilite/A08.5.23', author: 't' })).rejects.toThrow(/^variantId : variante « ailleurs » introuvable/);
    expect((await repo.operations(100)).length).toBe(ops);
  });

  it('« garder pour cette variante » : marque durable (table sharing), l’écart n’est plus à revoir tant que rien ne change', async () => {
    const { repo } = await family();
    const req = { productId: 'p1', variantId: IOS, criterionKey: 'interoperabilite/A08.5.23', questionnaire: 'interoperabilite' as const };
    expect(await keepDifference(repo, { ...req, keep: true }, new Date('2025-04-01T00:00:00Z'))).toEqual({ kept: true });
    const stored = await repo.db.sharing.get(keepKey('p1', IOS, 'interoperabilite/A08.5.23'));
    expect(stored?.id).toBe('garder|p1|v-ios|interoperabilite/A08.5.23');
    expect(KeepMarkSchema.parse(stored?.value).at).toBe('2025-04-01T00:00:00.000Z');

    let m = await compareProduct(repo, 'p1', 'interoperabilite');
    expect(row(m, 'A08.5.23')).toMatchObject({ differs: true, toReview: false });
    expect(row(m, 'A08.5.23').entries[col(m, IOS)]).toMatchObject({ differs: true, kept: true });
    expect(m.counts).toMatchObject({ differs: 1, toReview: 0, kept: 1 });

    // La famille change : l'écart n'est plus celui qui a été examiné.
    await save(repo, 'p1', '', [interop('A08.5.23', '3', 'Affichage des documents, version 2')]);
    m = await compareProduct(repo, 'p1', 'interoperabilite');
    expect(row(m, 'A08.5.23')).toMatchObject({ toReview: true });
    expect(row(m, 'A08.5.23').entries[col(m, IOS)]!.kept).toBe(false);

    // Retirer la marque.
    await keepDifference(repo, { ...req, keep: true });
    expect(row(await compareProduct(repo, 'p1', 'interoperabilite'), 'A08.5.23').toReview).toBe(false);
    expect(await keepDifference(repo, { ...req, keep: false })).toEqual({ kept: false });
    expect(await repo.db.sharing.get(keepKey('p1', IOS, 'interoperabilite/A08.5.23'))).toBeUndefined();
    expect(row(await compareProduct(repo, 'p1', 'interoperabilite'), 'A08.5.23').toReview).toBe(true);
  });

  it('on ne garde pas un écart qui n’existe pas', async () => {
    const { repo } = await family();
    await expect(keepDifference(repo, { productId: 'p1', variantId: ANDROID, criterionKey: 'interoperabilite/A08.5.23', questionnaire: 'interoperabilite', keep: true })).rejects.toThrow(
      /^criterionKey : aucun écart à garder/,
    );
    expect(await repo.db.sharing.count()).toBe(0);
  });

  it('distributeur : la colonne du producteur est sa référence ; réponse reprise = héritée, réponse propre différente = écart', async () => {
    const { repo } = freshRepo();
    await repo.createProduct({ id: 'prod', name: 'Solution blanche', version: '1', type: 'socle', responsable: 'r', description: 'd', role: { kind: 'producteur' } }, 't');
    await repo.createProduct({ id: 'dist', name: 'Revendeur', version: '2', type: 'socle', responsable: 'r', description: 'd', role: { kind: 'distributeur', producerProductId: 'prod' } }, 't');
    await save(repo, 'prod', '', [
      { questionnaire: 'securite', criterionId: '09.04', value: level('2'), specificite: 'non', comment: 'Sauvegardes quotidiennes' },
      { questionnaire: 'securite', criterionId: '04.03', value: level('1'), specificite: 'non' },
    ]);
    await save(repo, 'dist', '', [{ questionnaire: 'securite', criterionId: '04.03', value: level('3') }]);
    const m = await compareProduct(repo, 'dist', 'securite');
    expect(m.columns.map((c) => [c.name, c.kind, c.referenceId ?? null])).toEqual([
      ['Solution blanche 1', 'producteur', null],
      ['Revendeur 2', 'famille', 'prod|'],
    ]);
    expect(row(m, '09.04').entries[1]).toMatchObject({ differs: false, canAlign: false, cell: expect.objectContaining({ origin: 'producteur', display: 'Niveau 2' }) });
    expect(row(m, '04.03').entries[1]).toMatchObject({ differs: true, canAlign: false, canKeep: true, cell: expect.objectContaining({ origin: 'propre' }) });
    await keepDifference(repo, { productId: 'dist', variantId: '', criterionKey: 'securite/04.03', questionnaire: 'securite', keep: true });
    expect(row(await compareProduct(repo, 'dist', 'securite'), '04.03').toReview).toBe(false);
  });
});

describe('messages compare.*', () => {
  async function setup() {
    const { repo } = await family();
    const dispatch = createDispatcher(createHandlers(repo, { now: () => new Date('2025-06-01T08:00:00Z'), settings: memorySettings() }));
    const send = async (type: string, payload: unknown) => (await dispatch({ type, payload }, 'extension-page')) as { ok: true; data: unknown } | { ok: false; error: string };
    return { repo, send };
  }

  it('compare.get et compare.questionnaires ; un questionnaire inconnu est refusé en nommant le champ', async () => {
    const { send } = await setup();
    const r = await send('compare.get', { productId: 'p1', questionnaire: 'interoperabilite' });
    expect(r.ok && (r.data as CompareMatrix).counts).toEqual({ rows: 3, differs: 1, toReview: 1, kept: 0 });
    expect(await send('compare.questionnaires', { productId: 'p1' })).toEqual({ ok: true, data: { questionnaires: ['interoperabilite'] } });
    const bad = await send('compare.get', { productId: 'p1', questionnaire: 'inconnu' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/questionnaire/);
    const missing = await send('compare.get', { productId: 'absent', questionnaire: 'interoperabilite' });
    expect(!missing.ok && missing.error).toBe('Produit introuvable (identifiant « absent »).');
  });

  it('compare.align rend un jeton d’annulation ; compare.keep ; refusés à un script de contenu', async () => {
    const { send, repo } = await setup();
    const aligned = await send('compare.align', { productId: 'p1', variantId: IOS, criterionKey: 'interoperabilite/A08.5.23', author: 'Camille' });
    expect(aligned.ok && typeof (aligned.data as { undoToken: string }).undoToken).toBe('string');
    expect(await repo.db.answers.get(`p1|${IOS}|interoperabilite/A08.5.23`)).toBeUndefined();
    const noAuthor = await send('compare.align', { productId: 'p1', variantId: IOS, criterionKey: 'interoperabilite/A08.5.23' });
    expect(!noAuthor.ok && noAuthor.error).toMatch(/author/);
    await send('compare.keep', { productId: 'p1', variantId: ANDROID, criterionKey: 'interoperabilite/A06.1.2', questionnaire: 'interoperabilite', keep: false });
    const dispatch = createDispatcher(createHandlers(repo));
    const fromContent = await dispatch({ type: 'compare.get', payload: { productId: 'p1', questionnaire: 'interoperabilite' } }, 'content');
    expect(fromContent.ok).toBe(false);
  });

  it('compare.xlsx rend un classeur lisible (base64)', async () => {
    const { send } = await setup();
    const r = await send('compare.xlsx', { productId: 'p1' });
    if (!r.ok) throw new Error(r.error);
    const { fileName, contentBase64 } = r.data as { fileName: string; contentBase64: string };
    expect(fileName).toBe('Dossia_comparaison_2025-06-01.xlsx');
    const wb = XLSX.read(base64ToBytes(contentBase64));
    // Seuls les questionnaires qui ont des réponses.
    expect(wb.SheetNames).toEqual(['Interopérabilité']);
  });
});
