import { describe, expect, it } from 'vitest';
import { filterRows, isIsoDate, nextAnswer, planBulk, planSignature, type EditRow } from '../../../../lib/library/answer-edit';
import type { Criterion } from '../../../../lib/domain/schemas';
import { answer, crit, level, T0 } from '../../support/db';

// Le plan pur des modifications du gestionnaire : filtre, réponse d'une portée, modification en lot.

const CRITERIA = new Map<string, Criterion>(
  [
    crit({ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur de documents CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] }),
    crit({ questionnaire: 'interoperabilite', id: 'A06.1.1', title: 'Utilisation du CI-SIS', obligation: 'option', acceptableLevels: [] }),
    crit({ questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités du traitement', obligation: 'obligation', kind: 'conformite' }),
  ].map((c) => [c.key, c]),
);

const row = (a: ReturnType<typeof answer>, source: EditRow['source'] = 'famille', reviewFlag = false): EditRow => ({ criterionKey: a.criterionKey, answer: a, source, reviewFlag });

const ROWS: EditRow[] = [
  row(answer('p', '', 'interoperabilite', 'A08.5.23', level('1'), { comment: 'Affichage prévu en v3', validUntil: '2025-01-31' })),
  row(answer('p', '', 'interoperabilite', 'A06.1.1', level('2'), { comment: 'Voir la v3 du CI-SIS' })),
  row(answer('p', '', 'ethique', 'ETH.1.1', { kind: 'conformite', conformity: 'conforme' }, { comment: 'Finalités publiées', validUntil: '2026-12-31' }), 'famille', true),
];
const TODAY = '2025-06-01';
const keys = (rows: EditRow[]) => rows.map((r) => r.answer.criterionId);

describe('filtre des critères', () => {
  it('chaque filtre, seul puis combinés (ET)', () => {
    expect(keys(filterRows(ROWS, { questionnaire: 'ethique' }, CRITERIA, TODAY))).toEqual(['ETH.1.1']);
    expect(keys(filterRows(ROWS, { toReview: true }, CRITERIA, TODAY))).toEqual(['ETH.1.1']);
    // Niveau 1 hors de NA, 2, 3 sur un critère obligatoire ; 2 sur une option sans minimum ne l'est pas.
    expect(keys(filterRows(ROWS, { belowMinimum: true }, CRITERIA, TODAY))).toEqual(['A08.5.23']);
    expect(keys(filterRows(ROWS, { stale: true }, CRITERIA, TODAY))).toEqual(['A08.5.23']);
    expect(keys(filterRows(ROWS, { text: 'v3' }, CRITERIA, TODAY))).toEqual(['A08.5.23', 'A06.1.1']);
    // Sans accents ni casse, dans l'identifiant, l'intitulé ou le commentaire.
    expect(keys(filterRows(ROWS, { text: 'FINALITES' }, CRITERIA, TODAY))).toEqual(['ETH.1.1']);
    expect(keys(filterRows(ROWS, { text: 'a06.1' }, CRITERIA, TODAY))).toEqual(['A06.1.1']);
    expect(keys(filterRows(ROWS, { questionnaire: 'interoperabilite', text: 'ci-sis' }, CRITERIA, TODAY))).toEqual(['A06.1.1']);
    expect(keys(filterRows(ROWS, {}, CRITERIA, TODAY))).toHaveLength(3);
  });
});

describe('modification en lot', () => {
  it('date de revue : seules les réponses dont la date change ; héritée signalée', () => {
    const rows = [...ROWS, row(answer('p', '', 'urbanisation', 'U1', level('3'), { validUntil: '2027-01-31' }))];
    const plan = planBulk(rows, new Set(rows.map((r) => r.criterionKey)), { kind: 'validUntil', date: '2027-01-31' }, '');
    expect(plan.map((c) => [c.criterionId, c.before, c.after])).toEqual([
      ['A08.5.23', '2025-01-31', '2027-01-31'],
      ['A06.1.1', '', '2027-01-31'],
      ['ETH.1.1', '2026-12-31', '2027-01-31'],
    ]);
    const onVariant = planBulk(ROWS.slice(0, 1), new Set([ROWS[0]!.criterionKey]), { kind: 'validUntil', date: '2027-01-31' }, 'v1');
    expect(onVariant[0]?.inherited).toBe(true);
  });

  it('remplacement exact, sensible à la casse, toutes les occurrences ; seulement les critères choisis', () => {
    const a = row(answer('p', '', 'interoperabilite', 'X1', level('2'), { comment: 'v3 puis v3, pas V3' }));
    const plan = planBulk([...ROWS, a], new Set([ROWS[0]!.criterionKey, a.criterionKey]), { kind: 'replace', find: 'v3', replace: 'v4' }, '');
    expect(plan.map((c) => [c.criterionId, c.field, c.before, c.after])).toEqual([
      ['A08.5.23', 'comment', 'Affichage prévu en v3', 'Affichage prévu en v4'],
      ['X1', 'comment', 'v3 puis v3, pas V3', 'v4 puis v4, pas V3'],
    ]);
  });

  it('refuse une date impossible et un texte à chercher vide, en nommant le champ', () => {
    const all = new Set(ROWS.map((r) => r.criterionKey));
    expect(() => planBulk(ROWS, all, { kind: 'validUntil', date: '2025-02-30' }, '')).toThrow(/« Date de revue »/);
    expect(() => planBulk(ROWS, all, { kind: 'replace', find: '', replace: 'x' }, '')).toThrow(/« Texte à remplacer »/);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it("l'empreinte change avec le plan", () => {
    const all = new Set(ROWS.map((r) => r.criterionKey));
    const a = planBulk(ROWS, all, { kind: 'validUntil', date: '2027-01-31' }, '');
    const b = planBulk(ROWS, all, { kind: 'validUntil', date: '2027-02-01' }, '');
    expect(planSignature(a)).toBe(planSignature(planBulk(ROWS, all, { kind: 'validUntil', date: '2027-01-31' }, '')));
    expect(planSignature(a)).not.toBe(planSignature(b));
  });
});

describe("réponse d'une portée après modification", () => {
  const at = '2025-06-01T00:00:00.000Z';
  const prov = { kind: 'saisie' as const, ref: 'Gestionnaire', at };
  const base = { questionnaire: 'interoperabilite' as const, criterionId: 'A08.5.23', provenance: prov, author: 'Alice', at };
  const family = answer('p', '', 'interoperabilite', 'A08.5.23', level('2'), { comment: 'Famille', evidence: [{ evidenceType: 'Capture', name: 'cda.png' }], validUntil: '2026-01-31' });

  it("variante : la surcharge part de la réponse de la famille (preuves comprises) ; identique à l'héritée, rien n'est créé", () => {
    const inherited = row(family, 'famille');
    const next = nextAnswer({ ...base, scope: { productId: 'p', variantId: 'v1' }, own: undefined, inherited, patch: { value: level('3') } });
    expect(next).toMatchObject({ id: 'p|v1|interoperabilite/A08.5.23', variantId: 'v1', value: level('3'), comment: 'Famille', validUntil: '2026-01-31', evidence: family.evidence, createdAt: at });
    expect(nextAnswer({ ...base, scope: { productId: 'p', variantId: 'v1' }, own: undefined, inherited, patch: { value: level('2'), comment: 'Famille' } })).toBeNull();
  });

  it('distributeur : ni les preuves ni la spécificité du producteur ne sont reprises', () => {
    const producer = row(answer('prod', '', 'interoperabilite', 'A08.5.23', level('2'), { comment: 'Producteur', specificite: 'non' }), 'producteur');
    const next = nextAnswer({ ...base, scope: { productId: 'd', variantId: '' }, own: undefined, inherited: producer, patch: { comment: 'À nous' } });
    expect(next).toMatchObject({ productId: 'd', value: level('2'), comment: 'À nous', evidence: [] });
    expect(next?.specificite).toBeUndefined();
  });

  it('réponse propre : date retirée, création gardée, même contenu = rien', () => {
    const next = nextAnswer({ ...base, scope: { productId: 'p', variantId: '' }, own: family, inherited: undefined, patch: { validUntil: null } });
    expect(next?.validUntil).toBeUndefined();
    expect(next?.createdAt).toBe(T0.toISOString());
    expect(next?.updatedAt).toBe(at);
    expect(nextAnswer({ ...base, scope: { productId: 'p', variantId: '' }, own: family, inherited: undefined, patch: { comment: 'Famille' } })).toBeNull();
  });
});
