import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/strings';
import { launchExtension, type Harness } from './harness.mjs';
import { capture, demarche, fill, goto, panel, panelMessages, state, waitPanel } from './panel';

// Issue « pages jamais vues » : le produit affiché se lit partout où une personne le voit (fil d'Ariane en
// texte, titre, titre du document), se retient d'une page à l'autre de l'onglet, se choisit quand il n'est
// nulle part ; une variante nommée selon la règle de l'ANS est proposée comme telle ; un choix de la
// personne survit au rendu tardif de la page.

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
});
afterAll(async () => {
  await h?.close();
});

const QUESTIONNAIRE = '/demarches/mes/questionnaires/urbanisation';
const productLine = (p: Page) => panel(p).locator('.ac-product > p').first();

/** Les réponses validées de 3100 (scénario « pret ») remplies sur 3101 : état du framework vérifié. */
async function expectFilledFrom3100(p: Page) {
  const s = await state(p);
  const want = demarche(s, 3100).questionnaires.urbanisation!.validated!.answers;
  const got = demarche(s, 3101).questionnaires.urbanisation!.answers;
  expect(Object.keys(want).length).toBeGreaterThan(0);
  for (const [id, a] of Object.entries(want)) {
    expect(got[id]?.level, id).toBe(a.level);
    expect(got[id]?.comment, id).toBe(a.comment);
  }
  return Object.keys(want).length;
}

describe('le produit affiché, quel que soit le balisage du fil d\'Ariane', () => {
  const VARIANTS = ['fil=texte', 'fil=sans-suffixe', 'produit=titre', 'produit=document'] as const;
  for (const variant of VARIANTS) {
    for (const style of ['a', 'b'] as const) {
      it(`${variant}, balisage ${style} : enregistrer 3100 puis remplir 3101 (source proposée : sa famille par le nom)`, async () => {
        const page = await h.openSim(`/produits/3100${QUESTIONNAIRE}?${variant}`, { scenario: 'pret', style });
        await expect.poll(async () => (await productLine(page).textContent()) ?? '', { timeout: 10_000 }).toContain('Produit - v0.1 - 3100');
        const saved = await capture(page);
        expect(saved).toMatch(/« Produit v0\.1 »/);
        expect(saved).not.toContain(t('captureNothing'));

        await goto(page, `/produits/3101${QUESTIONNAIRE}`);
        await expect.poll(async () => (await productLine(page).textContent()) ?? '').toContain('Produit Android - v0.1 - 3101');
        // Aucun choix de source : la proposition est la famille « Produit v0.1 » (nom de variante ANS).
        await expect.poll(async () => panel(page).locator('.ac-why').last().textContent()).toBe(t('sourceWhyFamilyByName', { name: 'Produit v0.1' }));
        const counts = await fill(page);
        const n = await expectFilledFrom3100(page);
        expect(counts).toEqual({ filled: n * 2, unchanged: 0, conflict: 0, missing: 0 });
        await page.close();
      });
    }
  }
});

