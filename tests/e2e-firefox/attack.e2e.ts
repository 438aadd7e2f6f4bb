// Durcissement, dans Firefox : un script qui tourne dans la page Convergence (faille XSS, script tiers) ne peut ni
// lire ni piloter ce que l'extension met dans la page — le même script hostile que la suite Chromium
// (hostilePageScript). Les mêmes gestes faits par une personne marchent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/strings';
import { hostilePageScript } from '../e2e/panel';
import { clickPageButton, capture, demarche, fill, firefoxPanel, guardOpen, state, waitPanel } from './driver';
import { launchFirefox, ORIGIN, type FirefoxHarness } from './harness';

const SECRET_PRODUCT = 'Solution Confidentielle Zeta';
const SECRET_COMMENT = 'Commentaire secret 7f3a-91c2 : sauvegardes chiffrées hors site';

let h: FirefoxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  forceLanguage(h.uiLanguage);
});
afterAll(async () => {
  await h?.close();
});

/** Toute la bibliothèque, vue du gestionnaire (page de l'extension) : produits et journal. */
async function library(): Promise<string> {
  const options = await h.openOptions();
  const snapshot = await options.evaluate(async () => {
    const products = await chrome.runtime.sendMessage({ type: 'products.list', payload: {} });
    const operations = await chrome.runtime.sendMessage({ type: 'operations.list', payload: { limit: 200 } });
    return JSON.stringify({ products, operations });
  });
  await options.close();
  return snapshot;
}

describe('un script de la page contre le panneau et la garde (Firefox)', () => {
  it("n'obtient rien : aucun nom de produit, aucune réponse, rien d'écrit ni de relié ; la page n'est pas remplie", async () => {
    // La bibliothèque : un produit d'une autre entreprise avec un commentaire secret, et « Produit v0.1 ».
    const options = await h.openOptions();
    const created = await options.evaluate(
      async (name, comment) => {
        const p = (await chrome.runtime.sendMessage({ type: 'product.create', payload: { author: 'e2e', product: { name, version: '2', type: 'socle', responsable: '', description: '' } } })) as { data: { id: string } };
        return chrome.runtime.sendMessage({
          type: 'answers.edit',
          payload: { productId: p.data.id, variantId: '', questionnaire: 'urbanisation', criterionId: 'B01.1', comment, author: 'e2e' },
        });
      },
      SECRET_PRODUCT,
      SECRET_COMMENT,
    );
    expect(created).toMatchObject({ ok: true });
    await options.close();
    const page = await h.openSim('/produits/3100/demarches/mes/questionnaires/urbanisation', { scenario: 'pret' });
    expect(await capture(page)).toMatch(/« Produit v0\.1 »/);
    await page.goto(`${ORIGIN}/produits/3101/demarches/mes/questionnaires/urbanisation`);
    await waitPanel(page);
    // Le panneau, lui, connaît les produits (une personne les voit dans sa liste).
    await expect.poll(async () => (await firefoxPanel(page).sources()).join('|')).toContain(SECRET_PRODUCT);

    const before = await library();
    const pageBefore = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    const result = await page.evaluate(hostilePageScript);
    console.log(`[firefox] script hostile : ${result.elements} éléments parcourus, ${result.frames} cadre(s) visible(s) de la page, API d'extension visible : ${result.runtime}`);
    expect(result.elements).toBeGreaterThan(50);
    expect(result.runtime).toBe(false);
    // Rien de la bibliothèque n'est lisible depuis la page.
    expect(result.seen).not.toContain(SECRET_PRODUCT);
    expect(result.seen).not.toContain(SECRET_COMMENT);
    expect(result.seen).not.toContain('Produit v0.1');
    expect(result.seen).not.toContain(t('sourceLabel'));
    // Rien n'a été écrit ni relié, et la page n'a pas été remplie par l'extension.
    expect(await library()).toBe(before);
    const pageAfter = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    expect(Object.values(pageAfter).filter((a) => a.comment).length).toBe(Object.values(pageBefore).filter((a) => a.comment).length);
    expect(JSON.stringify(pageAfter)).not.toContain(SECRET_COMMENT);
    // La fenêtre de la garde ne s'est pas ouverte sur des clics simulés.
    expect(await guardOpen(page)).toBe(false);

    // Les mêmes actions, faites par une personne (vrais clics dans le cadre du panneau), marchent. (Les clics
    // simulés sur les liens ont pu faire naviguer la page : on revient au questionnaire.)
    await page.goto(`${ORIGIN}/produits/3101/demarches/mes/questionnaires/urbanisation`);
    const counts = await fill(page, 'Produit v0.1');
    expect(counts.filled).toBeGreaterThan(0);
    const filled = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    const want = demarche(await state(page), 3100).questionnaires.urbanisation!.validated!.answers;
    for (const [id, a] of Object.entries(want)) expect(filled[id]?.comment, id).toBe(a.comment);
    await page.close();
  });

  it("un clic simulé sur « Valider » passe à la page sans ouvrir la garde ; le clic d'une personne l'ouvre", async () => {
    // Balisage b : « Valider » est un bouton d'envoi de formulaire (un clic simulé produit un « submit » marqué de confiance).
    const page = await h.openSim('/produits/3101/demarches/mes/questionnaires/urbanisation', { scenario: 'questionnaires', style: 'b' });
    await waitPanel(page);
    await page.evaluate(() => {
      const button = Array.from(document.querySelectorAll<HTMLElement>('button, input[type="submit"], [role="button"]')).find(
        (b) => ((b as HTMLInputElement).value || b.textContent || '').trim() === 'Valider',
      );
      if (!button) throw new Error('bouton « Valider » introuvable');
      button.click();
    });
    // La page a reçu le clic (elle refuse elle-même un questionnaire incomplet) ; la garde n'a rien montré.
    await expect.poll(async () => (await state(page)).lastRefusal !== null).toBe(true);
    expect(await guardOpen(page)).toBe(false);
    await clickPageButton(page, 'Valider');
    await expect.poll(() => guardOpen(page)).toBe(true);
    await page.close();
  });

  it('aucune requête des pages hors du simulateur', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
