import { readFileSync } from 'node:fs';
import path from 'node:path';
import type AxeCore from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { launchExtension, ROOT, type Harness } from './harness.mjs';

// Onglet « Comparer » du gestionnaire, extension construite dans Chromium : une famille et sa variante iOS
// importées par l'interface (bibliothèque JSON), l'écart de la variante, « Aligner sur la famille », l'export Excel.

let h: Harness;
let page: Page;
const FILE = 'bibliotheque-dossia.json';
const VARIANT = 'Dossia iOS Mobile';
const AT = '2025-03-01T10:00:00.000Z';

/** Une bibliothèque au format d'échange (docs/formats.md) : famille, variante iOS avec sa propre réponse à A08.5.23. */
function library(): Buffer {
  const prov = { kind: 'import', ref: 'suivi.xlsx', at: AT };
  const answer = (variantId: string, id: string, level: string, comment: string) => ({
    id: `dossia|${variantId}|interoperabilite/${id}`,
    productId: 'dossia',
    variantId,
    criterionKey: `interoperabilite/${id}`,
    questionnaire: 'interoperabilite',
    criterionId: id,
    value: { kind: 'niveau', level },
    comment,
    evidence: [],
    provenance: prov,
    author: 'Camille',
    createdAt: AT,
    updatedAt: AT,
  });
  return Buffer.from(
    JSON.stringify({
      format: 'assistant-convergence',
      version: 1,
      scope: 'bibliotheque',
      exportedAt: AT,
      companies: [],
      products: [
        { id: 'dossia', name: 'Dossia', version: 'v3.1', type: 'socle', responsable: 'Camille Martin', description: 'Dossier patient', interests: [], role: { kind: 'nominal' }, excludedCriteria: [], createdAt: AT, updatedAt: AT },
      ],
      variants: [{ id: 'dossia-ios', productId: 'dossia', os: 'ios', device: 'mobile', createdAt: AT, updatedAt: AT }],
      criteria: [
        {
          key: 'interoperabilite/A08.5.23',
          questionnaire: 'interoperabilite',
          id: 'A08.5.23',
          title: 'Consommateur de documents CDA (illustratif)',
          kind: 'niveau',
          obligation: 'obligation',
          acceptableLevels: ['NA', '2', '3'],
          expectedEvidence: [],
          source: prov,
          updatedAt: AT,
        },
      ],
      answers: [
        answer('', 'A08.5.23', '3', 'Affichage des documents'),
        answer('', 'A06.1.1', '1', ''),
        answer('dossia-ios', 'A08.5.23', '2', 'Affichage partiel sur iOS'),
      ],
      files: [],
    }),
  );
}