describe('produit absent de la page', () => {
  for (const style of ['a', 'b'] as const) {
    it(`balisage ${style} : repris de la page précédente de l'onglet, et le panneau le dit`, async () => {
      const page = await h.openSim('/produits/3100/demarches/mes/questionnaires?produit=absent', { scenario: 'pret', style });
      await expect.poll(async () => (await productLine(page).textContent()) ?? '', { timeout: 10_000 }).toContain('Produit - v0.1 - 3100');
      // La personne ouvre le questionnaire depuis la liste (même onglet).
      await goto(page, `/produits/3100${QUESTIONNAIRE}`);
      await expect.poll(async () => (await productLine(page).textContent()) ?? '').toBe(
        t('productPreviousLinked', { page: 'Produit - v0.1 - 3100', library: 'Produit v0.1' }),
      );
      expect(await capture(page)).toMatch(/« Produit v0\.1 »/);

      await goto(page, '/produits/3101/demarches/mes/questionnaires');
      await goto(page, `/produits/3101${QUESTIONNAIRE}`);
      await expect.poll(async () => (await productLine(page).textContent()) ?? '').toContain(t('productPrevious', { page: 'Produit Android - v0.1 - 3101' }));
      const counts = await fill(page);
      const n = await expectFilledFrom3100(page);
      expect(counts.filled).toBe(n * 2);
      await page.close();
    });
  }

  it('ouvert directement dans un nouvel onglet : « Produit affiché non lu », enregistrement refusé avec sa raison, puis « Ce produit est : »', async () => {
    const setup = await h.openSim(`/produits/3100${QUESTIONNAIRE}?produit=absent`, { scenario: 'pret' });
    await setup.close();
    const page = await h.context.newPage();
    await goto(page, `/produits/3101${QUESTIONNAIRE}`);
    await expect.poll(async () => (await productLine(page).textContent()) ?? '', { timeout: 10_000 }).toContain(t('productUnread'));
    // La personne répond à un critère : sans produit, rien n'est enregistré en silence.
    const first = page.locator('main article, main [role="group"][aria-labelledby]').first();
    await first.getByRole('radio').first().check();
    expect(await capture(page)).toBe(t('captureNoProduct', { count: 1 }));

    const chooser = panel(page).getByLabel(t('chooseLabel'));
    await expect.poll(async () => (await chooser.locator('option').allTextContents()).includes('Produit v0.1')).toBe(true);
    await chooser.selectOption({ label: 'Produit v0.1' });
    await panel(page).getByRole('button', { name: t('chooseSubmit') }).click();
    await expect.poll(async () => (await productLine(page).textContent()) ?? '').toContain(t('productChosen', { library: 'Produit v0.1' }));
    const counts = await fill(page);
    // Le niveau choisi par la personne est gardé (en conflit, ou identique), le reste vient de « Produit v0.1 ».
    expect(counts.filled).toBeGreaterThan(0);
    expect((counts.conflict ?? 0) + (counts.unchanged ?? 0)).toBe(1);
    await page.close();
  });
});

describe('un choix de la personne survit au rendu tardif de la page', () => {
  it('source choisie juste après le chargement du grand questionnaire, avant que le produit ne s\'affiche', async () => {
    const options = await h.openOptions();
    expect(
      await options.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'product.create', payload: { author: 'e2e', product: { name: 'Autre produit', version: '1.0', type: 'socle', responsable: '', description: '' } } }),
      ),
    ).toMatchObject({ ok: true });
    await options.close();

    const page = await h.context.newPage();
    const started = Date.now();
    await page.goto('https://convergence.esante.gouv.fr/produits/3100/demarches/mes/questionnaires/interoperabilite?scenario=grand&retard=8000');
    const loaded = Date.now();
    const select = (await waitPanel(page)).getByLabel(t('sourceLabel'));
    const other = async () => (await select.locator('option').allTextContents()).find((o) => o.startsWith('Autre produit 1.0'));
    await expect.poll(other, { timeout: 10_000, interval: 20 }).toBeTruthy();
    await select.selectOption({ label: (await other())! });
    const chosenAfter = Date.now() - started;
    const afterLoad = Date.now() - loaded;
    // Le produit n'était pas encore affiché au moment du choix.
    expect(await productLine(page).textContent()).not.toContain('Produit - v0.1 - 3100');
    console.log(`[e2e] source choisie ${afterLoad} ms après l'événement load, ${chosenAfter} ms après le début du chargement (produit affiché 8000 ms après le rendu)`);

    await expect.poll(async () => (await productLine(page).textContent()) ?? '', { timeout: 15_000 }).toContain('Produit - v0.1 - 3100');
    expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toMatch(/^Autre produit 1\.0/);
    await panel(page).getByRole('button', { name: t('fill') }).click();
    // Le remplissage a bien utilisé la source choisie (vide), pas la bibliothèque reliée à 3100.
    expect(await panelMessages(page)).toContain(t('fillWhySourceEmpty', { source: 'Autre produit 1.0' }));
    await page.close();
  });
});

