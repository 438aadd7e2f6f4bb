import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../lib/domain/errors';
import { answerId } from '../../../../lib/domain/schemas';
import { CONFORME, freshRepo, level, PROV, seedProduct, snapshot } from '../../support/db';

const META = { kind: 'capture' as const, label: 'Capture Interopérabilité', author: 'alice' };
const A1 = { questionnaire: 'interoperabilite' as const, criterionId: 'A06.1.1' };
const A2 = { questionnaire: 'interoperabilite' as const, criterionId: 'A08.5.23' };

describe('Repository', () => {
  it('crée produits et variantes, et les liste', async () => {
    const { repo } = freshRepo();
    const p = await seedProduct(repo, 'p1');
    await repo.createVariant({ id: 'v-android', productId: 'p1', os: 'android', device: 'mobile' }, 'alice');
    const list = await repo.listProducts();
    expect(list).toHaveLength(1);
    expect(list[0]?.product.name).toBe(p.name);
    expect(list[0]?.variants.map((v) => v.id)).toEqual(['v-android']);
    await expect(repo.createVariant({ productId: 'nope', os: 'ios', device: 'mobile' }, 'a')).rejects.toThrow('Produit introuvable');
    await expect(repo.createProduct({ name: '', version: '1', type: 'socle', responsable: '', description: '' }, 'a')).rejects.toThrow(/Produit invalide : champ name/);
  });

  it('enregistre les réponses et compte nouvelles / modifiées / inchangées', async () => {
    const { repo, tick } = freshRepo();
    await seedProduct(repo, 'p1');
    const r1 = await repo.saveAnswers('p1', '', [{ ...A1, value: level('1') }, { ...A2, value: level('2') }], PROV, META);
    expect(r1.result).toEqual({ created: 2, changed: 0, unchanged: 0 });
    expect(r1.opId).toBeTruthy();
    tick();
    const r2 = await repo.saveAnswers('p1', '', [{ ...A1, value: level('3') }, { ...A2, value: level('2') }], PROV, META);
    expect(r2.result).toEqual({ created: 0, changed: 1, unchanged: 1 });
    tick();
    const r3 = await repo.saveAnswers('p1', '', [{ ...A1, value: level('3') }], PROV, META);
    expect(r3.result).toEqual({ created: 0, changed: 0, unchanged: 1 });
    expect(r3.opId).toBeNull();
  });

  it('garde l’historique de chaque réponse (qui, quoi, quand, valeur précédente)', async () => {
    const { repo, tick } = freshRepo();
    await seedProduct(repo, 'p1');
    await repo.saveAnswers('p1', '', [{ ...A1, value: level('1') }], PROV, META);
    tick(60_000);
    await repo.saveAnswers('p1', '', [{ ...A1, value: level('2'), comment: 'Revu' }], { ...PROV, kind: 'saisie', ref: 'saisie manuelle' }, { kind: 'saisie', label: 'Correction', author: 'bob' });
    const h = await repo.history(answerId('p1', '', 'interoperabilite/A06.1.1'));
    expect(h).toHaveLength(2);
    expect(h[0]).toMatchObject({ author: 'alice', kind: 'capture', before: null });
    expect(h[1]).toMatchObject({ author: 'bob', kind: 'saisie', operation: 'Correction' });
    expect(h[1]?.before?.value).toEqual(level('1'));
    expect(h[1]?.after?.value).toEqual(level('2'));
    expect(h[1]!.at > h[0]!.at).toBe(true);
  });

  it('annule la dernière opération, puis la précédente', async () => {
    const { repo, tick } = freshRepo();
    await seedProduct(repo, 'p1');
    await repo.saveAnswers('p1', '', [{ ...A1, value: level('1') }], PROV, META);
    tick();
    const second = await repo.saveAnswers('p1', '', [{ ...A1, value: level('3') }, { ...A2, value: level('2') }], PROV, { ...META, kind: 'import', label: 'Import' });
    const u = await repo.undo('alice');
    expect(u.result?.id).toBe(second.opId);
    let answers = await repo.answersOfProduct('p1');
    expect(answers).toHaveLength(1);
    expect(answers[0]?.value).toEqual(level('1'));
    await repo.undo('alice'); // la première capture
    answers = await repo.answersOfProduct('p1');
    expect(answers).toHaveLength(0);
    await repo.undo('alice'); // la création du produit
    expect(await repo.listProducts()).toHaveLength(0);
    await expect(repo.undo('alice')).rejects.toThrow('Aucune opération à annuler.');
    const ops = await repo.operations();
    expect(ops.filter((o) => o.kind === 'annulation')).toHaveLength(3);
  });

  it('refuse d’annuler avec un jeton périmé (une autre opération est passée entre-temps)', async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    const first = await repo.saveAnswers('p1', '', [{ ...A1, value: level('1') }], PROV, META);
    await repo.saveAnswers('p1', '', [{ ...A2, value: level('1') }], PROV, META);
    await expect(repo.undo('a', first.opId!)).rejects.toThrow(/Seule la dernière opération/);
  });

  it('une écriture qui échoue défait toute l’opération (tout ou rien)', async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    await repo.saveAnswers('p1', '', [{ ...A1, value: level('1') }], PROV, META);
    const before = await snapshot(repo);
    const bad = { questionnaire: 'interoperabilite' as const, criterionId: 'A09.1', value: { kind: 'niveau', level: '7' } as never };
    await expect(repo.saveAnswers('p1', '', [{ ...A1, value: level('3') }, { ...A2, value: level('2') }, bad], PROV, META)).rejects.toBeInstanceOf(UserError);
    expect(await snapshot(repo)).toBe(before);
    // Une erreur levée dans le rappel de l’opération la défait aussi.
    await expect(
      repo.runOperation(META, async (w) => {
        await w.put('answers', 'x', { id: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await snapshot(repo)).toBe(before);
  });

  it('index : réponses d’un produit ou d’une portée, produits répondant à un critère', async () => {
    const { repo } = freshRepo();
    for (const id of ['p1', 'p2', 'p3']) await seedProduct(repo, id);
    await repo.createVariant({ id: 'v1', productId: 'p1', os: 'ios', device: 'mobile' }, 'a');
    await repo.saveAnswers('p1', '', [{ ...A1, value: level('1') }, { ...A2, value: level('2') }], PROV, META);
    await repo.saveAnswers('p1', 'v1', [{ ...A1, value: level('3') }], PROV, META);
    await repo.saveAnswers('p3', '', [{ ...A1, value: level('2') }], PROV, META);
    expect(await repo.answersOfProduct('p1')).toHaveLength(3);
    expect(await repo.answersOfScope('p1', 'v1')).toHaveLength(1);
    expect(await repo.productsAnswering('interoperabilite/A06.1.1')).toEqual(['p1', 'p3']);
    expect(await repo.productsAnswering('interoperabilite/A08.5.23')).toEqual(['p1']);
    const resolved = await repo.resolvedAnswers('p1', 'v1');
    expect(resolved.map((r) => [r.criterionKey, r.source])).toEqual([
      ['interoperabilite/A06.1.1', 'variante'],
      ['interoperabilite/A08.5.23', 'famille'],
    ]);
    await expect(repo.saveAnswers('p2', 'v1', [{ ...A1, value: level('1') }], PROV, META)).rejects.toThrow(/Variante « v1 » introuvable/);
  });

  it('apprend les critères dans le catalogue', async () => {
    const { repo } = freshRepo();
    const r = await repo.learnCriteria([{ questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', obligation: 'obligation' }], PROV, 'a');
    expect(r.result).toEqual({ created: 1, changed: 0, unchanged: 0 });
    const again = await repo.learnCriteria([{ questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités' }], PROV, 'a');
    expect(again.result.unchanged).toBe(1);
    const c = await repo.listCriteria('ethique');
    expect(c[0]).toMatchObject({ key: 'ethique/ETH.1.1', kind: 'conformite', obligation: 'obligation' });
  });

  it('enregistre les fichiers de preuve en Blob avec leur empreinte SHA-256', async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    const f = await repo.addEvidenceFile({ productId: 'p1', name: 'cgu.pdf', type: 'application/pdf', blob: new Blob(['%PDF-1.4 test']), evidenceType: 'CGU' }, 'alice');
    expect(f.result.hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await repo.getEvidenceFile(f.result.id);
    expect(stored?.blob).toBeInstanceOf(Blob);
    expect(await stored!.blob.text()).toBe('%PDF-1.4 test');
    expect(await repo.listEvidenceFiles('p1')).toEqual([f.result]);
    await repo.saveAnswers('p1', '', [{ questionnaire: 'ethique', criterionId: 'ETH.1.1', value: CONFORME, evidence: [{ evidenceType: 'CGU', name: 'cgu.pdf', fileId: f.result.id, hash: f.result.hash }] }], PROV, META);
    expect((await repo.resolvedAnswers('p1'))[0]?.answer.evidence[0]?.hash).toBe(f.result.hash);
  });

  it('le profil de l’entreprise sert à tous les produits', async () => {
    const { repo } = freshRepo();
    await repo.putCompany({ id: 'c1', denomination: 'Santé Numérique SAS', siret: '12345678901234', extra: { 'N° RCS': 'Paris B 123' } }, 'alice');
    expect((await repo.getCompany())?.denomination).toBe('Santé Numérique SAS');
    await expect(repo.putCompany({ id: 'c1', denomination: 'X', siret: '12', extra: {} }, 'a')).rejects.toThrow(/SIRET/);
  });
});
