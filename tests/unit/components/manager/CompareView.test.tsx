// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { forceLanguage } from '../../../../components/i18n';
import type { Repository } from '../../../../lib/db/repository';
import { PROV, freshRepo, level } from '../../support/db';
import { byLabel, byText, captureDownloads, cleanup, click, downloaded, mount, root, status, waitFor } from '../../support/manager';

// L'onglet « Comparer » du gestionnaire rendu dans jsdom, branché sur les vrais gestionnaires de messages et Dexie.

let repo: Repository;

beforeAll(() => forceLanguage('fr'));

beforeEach(async () => {
  ({ repo } = freshRepo());
  await repo.createProduct({ id: 'p1', name: 'Dossia', version: 'v3.1', type: 'socle', responsable: 'r', description: 'd' }, 't');
  await repo.createVariant({ id: 'v-ios', productId: 'p1', os: 'ios', device: 'mobile' }, 't');
  const meta = { kind: 'saisie' as const, label: 'seed', author: 't' };
  await repo.saveAnswers('p1', '', [
    { questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('3'), comment: 'Affichage des documents' },
    { questionnaire: 'interoperabilite', criterionId: 'A06.1.1', value: level('1') },
  ], PROV, meta);
  await repo.saveAnswers('p1', 'v-ios', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2'), comment: 'Partiel sur iOS' }], PROV, meta);
  await mount(repo, { author: 'Camille', now: () => new Date('2025-06-01T08:00:00Z') });
});

afterEach(cleanup);

/** Ligne du tableau de comparaison par l'identifiant de son en-tête de ligne. */
const rowOf = (id: string) => [...root.querySelectorAll<HTMLTableRowElement>('.mgr-compare-table tbody tr')].find((tr) => tr.querySelector('th[scope="row"]')?.textContent === id);

async function openCompare() {
  await click(await waitFor(() => byText('nav button', /^Dossia v3\.1/), 'famille dans la liste'));
  await click(await waitFor(() => byText('[role="tab"]', 'Comparer'), 'onglet Comparer'));
  return waitFor(() => root.querySelector<HTMLTableElement>('.mgr-compare-table'), 'tableau de comparaison');
}

describe('onglet « Comparer » (rendu)', () => {
  it('tableau accessible : légende, en-têtes de colonne et de ligne, écart écrit, héritage écrit', async () => {
    const table = await openCompare();
    expect(table.querySelector('caption')?.textContent).toBe('Comparaison : Interopérabilité');
    expect([...table.querySelectorAll('thead th[scope="col"]')].map((th) => th.childNodes[0]?.textContent)).toEqual(['ID', 'Critère', 'Dossia v3.1', 'Dossia iOS Mobile', 'Écart']);
    const diff = rowOf('A08.5.23')!;
    expect(diff.textContent).toContain('Écart à revoir');
    expect(diff.textContent).toContain('écart avec la famille');
    expect(diff.textContent).toContain('Partiel sur iOS');
    const same = rowOf('A06.1.1')!;
    expect(same.textContent).toContain('hérité de la famille');
    expect(same.textContent).toContain('Identique');
    expect(same.querySelector('button')).toBeNull();
    expect(root.querySelector('label[for="mgr-cmp-q"]')?.textContent).toBe('Questionnaire');
  });

  it('« Aligner sur la famille » retire la réponse de la variante : la cellule montre la valeur héritée, annoncé, focus sur la ligne', async () => {
    await openCompare();
    const button = await waitFor(() => byLabel('Aligner sur la famille : A08.5.23 de « Dossia iOS Mobile »'), 'bouton nommé');
    expect(button.textContent).toBe('Aligner sur la famille');
    await click(button);
    await waitFor(() => status().startsWith('A08.5.23 de « Dossia iOS Mobile » aligné sur la famille'), 'annonce');
    const cells = await waitFor(() => (rowOf('A08.5.23')?.textContent?.includes('Identique') ? rowOf('A08.5.23')!.querySelectorAll('td') : null), 'ligne relue');
    expect(cells[2]?.textContent).toContain('Niveau 3');
    expect(cells[2]?.textContent).toContain('hérité de la famille');
    expect(await repo.db.answers.get('p1|v-ios|interoperabilite/A08.5.23')).toBeUndefined();
    await waitFor(() => document.activeElement?.id === 'mgr-cmp-interoperabilite/A08.5.23', 'focus sur l’en-tête de ligne');
  });

  it('« Garder pour cette variante » : la ligne n’est plus à revoir ; « Ne plus garder » la rend à revoir', async () => {
    await openCompare();
    await click(await waitFor(() => byLabel('Garder pour cette variante : A08.5.23 de « Dossia iOS Mobile »')));
    await waitFor(() => rowOf('A08.5.23')?.textContent?.includes('Écart gardé'), 'écart gardé');
    expect(rowOf('A08.5.23')!.classList.contains('mgr-compare-ecart')).toBe(false);
    await waitFor(() => status() === 'Écart de A08.5.23 gardé pour « Dossia iOS Mobile » : il n\'est plus à revoir.', 'annonce');
    await click(byLabel('Ne plus garder : A08.5.23 de « Dossia iOS Mobile »'));
    await waitFor(() => rowOf('A08.5.23')?.textContent?.includes('Écart à revoir'), 'de nouveau à revoir');
  });

  it('« Exporter la comparaison (Excel) » télécharge un classeur lisible', async () => {
    await openCompare();
    captureDownloads();
    await click(byText('button', 'Exporter la comparaison (Excel)'));
    const d = await downloaded(0);
    expect(d.name).toBe('Dossia_comparaison_2025-06-01.xlsx');
    const wb = XLSX.read(d.bytes);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Interopérabilité']!, { header: 1, defval: '' });
    expect(rows.find((r) => r[0] === 'A08.5.23')).toEqual(['A08.5.23', '', 'Niveau 3', 'Affichage des documents', 'Niveau 2', 'Partiel sur iOS', 'Oui']);
    expect(rows.find((r) => r[0] === 'A06.1.1')?.[4]).toBe('Niveau 1 (hérité)');
    await waitFor(() => status() === 'Fichier « Dossia_comparaison_2025-06-01.xlsx » prêt au téléchargement.', 'annonce');
  });
});