async function bg<T>(type: string, payload: unknown): Promise<T> {
  const r = (await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as { ok: boolean; data: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

const status = () => page.getByRole('status');
const nav = () => page.getByRole('navigation', { name: 'Bibliothèques' });
const table = () => page.getByRole('table', { name: 'Comparaison : Interopérabilité' });
const row = (id: RegExp) => table().getByRole('row', { name: id });

beforeAll(async () => {
  h = await launchExtension();
  page = await h.openOptions();
});
afterAll(async () => {
  await h?.close();
});

describe('comparer la famille et ses variantes (gestionnaire)', () => {
  it('importe la bibliothèque par l’interface', async () => {
    await nav().getByRole('button', { name: 'Import, export et historique' }).click();
    await page.getByLabel('Fichier à importer').setInputFiles({ name: FILE, mimeType: 'application/json', buffer: library() });
    await page.getByRole('button', { name: "Prévisualiser l'import" }).click();
    await page.getByRole('heading', { name: `Aperçu de l'import de « ${FILE} »` }).waitFor();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => status().textContent()).toMatch(new RegExp(`^Import de « ${FILE} » terminé`));
    expect((await bg<{ answers: unknown[] }>('answers.resolved', { productId: 'dossia', variantId: 'dossia-ios' })).answers).toHaveLength(2);
  });

  it('la comparaison montre la réponse propre de la variante comme un écart, l’héritée comme héritée', async () => {
    await nav().getByRole('button', { name: /^Dossia v3\.1/ }).click();
    await page.getByRole('tab', { name: 'Comparer' }).click();
    await table().waitFor();
    const headers = await table().locator('thead th').allTextContents();
    expect(headers).toEqual(['ID', 'Critère', 'Dossia v3.1famille', `${VARIANT}variante`, 'Écart']);
    const diff = row(/A08\.5\.23/);
    const text = await diff.textContent();
    expect(text).toContain('Écart à revoir');
    expect(text).toContain('écart avec la famille');
    expect(await diff.locator('td').nth(2).textContent()).toContain('Niveau 2');
    expect(await diff.locator('td').nth(2).textContent()).toContain('Affichage partiel sur iOS');
    const same = row(/A06\.1\.1/);
    expect(await same.locator('td').nth(2).textContent()).toContain('hérité de la famille');
    expect(await same.textContent()).toContain('Identique');
    expect(await page.getByText('2 critère(s), 1 avec un écart, dont 1 à revoir et 0 gardé(s).').isVisible()).toBe(true);
  });

  it('axe-core : aucune violation grave ou critique dans la vue de comparaison (avec un écart et ses boutons)', async () => {
    // La CSP de la page de l'extension interdit un <script> injecté : la source passe par le débogueur (page.evaluate).
    await page.evaluate(readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const graves = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof AxeCore }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} : ${v.nodes.map((n) => n.html).join(' | ')}`);
    });
    expect(graves).toEqual([]);
  });

  it('« Aligner sur la famille » retire la réponse de la variante : la cellule montre la valeur héritée ; l’annulation la rend', async () => {
    await page.getByRole('button', { name: `Aligner sur la famille : A08.5.23 de « ${VARIANT} »` }).click();
    await expect.poll(() => status().textContent()).toMatch(new RegExp(`^A08\\.5\\.23 de « ${VARIANT} » aligné sur la famille`));
    await expect.poll(() => row(/A08\.5\.23/).textContent()).toContain('Identique');
    const cell = row(/A08\.5\.23/).locator('td').nth(2);
    expect(await cell.textContent()).toContain('Niveau 3');
    expect(await cell.textContent()).toContain('hérité de la famille');
    expect(await page.getByRole('button', { name: `Aligner sur la famille : A08.5.23 de « ${VARIANT} »` }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mgr-cmp-interoperabilite/A08.5.23');
    const resolved = await bg<{ answers: { criterionKey: string; source: string }[] }>('answers.resolved', { productId: 'dossia', variantId: 'dossia-ios' });
    expect(resolved.answers.find((a) => a.criterionKey === 'interoperabilite/A08.5.23')?.source).toBe('famille');

    await page.getByRole('button', { name: 'Annuler la dernière opération' }).click();
    await expect.poll(() => status().textContent()).toBe(`Opération annulée : Aligner A08.5.23 de « ${VARIANT} » sur la famille.`);
    await expect.poll(() => row(/A08\.5\.23/).textContent()).toContain('Écart à revoir');
  });

  it('« Exporter la comparaison (Excel) » télécharge un classeur qui se relit', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter la comparaison (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Dossia_comparaison_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = XLSX.read(readFileSync((await download.path())!));
    expect(wb.SheetNames).toEqual(['Interopérabilité']);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Interopérabilité']!, { header: 1, defval: '' });
    expect(rows[2]).toEqual(['ID', 'Critère', 'Dossia v3.1 — réponse', 'Dossia v3.1 — commentaire', `${VARIANT} — réponse`, `${VARIANT} — commentaire`, 'Écart']);
    expect(rows.find((r) => r[0] === 'A08.5.23')).toEqual(['A08.5.23', 'Consommateur de documents CDA (illustratif)', 'Niveau 3', 'Affichage des documents', 'Niveau 2', 'Affichage partiel sur iOS', 'Oui']);
    expect(rows.find((r) => r[0] === 'A06.1.1')?.[4]).toBe('Niveau 1 (hérité)');
    await expect.poll(() => status().textContent()).toBe(`Fichier « ${download.suggestedFilename()} » prêt au téléchargement.`);
  });
});
