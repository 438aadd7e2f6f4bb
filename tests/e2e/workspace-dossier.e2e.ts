import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { launchExtension, ROOT, type Harness } from './harness.mjs';
import { waitPanel } from './panel';

// Issue 11 § 4 : l'extension construite dans Chromium, sur le simulateur. La liste des questionnaires lue par le
// script de contenu arrive, datée, dans l'onglet « Dossier » du gestionnaire ; la fenêtre de l'icône dit la suite.

let h: Harness;
let options: Page;
type Journey = { steps: { id: string; seen: { status: string; at: string } | null }[]; next: { code: string } };

async function bg<T>(type: string, payload: unknown): Promise<T> {
  const r = (await options.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as { ok: boolean; data: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Violations graves ou critiques d'axe-core (WCAG 2.0/2.1 A et AA) sur la page : « règle (n éléments) ». */
async function seriousViolations(p: Page): Promise<string[]> {
  await p.evaluate(AXE_SOURCE);
  return p.evaluate(async () => {
    type Result = { violations: { id: string; impact?: string | null; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<Result> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
}

const ddmm = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit' });

beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
  options = await h.openOptions();
});
afterAll(async () => {
  await h?.close();
});

describe('le dossier d\'un coup d\'œil', () => {
  let productId = '';

  it('la liste des questionnaires vue sur Convergence est reprise, datée, dans l\'onglet « Dossier » du produit', async () => {
    // Le produit de la bibliothèque relié au n° 3100, créé dans le gestionnaire comme le ferait une personne.
    productId = (
      await bg<{ id: string }>('product.create', {
        product: { name: 'Produit', version: 'v0.1', type: 'socle', responsable: 'Camille', description: 'Démonstration', convergenceNumber: '3100' },
        author: 'e2e',
      })
    ).id;
    const before = await bg<Journey>('journey.get', { productId, variantId: '' });
    expect(before.steps.every((s) => s.seen === null)).toBe(true);

    // Scénario « pret » : tous les questionnaires applicables de 3100 sont « Terminé » sur la liste.
    const sim = await h.openSim('/produits/3100/demarches/mes/questionnaires', { scenario: 'pret' });
    await waitPanel(sim);
    await expect.poll(async () => (await bg<Journey>('journey.get', { productId, variantId: '' })).steps.find((s) => s.id === 'interoperabilite')?.seen?.status ?? '', { timeout: 15_000 }).toBe('Terminé');
    const journey = await bg<Journey>('journey.get', { productId, variantId: '' });
    const seenIds = journey.steps.filter((s) => s.seen).map((s) => s.id);
    expect(seenIds).toEqual(expect.arrayContaining(['orientation', 'interoperabilite', 'urbanisation', 'securite', 'ethique', 'rgpd']));
    // Le fil des étapes de la page dit la fiche et la convention ; jamais supposé : dossier et candidature pas encore vus.
    await expect.poll(async () => (await bg<Journey>('journey.get', { productId, variantId: '' })).steps.find((s) => s.id === 'convention')?.seen?.status ?? '').toBe('Complétée');
    for (const id of ['dossier', 'candidature']) expect(journey.steps.find((s) => s.id === id)?.seen).toBeNull();
    const at = journey.steps.find((s) => s.id === 'interoperabilite')!.seen!.at;

    await options.bringToFront();
    await options.reload();
    await options.getByRole('navigation', { name: 'Bibliothèques' }).getByRole('button', { name: /^Produit v0\.1/ }).click();
    await options.getByRole('tab', { name: 'Dossier' }).click();
    const table = options.getByRole('table', { name: 'Étapes de la démarche' });
    await table.waitFor();
    const row = (name: string | RegExp) => table.getByRole('row').filter({ has: options.getByRole('rowheader', { name }) });
    await expect.poll(() => row('Interopérabilité').getByRole('cell').first().textContent()).toBe(`Terminé, vu le ${ddmm(at)}`);
    expect(await row('Fiche administrative').getByRole('cell').first().textContent()).toBe(`Complétée, vu le ${ddmm(at)}`);
    expect(await row('Candidature').getByRole('cell').first().textContent()).toBe('pas encore vu');
    // Tout est terminé sur la liste : la prochaine étape est le dossier d'évaluation, mise en avant.
    expect(await options.locator('#mgr-prochaine-etape').textContent()).toBe("Prochaine étape : générer une référence de dossier d'évaluation");
    expect(await row(/^Dossier d'évaluation/).getAttribute('aria-current')).toBe('step');
    expect(await seriousViolations(options)).toEqual([]);
    await sim.close();
  });

  it('la fenêtre de l\'icône résume la prochaine étape du produit de l\'onglet', async () => {
    const sim = await h.openSim('/produits/3100/demarches/mes/questionnaires');
    await waitPanel(sim);
    const popup = await h.openPopup(sim.url());
    await expect.poll(async () => (await popup.getByRole('status').textContent()) ?? '').toContain("Prochaine étape : générer une référence de dossier d'évaluation");
    expect(await seriousViolations(popup)).toEqual([]);
    await Promise.all([popup.close(), sim.close()]);
  });

  it('la page des dossiers : un dossier généré sur Convergence est vu, la prochaine étape devient « candidater »', async () => {
    const sim = await h.openSim('/produits/3100/demarches/mes/dossiers');
    await waitPanel(sim);
    await expect.poll(async () => (await bg<Journey>('journey.get', { productId, variantId: '' })).steps.find((s) => s.id === 'dossier')?.seen?.status ?? '', { timeout: 15_000 }).toMatch(/^Aucun dossier d'évaluation/);
    // Un vrai clic d'une personne : la garde le laisse passer (tout est terminé), le simulateur génère la référence.
    await sim.getByRole('button', { name: "Générer une référence de dossier d'évaluation" }).click();
    const refCell = sim.getByRole('rowheader', { name: /^N\d+$/ });
    await refCell.waitFor();
    const ref = (await refCell.textContent())!.trim();
    await expect.poll(async () => (await bg<Journey>('journey.get', { productId, variantId: '' })).steps.find((s) => s.id === 'dossier')?.seen?.status ?? '', { timeout: 15_000 }).toBe(ref);
    const popup = await h.openPopup(sim.url());
    await expect.poll(async () => (await popup.getByRole('status').textContent()) ?? '').toContain("Prochaine étape : candidater avec votre dossier d'évaluation");
    await Promise.all([popup.close(), sim.close()]);
  });

  it('un produit affiché qui n\'est relié à rien : la liste vue est gardée sous son n°, et la fenêtre de l\'icône le dit', async () => {
    // 3101 dans « pret » : comme « questionnaires » (orientation terminée, questionnaires d'évaluation à compléter).
    const sim = await h.openSim('/produits/3101/demarches/mes/questionnaires', { scenario: 'pret' });
    await waitPanel(sim);
    const page = { name: 'Produit Android', version: 'v0.1', number: '3101' };
    await expect
      .poll(async () => (await bg<{ journey: Journey }>('journey.forPage', { pageProduct: page })).journey.steps.find((s) => s.id === 'orientation')?.seen?.status ?? '', { timeout: 15_000 })
      .toBe('Terminé');
    const popup = await h.openPopup(sim.url());
    await expect.poll(async () => (await popup.getByRole('status').textContent()) ?? '').toContain('Prochaine étape : compléter le questionnaire Interopérabilité');
    expect(await popup.getByRole('status').textContent()).toContain("n'est relié à aucune bibliothèque");
    await Promise.all([popup.close(), sim.close()]);
  });

  it('plusieurs profils d\'entreprise : un second profil pour le compte d\'un tiers, choisi par le produit, sert au remplissage', async () => {
    await options.bringToFront();
    const nav = options.getByRole('navigation', { name: 'Bibliothèques' });
    await nav.getByRole('button', { name: 'Fiche administrative' }).click();
    await options.getByLabel('Dénomination ou raison sociale').fill('Éditeur SAS');
    await options.getByRole('button', { name: 'Enregistrer la fiche administrative' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Fiche administrative enregistrée.');
    await options.getByRole('button', { name: "Nouveau profil d'entreprise" }).click();
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe("Nouveau profil d'entreprise");
    await options.getByLabel('Dénomination ou raison sociale').fill('Client Tiers SA');
    await options.getByRole('button', { name: 'Enregistrer la fiche administrative' }).click();
    await options.getByRole('button', { name: 'Modifier « Éditeur SAS »' }).waitFor();
    expect(await options.getByRole('rowheader', { name: 'Éditeur SAS (par défaut)' }).count()).toBe(1);
    expect(await seriousViolations(options)).toEqual([]);

    await nav.getByRole('button', { name: /^Produit v0\.1/ }).click();
    await options.getByRole('tab', { name: 'Produit' }).click();
    const select = options.getByLabel("Profil d'entreprise (fiche administrative)");
    expect(await select.locator('option:checked').textContent()).toBe('Profil par défaut (Éditeur SAS)');
    expect((await bg<{ company: { denomination: string } | null }>('page.fillSource', { source: { productId, variantId: '' }, partial: true })).company?.denomination).toBe('Éditeur SAS');
    await select.selectOption({ label: 'Client Tiers SA' });
    await options.getByRole('button', { name: 'Enregistrer le profil du produit' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe("Profil d'entreprise de « Produit » : Client Tiers SA.");
    expect(await seriousViolations(options)).toEqual([]);
    // « Remplir la page » propose désormais la fiche du tiers pour ce produit.
    expect((await bg<{ company: { denomination: string } | null }>('page.fillSource', { source: { productId, variantId: '' }, partial: true })).company?.denomination).toBe('Client Tiers SA');
  });
});