describe('variante nommée selon la règle de l\'ANS', () => {
  let page: Page;
  const LEVELS = ['interoperabilite', 'urbanisation', 'maturite-securite'] as const;

  it('« Dossia iOS Mobile » proposé comme variante de « Dossia v3.1 », relié d\'un clic, rempli depuis la famille sans toucher la source', async () => {
    page = await h.openSim('/produits/4101/demarches/mes/questionnaires/interoperabilite', { scenario: 'variantes' });
    for (const q of LEVELS) {
      await goto(page, `/produits/4101/demarches/mes/questionnaires/${q}`);
      expect(await capture(page)).toMatch(/« Dossia v3\.1 »/);
    }
    // Enregistrer avant de choisir ne crée pas une seconde bibliothèque : la raison est dite.
    await goto(page, '/produits/4102/demarches/mes/questionnaires/ethique');
    await page.locator('main article, main [role="group"][aria-labelledby]').first().getByRole('radio').first().check();
    const link = panel(page).getByRole('button', { name: t('linkVariant', { page: 'Dossia iOS Mobile', variant: 'iOS Mobile', family: 'Dossia v3.1' }) });
    await link.waitFor({ timeout: 10_000 });
    expect(await capture(page)).toBe(t('captureVariantFirst', { count: 1 }));
    await link.click();
    expect(await panelMessages(page)).toBe(t('variantLinked', { page: 'Dossia iOS Mobile', variant: 'iOS Mobile', family: 'Dossia v3.1' }));
    await expect.poll(async () => (await productLine(page).textContent()) ?? '').toContain(t('productLinked', { page: 'Dossia iOS Mobile - v3.1 - 4102', library: 'Dossia iOS Mobile' }));

    for (const q of LEVELS) {
      await goto(page, `/produits/4102/demarches/mes/questionnaires/${q}`);
      const counts = await fill(page);
      const s = await state(page);
      const want = demarche(s, 4101).questionnaires[q]!.validated!.answers;
      const got = demarche(s, 4102).questionnaires[q]!.answers;
      expect(counts, q).toEqual({ filled: Object.keys(want).length * 2, unchanged: 0, conflict: 0, missing: 0 });
      for (const [id, a] of Object.entries(want)) expect(got[id]?.level, `${q} ${id}`).toBe(a.level);
    }
  });

  it('un enregistrement sur la variante ne garde que ce qui diffère de la famille', async () => {
    await goto(page, '/produits/4102/demarches/mes/questionnaires/urbanisation');
    const first = page.locator('main article, main [role="group"][aria-labelledby]').first();
    const radios = first.getByRole('radio');
    const count = await radios.count();
    let changed = false;
    for (let i = 0; i < count && !changed; i++) {
      if (!(await radios.nth(i).isChecked()) && (await radios.nth(i).isEnabled())) {
        await radios.nth(i).check();
        changed = true;
      }
    }
    expect(changed).toBe(true);
    const n = Object.keys(demarche(await state(page), 4101).questionnaires.urbanisation!.validated!.answers).length;
    const msg = await capture(page);
    expect(msg).toContain(t('captureDone', { library: 'Dossia iOS Mobile', created: 1, changed: 0, unchanged: 0, empty: 0 }));
    expect(msg).toContain(t('captureInherited', { count: n - 1 }));

    const options = await h.openOptions();
    const own = await options.evaluate(async () => {
      const list = (await chrome.runtime.sendMessage({ type: 'products.list', payload: {} })) as { data: { products: { product: { id: string; name: string }; variants: { id: string; convergenceNumber?: string }[] }[] } };
      const fam = list.data.products.find((e) => e.product.name === 'Dossia')!;
      const variant = fam.variants.find((v) => v.convergenceNumber === '4102')!;
      const r = (await chrome.runtime.sendMessage({ type: 'answers.resolved', payload: { productId: fam.product.id, variantId: variant.id } })) as { data: { answers: { source: string }[] } };
      return { products: list.data.products.length, own: r.data.answers.filter((a) => a.source === 'variante').length };
    });
    await options.close();
    // Une seule bibliothèque Dossia (pas de seconde famille), une seule surcharge dans la variante.
    expect(own.own).toBe(1);
    expect(own.products).toBeGreaterThan(0);
  });

  it('aucune requête réseau hors du simulateur', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
