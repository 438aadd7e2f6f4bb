import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ResolvedAnswer } from '../../../../lib/domain/resolve';
import { writeCompareWorkbook } from '../../../../lib/library/compare-xlsx';
import { buildCompareMatrix, columnId } from '../../../../lib/library/compare';
import { keepKey } from '../../../../lib/db/sharing';
import { answer, crit, level } from '../../support/db';

// L'export Excel de la comparaison, relu avec SheetJS : colonnes, « (hérité) », « Écart », cellules neutralisées.

const resolved = (variantId: string, id: string, l: '1' | '2' | '3', comment: string, source: ResolvedAnswer['source']): ResolvedAnswer => ({
  criterionKey: `interoperabilite/${id}`,
  answer: answer('p1', source === 'variante' ? variantId : '', 'interoperabilite', id, level(l), { comment }),
  source,
  inheritedEvidenceTypes: [],
  reviewFlag: false,
});

function matrix(keptIos = false) {
  const family = { id: columnId('p1', ''), productId: 'p1', variantId: '', name: 'Dossia v3.1', kind: 'famille' as const };
  const ios = { id: columnId('p1', 'ios'), productId: 'p1', variantId: 'ios', name: 'Dossia iOS Mobile', kind: 'variante' as const, referenceId: family.id };
  const hostile = '=HYPERLINK("http://exemple.invalid","clic")';
  const m = buildCompareMatrix({
    productId: 'p1',
    questionnaire: 'interoperabilite',
    criteria: [crit({ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur CDA', obligation: 'obligation' })],
    stored: new Set(['p1|ios|interoperabilite/A08.5.23']),
    kept: new Map(),
    columns: [
      { ...family, resolved: [resolved('', 'A08.5.23', '3', 'Affichage', 'famille'), resolved('', 'A06.1.2', '1', hostile, 'famille')] },
      { ...ios, resolved: [resolved('ios', 'A08.5.23', '2', 'Partiel', 'variante'), resolved('ios', 'A06.1.2', '1', hostile, 'famille')] },
    ],
  });
  if (!keptIos) return m;
  // Même matrice, écart gardé (la marque porte les contenus comparés).
  const sig = (l: string, c: string) => JSON.stringify([{ kind: 'niveau', level: l }, c]);
  return buildCompareMatrix({
    productId: 'p1',
    questionnaire: 'interoperabilite',
    criteria: [],
    stored: new Set(),
    kept: new Map([[keepKey('p1', 'ios', 'interoperabilite/A08.5.23'), { at: '2025-01-01T00:00:00.000Z', own: sig('2', 'Partiel'), reference: sig('3', 'Affichage') }]]),
    columns: [
      { ...family, resolved: [resolved('', 'A08.5.23', '3', 'Affichage', 'famille')] },
      { ...ios, resolved: [resolved('ios', 'A08.5.23', '2', 'Partiel', 'variante')] },
    ],
  });
}

function readBack(bytes: Uint8Array) {
  const wb = XLSX.read(bytes);
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  return { wb, ws, rows: XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '' }) };
}

describe('export Excel de la comparaison', () => {
  it('une feuille par questionnaire ; ID, critère, réponse et commentaire par produit, « Écart » ; hérité marqué', () => {
    const { wb, rows } = readBack(writeCompareWorkbook([matrix()], 'Dossia v3.1'));
    expect(wb.SheetNames).toEqual(['Interopérabilité']);
    expect(rows[0]).toEqual(['Interopérabilité — Dossia v3.1', '', '', '', '', '', '']);
    expect(rows[2]).toEqual(['ID', 'Critère', 'Dossia v3.1 — réponse', 'Dossia v3.1 — commentaire', 'Dossia iOS Mobile — réponse', 'Dossia iOS Mobile — commentaire', 'Écart']);
    expect(rows[3]?.slice(0, 3)).toEqual(['A06.1.2', '', 'Niveau 1']);
    expect(rows[3]?.[4]).toBe('Niveau 1 (hérité)');
    expect(rows[3]?.[6]).toBe('');
    expect(rows[4]).toEqual(['A08.5.23', 'Consommateur CDA', 'Niveau 3', 'Affichage', 'Niveau 2', 'Partiel', 'Oui']);
  });

  it('un écart gardé est dit « Oui (gardé) »', () => {
    const { rows } = readBack(writeCompareWorkbook([matrix(true)], 'Dossia v3.1'));
    expect(rows[3]?.[6]).toBe('Oui (gardé)');
  });

  it('un commentaire qui ressemble à une formule reste du texte (apostrophe), jamais une formule', () => {
    const { ws, rows } = readBack(writeCompareWorkbook([matrix()], 'Dossia v3.1'));
    expect(rows[3]?.[3]).toBe(`'=HYPERLINK("http://exemple.invalid","clic")`);
    const cell = ws['D4'] as XLSX.CellObject;
    expect(cell.t).toBe('s');
    expect(cell.f).toBeUndefined();
  });

  it('sans rien à comparer, une feuille le dit', () => {
    const { wb, rows } = readBack(writeCompareWorkbook([], '=Produit'));
    expect(wb.SheetNames).toEqual(['Comparaison']);
    expect(rows[0]?.[0]).toBe('Aucune réponse à comparer — =Produit');
  });
});
