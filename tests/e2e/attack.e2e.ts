import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/strings';
import { launchExtension, type Harness } from './harness.mjs';
import { capture, demarche, fill, guardDialog, hostilePageScript, state, waitPanel, type HostileResult } from './panel';

// Issue « durcissement » : un script qui tourne dans la page Convergence (faille XSS, script tiers) ne peut ni
// lire ni piloter ce que l'extension met dans la page. Les mêmes gestes faits par une personne marchent.

const SECRET_PRODUCT = 'Solution Confidentielle Zeta';
const SECRET_COMMENT = 'Commentaire secret 7f3a-91c2 : sauvegardes chiffrées hors site';

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
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

/** Le script hostile (partagé avec la suite Firefox : tests/e2e/panel.ts), exécuté dans le monde de la page. */
async function attack(page: Page): Promise<HostileResult> {
  return page.evaluate(hostilePageScript);
}

describe('un script de la page contre le panneau et la garde', () => {
  it('n\'obtient rien : aucun nom de produit, aucune réponse, rien d\'écrit ni de relié ; la page n\'est pas remplie', async () => {
    // La bibliothèque : un produit d'une autre entreprise avec un commentaire secret, et « Produit v0.1 ».
    const options = await h.openOptions();
    const created = await options.evaluate(
      async ([name, comment]) => {
        const p = (await chrome.runtime.sendMessage({ type: 'product.create', payload: { author: 'e2e', product: { name, version: '2', type: 'socle', responsable: '', description: '' } } })) as { data: { id: string } };
        return chrome.runtime.sendMessage({
          type: 'answers.edit',
          payload: { productId: p.data.id, variantId: '', questionnaire: 'urbanisation', criterionId: 'B01.1', comment, author: 'e2e' },
        });
      },
      [SECRET_PRODUCT, SECRET_COMMENT] as const,
    );
    expect(created).toMatchObject({ ok: true });
    await options.close();
    const page = await h.openSim('/produits/3100/demarches/mes/questionnaires/urbanisation', { scenario: 'pret' });
    expect(await capture(page)).toMatch(/« Produit v0\.1 »/);
    await page.goto('https://convergence.esante.gouv.fr/produits/3101/demarches/mes/questionnaires/urbanisation');
    const ui = await waitPanel(page);
    // Le panneau, lui, connaît les produits (une personne les voit dans sa liste).
    await expect.poll(async () => (await ui.getByLabel(t('sourceLabel')).locator('option').allTextContents()).join('|')).toContain(SECRET_PRODUCT);

    const before = await library();
    const pageBefore = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    const result = await attack(page);
    // Le cadre du panneau, dans une racine fantôme fermée, n'est même pas dans window.frames de la page.
    console.log(`[e2e] script hostile : ${result.elements} éléments parcourus, ${result.frames} cadre(s) visible(s) de la page, API d'extension visible : ${result.runtime}`);
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
    expect(await guardDialog(page).count()).toBe(0);

    // Les mêmes actions, faites par une personne (vrais clics dans le cadre du panneau), marchent. (Les clics
    // simulés sur les liens ont pu faire naviguer la page : on revient au questionnaire.)
    await page.goto('https://convergence.esante.gouv.fr/produits/3101/demarches/mes/questionnaires/urbanisation');
    const counts = await fill(page, 'Produit v0.1');
    expect(counts.filled).toBeGreaterThan(0);
    const filled = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    const want = demarche(await state(page), 3100).questionnaires.urbanisation!.validated!.answers;
    for (const [id, a] of Object.entries(want)) expect(filled[id]?.comment, id).toBe(a.comment);
    await page.close();
  });

  it('un clic simulé sur « Valider » passe à la page sans ouvrir la garde ; le clic d\'une personne l\'ouvre', async () => {
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
    expect(await guardDialog(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Valider', exact: true }).click();
    await expect.poll(() => guardDialog(page).count()).toBe(1);
    await page.close();
  });

  it('aucune requête réseau hors du simulateur', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
