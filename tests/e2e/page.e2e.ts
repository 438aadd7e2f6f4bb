import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/strings';
import { ETHIQUE, ORIENTATION_ALL_APPLICABLE } from '../simulator/src/data/index.ts';
import { FICHE_EXEMPLE } from '../simulator/src/scenarios.ts';
import { launchExtension, type Harness } from './harness.mjs';
import { capture, demarche, fill, goto, panel, playwrightTab, state, waitPanel, type SimAnswers } from './panel';
import { captureEthiqueThenFill, captureLevelsThenFill } from './scenarios';

// Tests de l'issue « sur la page » : enregistrer les réponses d'un produit, remplir un autre produit,
// et vérifier l'état du framework de la page (simulateur Preact à champs contrôlés), pas seulement le DOM.

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
});
afterAll(async () => {
  await h?.close();
});

describe('enregistrer un produit, remplir un autre (état du framework vérifié)', () => {
  let page: Page;

  it('questionnaires à niveaux : capture sur 3100 (balisage a), remplissage de 3101 (balisage b)', async () => {
    page = await h.openSim('/produits/3100/demarches/mes/questionnaires/interoperabilite', { scenario: 'pret', style: 'a' });
    await captureLevelsThenFill(playwrightTab(page));
  });

  it('Éthique : conformité et commentaires, du balisage b vers le balisage a', async () => {
    await captureEthiqueThenFill(playwrightTab(page));
  });

  it('preuve de la bibliothèque jointe à la bonne zone de dépôt (fichier reçu par la page)', async () => {
    const zone = ETHIQUE.criteria.find((c) => c.id === 'DEV.1.1')!.evidence[0]!.label;
    const options = await h.openOptions();
    const list = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'products.list', payload: {} }))) as { data: { products: { product: { id: string; convergenceNumber?: string } }[] } };
    const lib3100 = list.data.products.find((e) => e.product.convergenceNumber === '3100')!.product.id;
    // 3101 est la variante Android de la famille « Produit » : les preuves de la famille valent pour elle.
    const variant = await options.evaluate(
      (productId) => chrome.runtime.sendMessage({ type: 'variant.create', payload: { author: 'e2e', variant: { productId, os: 'android', device: 'mobile', convergenceNumber: '3101' } } }),
      lib3100,
    );
    expect(variant).toMatchObject({ ok: true });
    const added = await options.evaluate(
      ([productId, evidenceType]) =>
        chrome.runtime.sendMessage({
          type: 'evidence.add',
          payload: { productId, variantId: '', name: 'ecoscore-2025.pdf', type: 'application/pdf', evidenceType, contentBase64: btoa('%PDF-1.4 ecoscore'), author: 'e2e' },
        }),
      [lib3100, zone] as const,
    );
    expect(added).toMatchObject({ ok: true });
    await options.close();

    await goto(page, '/produits/3101/demarches/mes/questionnaires/ethique', 'a');
    const attach = panel(page).getByRole('button', { name: t('evidenceAttach', { file: 'ecoscore-2025.pdf', zone: `${zone} (DEV.1.1)` }) });
    await attach.click();
    await expect.poll(async () => (await panel(page).locator('.ac-messages').textContent()) ?? '').toContain('ecoscore-2025.pdf');
    const files = demarche(await state(page), 3101).questionnaires.ethique!.files;
    const names = Object.values(files).flat().map((f) => f.name);
    expect(names).toContain('ecoscore-2025.pdf');
  });

  it('garde la valeur saisie par la personne, la signale en conflit, la remplace sur demande ; annulation', async () => {
    page = await h.openSim('/produits/3101/demarches/mes/questionnaires/urbanisation', { scenario: 'pret', style: 'a' });
    // La personne a déjà répondu à un critère et écrit un commentaire, par de vrais gestes.
    const first = page.locator('main article, main [role="group"][aria-labelledby]').first();
    const firstId = ((await first.locator('h3, .crit-id').first().textContent()) ?? '').trim().split(/\s/)[0]!;
    await first.getByRole('radio').first().check();
    await first.getByRole('textbox').fill('Saisi à la main');
    const before = demarche(await state(page), 3101).questionnaires.urbanisation!.answers[firstId];

    const counts = await fill(page, 'Produit v0.1');
    expect(counts.conflict).toBe(2);
    const after = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    expect(after[firstId]).toEqual(before); // rien d'écrasé
    const conflictRow = panel(page).locator('tr[data-status="conflict"]').first();
    await expect(conflictRow.locator('th').textContent()).resolves.toContain(firstId);

    // « Remplacer » écrase, d'un clic, la valeur du commentaire.
    await panel(page).getByRole('button', { name: t('overwriteLabel', { field: `${firstId} — commentaire` }) }).click();
    const want = demarche(await state(page), 3100).questionnaires.urbanisation!.validated!.answers[firstId]!;
    await expect.poll(async () => demarche(await state(page), 3101).questionnaires.urbanisation!.answers[firstId]?.comment).toBe(want.comment);

    // Annuler : les commentaires remplis reviennent à ce que la page contenait ; les choix ne peuvent pas être décochés, et c'est dit.
    await panel(page).getByRole('button', { name: t('undoFill') }).click();
    await expect.poll(async () => (await panel(page).locator('.ac-messages').textContent()) ?? '').toMatch(/Remplissage annulé/);
    const undone = demarche(await state(page), 3101).questionnaires.urbanisation!.answers;
    expect(undone[firstId]?.comment).toBe('Saisi à la main');
    const others = Object.entries(undone).filter(([id]) => id !== firstId);
    expect(others.length).toBeGreaterThan(0);
    for (const [, a] of others) expect(a.comment ?? '').toBe('');
    await expect(panel(page).locator('.ac-messages').textContent()).resolves.toMatch(/ne peuvent pas être décochés/);
  });

  it('orientation : les questions révélées par une réponse sont remplies à leur tour', async () => {
    page = await h.openSim('/produits/3100/demarches/mes/questionnaires/orientation', { scenario: 'pret' });
    expect(await capture(page)).toMatch(/nouvelle\(s\)/);
    // Nouveau départ : démarche sans orientation (scénario « nominal »), même n° de produit 3100.
    page = await h.openSim('/produits/3100/demarches/mes/questionnaires/orientation', { scenario: 'nominal', page });
    await waitPanel(page);
    const counts = await fill(page, 'Produit v0.1');
    expect(counts.conflict).toBe(0);
    expect(counts.missing).toBe(0);
    const got = demarche(await state(page), 3100).orientation.answers;
    for (const [id, value] of Object.entries(ORIENTATION_ALL_APPLICABLE)) {
      expect(got[id], `question ${id}`).toEqual(value);
    }
    // Des sous-questions (1.1, 6.1, 7.2…) n'existaient pas avant la réponse à leur question parente.
    expect(Object.keys(ORIENTATION_ALL_APPLICABLE).filter((k) => k.includes('.')).length).toBeGreaterThan(3);
  });

  it('fiche administrative et formulaire produit, depuis le profil de l\'entreprise et le produit enregistrés', async () => {
    page = await h.openSim('/produits/3100/demarches/mes/fiche-administrative', { scenario: 'pret' });
    expect(await capture(page)).toBe(t('captureCompany', { count: Object.keys(FICHE_EXEMPLE).length }));
    page = await h.openSim('/produits/3100/demarches/mes/fiche-administrative', { scenario: 'nominal', page });
    await waitPanel(page);
    const counts = await fill(page, 'Produit v0.1');
    expect((counts.conflict ?? 0) + (counts.missing ?? 0)).toBe(0);
    expect(demarche(await state(page), 3100).ficheAdmin.values).toMatchObject(FICHE_EXEMPLE);

    // Formulaire produit : enregistré une fois (bibliothèque créée), rempli pour un nouveau produit.
    page = await h.openSim('/produits/nouveau', { scenario: 'vierge', page });
    await waitPanel(page);
    await page.getByLabel('Nom du produit').fill('Suivi Diabète');
    await page.getByLabel('Version').fill('2.1');
    await page.getByRole('radio', { name: 'Option' }).check();
    await page.getByLabel('Responsable').fill('Camille Martin');
    await page.getByLabel('Description de produit').fill('Carnet de suivi glycémique.');
    await page.getByRole('checkbox', { name: /Catalogue de services de Mon espace santé/ }).check();
    expect(await capture(page)).toContain(t('captureProductCreated', { library: 'Suivi Diabète 2.1' }));
    page = await h.openSim('/produits/nouveau', { scenario: 'vierge', page });
    await waitPanel(page);
    const c2 = await fill(page, 'Suivi Diabète 2.1');
    expect((c2.conflict ?? 0) + (c2.missing ?? 0)).toBe(0);
    expect((await state(page)).productDraft).toMatchObject({
      nom: 'Suivi Diabète', version: '2.1', type: 'Option', responsable: 'Camille Martin', description: 'Carnet de suivi glycémique.',
      interets: ['1. Catalogue de services de Mon espace santé'],
    });
  });

  it('distributeur : réponses de l\'éditeur producteur reprises là où sa spécificité est « Non », jamais ailleurs', async () => {
    type Spec = SimAnswers[string] & { specificite?: 'Oui' | 'Non' };
    page = await h.openSim('/produits/2726/demarches/mes/questionnaires/maturite-securite', { scenario: 'producteur', page });
    await waitPanel(page);
    expect(await capture(page)).toMatch(/nouvelle\(s\)/);
    const producer = demarche(await state(page), 2726).questionnaires['maturite-securite']!.validated!.answers as Record<string, Spec>;
    const specific = Object.entries(producer).filter(([, a]) => a.specificite === 'Oui').map(([id]) => id);
    const shared = Object.entries(producer).filter(([, a]) => a.specificite === 'Non').map(([id]) => id);
    expect(specific.length).toBeGreaterThan(0);

    // Le distributeur (rattaché, questionnaires vides) : sa bibliothèque est créée, puis déclarée distributrice du producteur.
    page = await h.openSim('/produits/2742/demarches/mes/questionnaires/maturite-securite', { scenario: 'distributeur', page });
    await waitPanel(page);
    await capture(page);
    const options = await h.openOptions();
    const ids = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'products.list', payload: {} }))) as { data: { products: { product: { id: string; convergenceNumber?: string } }[] } };
    const byNumber = (n: string) => ids.data.products.find((e) => e.product.convergenceNumber === n)!.product.id;
    const patched = await options.evaluate(
      ([id, producerProductId]) => chrome.runtime.sendMessage({ type: 'product.update', payload: { id, author: 'e2e', patch: { role: { kind: 'distributeur', producerProductId } } } }),
      [byNumber('2742'), byNumber('2726')] as const,
    );
    expect(patched).toMatchObject({ ok: true });
    await options.close();

    await goto(page, '/produits/2742/demarches/mes/questionnaires/maturite-securite');
    await expect.poll(async () => (await panel(page).locator('.ac-why').last().textContent()) ?? '').toMatch(/éditeur producteur/);
    await fill(page);
    const got = demarche(await state(page), 2742).questionnaires['maturite-securite']!.answers;
    for (const id of shared) expect(got[id]?.level, id).toBe(producer[id]!.level);
    for (const id of specific) expect(got[id]?.level, id).toBeUndefined();

    // Les preuves de l'éditeur producteur restent confidentielles : jamais proposées sur la page du distributeur,
    // même quand on choisit le producteur comme source des réponses.
    const zone = ETHIQUE.criteria.find((c) => c.id === 'ACC.1.5')!.evidence[0]!.label;
    const opts2 = await h.openOptions();
    expect(await opts2.evaluate(
      ([productId, evidenceType]) => chrome.runtime.sendMessage({ type: 'evidence.add', payload: { productId, variantId: '', name: 'guichet-producteur.png', type: 'image/png', evidenceType, contentBase64: btoa('png'), author: 'e2e' } }),
      [byNumber('2726'), zone] as const,
    )).toMatchObject({ ok: true });
    await opts2.close();
    await goto(page, '/produits/2742/demarches/mes/questionnaires/ethique');
    const select = panel(page).getByLabel(t('sourceLabel'));
    await expect.poll(async () => (await select.locator('option').allTextContents()).some((o) => o.startsWith("Solution d'éditeur producteur"))).toBe(true);
    await select.selectOption({ label: (await select.locator('option').allTextContents()).find((o) => o.startsWith("Solution d'éditeur producteur"))! });
    await page.waitForTimeout(500);
    expect(await panel(page).getByRole('button', { name: /Joindre/ }).count()).toBe(0);
  });

  it('aucune requête réseau hors du simulateur pendant tout ce qui précède', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
