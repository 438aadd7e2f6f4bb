import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { aspectsText, holdText, tr } from '../../components/referential-strings';
import { launchExtension, type Harness } from './harness.mjs';
import { capture, demarche, fill, goto, panel, state, waitPanel } from './panel';

// Issue 11 § 3 sur l'extension construite et le simulateur : Convergence change le minimum et l'intitulé de
// U01.1 entre deux visites (référentiel 2). Le panneau le dit, « Remplir la page » refuse le niveau devenu
// inacceptable avec sa raison, et le gestionnaire montre l'ancien et le nouveau côte à côte.

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
});
afterAll(async () => {
  await h?.close();
});

const URBANISATION = '/demarches/mes/questionnaires/urbanisation';
const OLD_TITLE = 'Identification électronique des usagers (FranceConnect)';
const NEW_TITLE = 'Identification électronique des usagers par FranceConnect ou Pro Santé Connect';

/** Le bloc d'un critère, par son identifiant affiché (comme la garde le cherche). */
function criterion(page: Page, id: string): Locator {
  return page
    .locator('main article, main div[role="group"]')
    .filter({ has: page.locator('h3, span', { hasText: new RegExp(`^\\s*${id.replace(/\./g, '\\.')}(\\s|$)`) }) })
    .first();
}

const notice = (page: Page) => panel(page).locator('.ac-referential');

describe('critère modifié par Convergence entre deux visites', () => {
  it('panneau « modifié », remplissage refusé avec sa raison, ancien et nouveau dans le gestionnaire, « J\'ai revu »', async () => {
    // Visite 1 (référentiel 1 : U01.1 minimum niveau 2) : la personne choisit ses niveaux, puis « Enregistrer ».
    const page = await h.openSim(`/produits/3100${URBANISATION}`, { scenario: 'questionnaires' });
    await waitPanel(page);
    await criterion(page, 'U01.1').getByRole('radio', { name: /^Niveau 2\b/ }).check();
    await criterion(page, 'U01.2').getByRole('radio', { name: /^Maturité moyenne\b/ }).check();
    await expect.poll(async () => demarche(await state(page), 3100).questionnaires.urbanisation!.answers['U01.1']?.level).toBe('2');
    expect(await capture(page)).toMatch(/Produit v0\.1/);
    expect(await notice(page).count()).toBe(0);

    // Convergence passe au référentiel 2 ; visite 2 sur le produit 3101 (questionnaire vide).
    await page.evaluate(() => (window as unknown as { __convergenceSim: { setReferentiel(v: 1 | 2): void } }).__convergenceSim.setReferentiel(2));
    await goto(page, `/produits/3101${URBANISATION}`);
    expect(await criterion(page, 'U01.1').textContent()).toContain(NEW_TITLE);
    await expect.poll(async () => ((await notice(page).count()) ? await notice(page).textContent() : ''), { timeout: 15_000 }).toContain(tr('panelTitle', { count: 1 }));
    const said = (await notice(page).textContent()) ?? '';
    expect(said).toContain(tr('panelItem', { id: 'U01.1', aspects: aspectsText(['minimum', 'intitule']) }));
    expect(said).not.toContain('U01.2');

    // « Remplir la page » : U01.2 rempli, U01.1 refusé (« critère modifié ») avec sa raison, jamais écrit.
    const counts = await fill(page, /^Produit v0\.1/);
    expect(counts).toMatchObject({ filled: 1, missing: 1 });
    const row = panel(page).locator('.ac-report tr[data-status="refused"]');
    expect(await row.locator('th').textContent()).toContain('U01.1');
    expect(await row.locator('td').first().textContent()).toBe(`${tr('statusModified')} : ${holdText({ code: 'minimum', level: '2', acceptable: ['3'] })}`);
    const filled = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    expect(filled['U01.2']?.level).toBe('2');
    expect(filled['U01.1']?.level).toBeUndefined();

    // Retour sur 3100 dans le référentiel 2 : « Enregistrer » apprend le changement ; la réponse (niveau 2) reste à revoir.
    await goto(page, `/produits/3100${URBANISATION}`);
    await expect.poll(async () => ((await notice(page).count()) ? await notice(page).textContent() : ''), { timeout: 15_000 }).toContain(tr('panelTitle', { count: 1 }));
    await capture(page);
    await page.close();

    // Gestionnaire, onglet « Réponses » : l'ancien et le nouveau côte à côte, puis « J'ai revu ».
    const options = await h.openOptions();
    await options.getByRole('navigation', { name: 'Bibliothèques' }).getByRole('button', { name: /^Produit v0\.1/ }).click();
    const section = options.getByRole('region', { name: new RegExp(`^${tr('title')}`) });
    await section.waitFor({ timeout: 15_000 });
    const item = section.getByRole('article', { name: /U01\.1/ });
    const cells = async (aspect: string) => item.locator(`tr[data-aspect="${aspect}"] td`).allTextContents();
    expect(await cells('intitule')).toEqual([OLD_TITLE, NEW_TITLE]);
    expect(await cells('minimum')).toEqual(['2, 3', '3']);
    expect(await item.textContent()).toContain(holdText({ code: 'minimum', level: '2', acceptable: ['3'] }));
    await item.getByRole('button', { name: tr('reviewedLabel', { id: 'U01.1' }) }).click();
    await expect.poll(() => options.getByRole('status').first().textContent()).toContain(tr('reviewedDone', { id: 'U01.1' }));
    await expect.poll(() => section.count()).toBe(0);
    // La réponse n'est plus « à revoir » pour la résolution (celle que lisent les filtres du gestionnaire).
    const resolved = (await options.evaluate(async () => {
      const list = (await chrome.runtime.sendMessage({ type: 'products.list', payload: {} })) as { data: { products: { product: { id: string; name: string } }[] } };
      const id = list.data.products.find((e) => e.product.name === 'Produit')!.product.id;
      return chrome.runtime.sendMessage({ type: 'answers.resolved', payload: { productId: id, variantId: '' } });
    })) as { data: { answers: { criterionKey: string; reviewFlag: boolean }[] } };
    expect(resolved.data.answers.find((a) => a.criterionKey === 'urbanisation/U01.1')?.reviewFlag).toBe(false);
    await options.close();
  });
});
