import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_KIND_LABELS } from '../../lib/page/model/kinds';
import { ORIGIN, launchExtension, type Harness } from './harness.mjs';
import { panel, waitPanel } from './panel';
import { PAGE_TOUR } from './tour.mjs';
import { ETHIQUE } from '../simulator/src/data/index.ts';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/strings';


let h: Harness;
/** Erreurs de console de toutes les pages et du service d'arrière-plan (CSP, exceptions). */
const consoleErrors: string[] = [];

beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage); // les textes attendus, dans la langue de l'interface de Chromium
  h.context.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.location().url} : ${m.text()}`);
  });
  h.context.on('weberror', (e) => consoleErrors.push(`exception : ${e.error().message}`));
  h.serviceWorker.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`arrière-plan : ${m.text()}`);
  });
});

afterAll(async () => {
  await h?.close();
});

/** Le statut annoncé par le panneau de l'extension (page de l'extension dans un cadre, atteinte par le cadre). */
async function panelStatus(page: Page): Promise<string> {
  const status = (await waitPanel(page)).getByRole('status').first();
  await status.waitFor({ state: 'visible', timeout: 10_000 });
  return (await status.textContent()) ?? '';
}

describe("l'extension construite dans Chromium", () => {
  it('se charge : service d\'arrière-plan actif, manifeste minimal, interface en français si Chromium l\'est', async () => {
    console.log(`Langue de l'interface de Chromium : ${h.uiLanguage}`);
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await h.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions?.sort()).toEqual(['storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual([`${ORIGIN}/*`]);
  });

  describe('reconnaît chaque type de page du simulateur', () => {
    for (const stop of PAGE_TOUR) {
      it(`${stop.kind}${stop.style ? ` (balisage ${stop.style})` : ''} : ${stop.path}`, async () => {
        const page = await h.openSim(stop.path, { scenario: stop.scenario, style: stop.style ?? 'a' });
        await expect.poll(() => panelStatus(page), { timeout: 10_000 }).toBe(t('pageRecognised', { kind: PAGE_KIND_LABELS[stop.kind] }));
        await page.close();
      });
    }
  });

  it('suit une application monopage : le type change quand on navigue sans recharger', async () => {
    const page = await h.openSim('/produits/3100/demarches/mes/questionnaires', { scenario: 'questionnaires' });
    await expect.poll(() => panelStatus(page)).toBe(t('pageRecognised', { kind: PAGE_KIND_LABELS['liste-questionnaires'] }));
    await page.getByRole('link', { name: /Démarrer|Editer/ }).first().click();
    await expect.poll(() => panelStatus(page)).toBe(t('pageRecognised', { kind: PAGE_KIND_LABELS.orientation }));
    await page.close();
  });

  it('dit clairement quand une page n\'est pas reconnue', async () => {
    const page = await h.openSim('/adresse-inexistante', { scenario: 'vierge' });
    await expect.poll(() => panelStatus(page)).toBe(t('pageNotRecognised'));
    await expect(panel(page).locator('.ac-why').first().textContent()).resolves.toContain('« Page introuvable »');
    await page.close();
  });

  it('la fenêtre de l\'icône résume la page de l\'onglet, et mène au gestionnaire', async () => {
    const sim = await h.openSim('/produits/3100/demarches/mes/questionnaires/ethique', { scenario: 'questionnaires' });
    await expect.poll(() => panelStatus(sim)).toContain('Éthique');
    const popup = await h.openPopup(sim.url());
    await expect.poll(async () => (await popup.getByRole('status').textContent()) ?? '').toContain(t('pageRecognised', { kind: PAGE_KIND_LABELS.ethique }));
    // Le même résumé que le panneau : critères lus, obligatoires, à risque (ici tous, rien n'est répondu).
    const mandatory = ETHIQUE.criteria.filter((c) => c.nature === 'Obligation').length;
    await expect(popup.getByRole('status').textContent()).resolves.toContain(t('summaryCriteria', { read: ETHIQUE.criteria.length, mandatory, atRisk: mandatory }));
    await expect(popup.getByRole('status').textContent()).resolves.toContain('Produit - v0.1 - 3100');
    const [options] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.getByRole('button', { name: t('openLibrary') }).click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${h.extensionId}/options.html`);
    await expect(options.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('optionsTitle'));
    await Promise.all([popup.close(), sim.close(), options.close()]);
  });

  it('aucune erreur de console ni violation de CSP (eval), dans les pages, le script de contenu ou l\'arrière-plan', () => {
    expect(consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it("ne fait aucune requête réseau hors du simulateur (toute la session)", async () => {
    // Dernier test du fichier : couvre toutes les pages visitées ci-dessus.
    expect(h.requests.length).toBeGreaterThan(PAGE_TOUR.length);
    expect(h.offOrigin).toEqual([]);
  });
});
