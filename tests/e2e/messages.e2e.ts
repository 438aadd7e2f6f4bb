import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/strings';
import { PROTOCOL, isMessageType } from '../../lib/messages/protocol';
import { launchExtension, type Harness } from './harness.mjs';
import { demarche, goto, panel, panelMessages, state, waitPanel } from './panel';

// Issue 9, objectif 3 : un geste dans le panneau = un message à l'arrière-plan. On compte, dans le service
// d'arrière-plan de l'extension construite, chaque message du runtime reçu pendant le geste.

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
  // Une écoute de plus dans le service d'arrière-plan : elle note chaque message reçu et ne répond jamais.
  await h.serviceWorker.evaluate(() => {
    const g = globalThis as unknown as { __recus: { type: string; url: string }[] };
    g.__recus = [];
    chrome.runtime.onMessage.addListener((m: unknown, sender: { url?: string }) => {
      g.__recus.push({ type: String((m as { type?: unknown } | null)?.type), url: sender.url ?? '' });
      return undefined;
    });
  });
});
afterAll(async () => {
  await h?.close();
});

const QUESTIONNAIRE = '/demarches/mes/questionnaires/urbanisation';

/**
 * Les messages reçus par l'arrière-plan pendant le geste, jusqu'au compte rendu affiché et un temps de repos
 * après (un message tardif compterait). Ceux qu'il traite (to: background) sont le compte ; les autres
 * (« panel.changed », adressé au panneau, que l'arrière-plan ignore) sont rendus à part.
 */
async function counted(gesture: () => Promise<void>): Promise<{ handled: string[]; ignored: string[] }> {
  await h.serviceWorker.evaluate(() => void ((globalThis as unknown as { __recus: unknown[] }).__recus.length = 0));
  await gesture();
  await new Promise((r) => setTimeout(r, 1000));
  const all = await h.serviceWorker.evaluate(() => (globalThis as unknown as { __recus: { type: string }[] }).__recus.map((m) => m.type));
  // Tout ce que le protocole n'adresse pas ailleurs compte (un type inconnu aussi).
  const handled = all.filter((type) => !(isMessageType(type) && PROTOCOL[type].to !== 'background'));
  return { handled, ignored: all.filter((type) => !handled.includes(type)) };
}

/** Le panneau prêt et au repos : sa liste de sources chargée, plus aucun message en cours. */
async function settled(p: Page) {
  const ui = await waitPanel(p);
  await expect.poll(async () => (await ui.getByLabel(t('sourceLabel')).locator('option').count()) > 1, { timeout: 10_000 }).toBe(true);
  await p.waitForTimeout(800);
  return ui;
}

describe('un message à l\'arrière-plan par geste', () => {
  it('« Enregistrer les réponses » : un seul message (page.capture), compte rendu et bibliothèque reliée affichés', async () => {
    // Une bibliothèque existe déjà (la liste des sources n'est pas vide) ; le produit affiché n'y est pas encore relié.
    const options = await h.openOptions();
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'product.create', payload: { author: 'e2e', product: { name: 'Autre', version: '1', type: 'socle', responsable: '', description: '' } } }));
    await options.close();
    const page = await h.openSim(`/produits/3100${QUESTIONNAIRE}`, { scenario: 'pret' });
    const ui = await settled(page);
    let text = '';
    const { handled, ignored } = await counted(async () => {
      await ui.getByRole('button', { name: t('capture') }).click();
      text = await panelMessages(page);
    });
    console.log(`[e2e] enregistrer : ${handled.length} message(s) traité(s) par l'arrière-plan (${handled.join(', ')}) ; ignorés : ${ignored.join(', ') || 'aucun'}`);
    expect(text).toMatch(/« Produit v0\.1 »/);
    expect(handled).toEqual(['page.capture']);
    // Le contexte est venu avec la réponse : le panneau dit la bibliothèque reliée sans l'avoir redemandée.
    await expect.poll(async () => (await panel(page).locator('.ac-product > p').first().textContent()) ?? '').toContain(t('productLinked', { page: 'Produit - v0.1 - 3100', library: 'Produit v0.1' }));
    await page.close();
  });

  it('« Remplir la page » : un seul message (page.fillSource), page remplie dans son framework', async () => {
    const page = await h.openSim(`/produits/3100${QUESTIONNAIRE}`);
    await goto(page, `/produits/3101${QUESTIONNAIRE}`);
    const ui = await settled(page);
    const select = ui.getByLabel(t('sourceLabel'));
    const label = (await select.locator('option').allTextContents()).find((o) => o.startsWith('Produit v0.1'));
    expect(label).toBeTruthy();
    await select.selectOption({ label: label! });
    const { handled, ignored } = await counted(async () => {
      await ui.getByRole('button', { name: t('fill') }).click();
      await ui.locator('.ac-report summary').waitFor({ timeout: 20_000 });
      await expect.poll(() => ui.getByRole('button', { name: t('fill') }).isEnabled()).toBe(true);
    });
    console.log(`[e2e] remplir : ${handled.length} message(s) traité(s) par l'arrière-plan (${handled.join(', ')}) ; ignorés : ${ignored.join(', ') || 'aucun'}`);
    expect(handled).toEqual(['page.fillSource']);
    const s = await state(page);
    const want = demarche(s, 3100).questionnaires.urbanisation!.validated!.answers;
    const got = demarche(s, 3101).questionnaires.urbanisation!.answers;
    expect(Object.keys(want).length).toBeGreaterThan(0);
    for (const [id, a] of Object.entries(want)) expect(got[id]?.level, id).toBe(a.level);
    await page.close();
  });
});
