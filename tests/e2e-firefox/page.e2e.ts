// L'extension construite pour Firefox, dans Firefox ESR, sur le simulateur servi à l'origine réelle : les mêmes
// parcours et les mêmes attentes que la suite Chromium (reconnaissance, enregistrer puis remplir un autre produit
// dans l'autre balisage, preuve jointe, garde sur « Valider »), jugés sur l'état du framework de la page.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t as tGuard } from '../../components/guard/strings';
import { t } from '../../components/strings';
import { PAGE_KIND_LABELS } from '../../lib/page/model/kinds';
import { ETHIQUE, INTEROPERABILITE, LEVEL_ORDER, type LevelCriterion, type LevelKey } from '../simulator/src/data/index.ts';
import { acceptableLevels, applicableLevelCriteria } from '../simulator/src/rules.ts';
import type { OrientationAnswers } from '../simulator/src/types.ts';
import { PAGE_TOUR } from '../e2e/tour.mjs';
import { clickButton, clickGuard, clickPageButton, demarche, firefoxTab, goto, guardOpen, guardRefs, panelFrame, panelText, state, waitPanel } from './driver';
import { captureEthiqueThenFill, captureLevelsThenFill } from '../e2e/scenarios';
import { launchFirefox, ORIGIN, type FirefoxHarness } from './harness';

let h: FirefoxHarness;
beforeAll(async () => {
  h = await launchFirefox();
  forceLanguage(h.uiLanguage); // les textes attendus, dans la langue de l'interface de Firefox
});
afterAll(async () => {
  await h?.close();
});

/** Le statut annoncé par le panneau (sa première ligne). */
const panelStatus = async (page: Page) => {
  await waitPanel(page);
  return (await panelText(page, '[role="status"]')) ?? '';
};

describe("l'extension construite dans Firefox ESR", () => {
  it("s'installe comme module temporaire : page d'événements en arrière-plan, manifeste minimal", async () => {
    console.log(`[firefox] langue de l'interface : ${h.uiLanguage}`);
    const options = await h.openOptions();
    const manifest = await options.evaluate(() => chrome.runtime.getManifest());
    await options.close();
    expect(manifest.manifest_version).toBe(3);
    // Firefox n'a pas de service worker d'extension : l'arrière-plan est une page d'événements.
    const background = manifest.background as { scripts?: string[]; service_worker?: string | null };
    expect(background.scripts).toEqual([expect.stringMatching(/(^|\/)background\.js$/)]);
    expect(background.service_worker ?? null).toBeNull();
    expect(manifest.permissions?.sort()).toEqual(['storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual([`${ORIGIN}/*`]);
  });

  it('reconnaît chaque type de page du simulateur, dans le panneau', async () => {
    let page: Page | undefined;
    for (const stop of PAGE_TOUR) {
      page = await h.openSim(stop.path, { scenario: stop.scenario, style: stop.style ?? 'a', ...(page ? { page } : {}) });
      await expect.poll(() => panelStatus(page!), { timeout: 15_000, message: stop.title }).toBe(t('pageRecognised', { kind: PAGE_KIND_LABELS[stop.kind] }));
    }
    await page?.close();
  });

  it("suit une application monopage, même quand Firefox a arrêté l'arrière-plan au repos (page d'événements)", async () => {
    const page = await h.openSim('/produits/3100/demarches/mes/questionnaires', { scenario: 'questionnaires' });
    await expect.poll(() => panelStatus(page)).toBe(t('pageRecognised', { kind: PAGE_KIND_LABELS['liste-questionnaires'] }));
    // L'arrière-plan relaie les messages entre le panneau et le script de contenu (lib/platform/frame-relay.ts) :
    // relancé sans mémoire, il retrouve les cadres abonnés dans storage.session.
    expect(await h.suspendBackground()).not.toBe('running');
    const link = (await page.evaluateHandle(() => Array.from(document.querySelectorAll('a')).find((a) => /Démarrer|Editer/.test(a.textContent ?? '')) ?? null)).asElement() as ElementHandle<HTMLAnchorElement> | null;
    if (!link) throw new Error('Lien « Démarrer / Editer le questionnaire » introuvable.');
    await link.click();
    await expect.poll(() => panelStatus(page)).toBe(t('pageRecognised', { kind: PAGE_KIND_LABELS.orientation }));
    await page.close();
  });

  it("résume un questionnaire : critères lus, obligatoires, à risque ; produit affiché", async () => {
    const page = await h.openSim('/produits/3100/demarches/mes/questionnaires/ethique', { scenario: 'questionnaires' });
    const mandatory = ETHIQUE.criteria.filter((c) => c.nature === 'Obligation').length;
    await expect.poll(async () => (await waitPanel(page)).evaluate(() => document.body.textContent ?? '')).toContain(t('summaryCriteria', { read: ETHIQUE.criteria.length, mandatory, atRisk: mandatory }));
    expect(await (await panelFrame(page)).evaluate(() => document.body.textContent ?? '')).toContain('Produit - v0.1 - 3100');

    // La fenêtre de l'icône (ouverte ici dans un onglet, pour l'onglet du simulateur) : le même résumé, et le lien
    // vers le gestionnaire.
    const options = await h.openOptions();
    const tabId = await options.evaluate(async (u) => (await chrome.tabs.query({})).find((x) => x.url === u)?.id, page.url());
    await options.close();
    expect(tabId).toBeTypeOf('number');
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
    const popupStatus = () => popup.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '');
    await expect.poll(popupStatus).toContain(t('pageRecognised', { kind: PAGE_KIND_LABELS.ethique }));
    expect(await popupStatus()).toContain(t('summaryCriteria', { read: ETHIQUE.criteria.length, mandatory, atRisk: mandatory }));
    expect(await popupStatus()).toContain('Produit - v0.1 - 3100');
    const optionsTabs = async () =>
      (await Promise.all((await h.browser.pages()).map((x) => x.evaluate(() => location.href).catch(() => '')))).filter((u) => u.endsWith('/options.html')).length;
    const before = await optionsTabs();
    await clickButton(popup.mainFrame(), t('openLibrary'));
    await expect.poll(optionsTabs).toBe(before + 1);
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('enregistrer un produit, remplir un autre (état du framework vérifié)', () => {
  let page: Page;

  it('questionnaires à niveaux : capture sur 3100 (balisage a), remplissage de 3101 (balisage b)', async () => {
    page = await h.openSim('/produits/3100/demarches/mes/questionnaires/interoperabilite', { scenario: 'pret', style: 'a' });
    await captureLevelsThenFill(firefoxTab(page));
  });

  it('Éthique : conformité et commentaires, du balisage b vers le balisage a', async () => {
    await captureEthiqueThenFill(firefoxTab(page));
  });

  it('preuve de la bibliothèque jointe à sa zone de dépôt (File et DataTransfer du script de contenu, reçus par la page)', async () => {
    const zone = ETHIQUE.criteria.find((c) => c.id === 'DEV.1.1')!.evidence[0]!.label;
    const options = await h.openOptions();
    const list = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'products.list', payload: {} }))) as { data: { products: { product: { id: string; convergenceNumber?: string } }[] } };
    const lib3100 = list.data.products.find((e) => e.product.convergenceNumber === '3100')!.product.id;
    // 3101 devient la variante Android de la famille « Produit » : les preuves de la famille valent pour elle.
    expect(
      await options.evaluate(
        (productId) => chrome.runtime.sendMessage({ type: 'variant.create', payload: { author: 'e2e', variant: { productId, os: 'android', device: 'mobile', convergenceNumber: '3101' } } }),
        lib3100,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await options.evaluate(
        (productId, evidenceType) =>
          chrome.runtime.sendMessage({
            type: 'evidence.add',
            payload: { productId, variantId: '', name: 'ecoscore-2025.pdf', type: 'application/pdf', evidenceType, contentBase64: btoa('%PDF-1.4 ecoscore'), author: 'e2e' },
          }),
        lib3100,
        zone,
      ),
    ).toMatchObject({ ok: true });
    await options.close();

    await goto(page, '/produits/3101/demarches/mes/questionnaires/ethique', 'a');
    await clickButton(await panelFrame(page), t('evidenceAttach', { file: 'ecoscore-2025.pdf', zone: `${zone} (DEV.1.1)` }));
    await expect.poll(async () => (await panelText(page, '.ac-messages')) ?? '').toContain('ecoscore-2025.pdf');
    const names = Object.values(demarche(await state(page), 3101).questionnaires.ethique!.files).flat().map((f) => f.name);
    expect(names).toContain('ecoscore-2025.pdf');
    await page.close();
  });
});

// Garde : mêmes attentes que tests/e2e/guard.e2e.ts, sur les données du simulateur.
const Q = '/produits/3100/demarches/mes/questionnaires';
const A08_5_23 = INTEROPERABILITE.criteria.find((c) => c.id === 'A08.5.23') as LevelCriterion;

/** Critères applicables, dans l'ordre d'affichage ; puis l'ordre de la fenêtre : sous le minimum, obligatoires, optionnels. */
function expectedLevelRefs(o: OrientationAnswers | null, below: string[]): string[] {
  const crits = applicableLevelCriteria(INTEROPERABILITE, o);
  const shown = INTEROPERABILITE.sections.flatMap((s) => crits.filter((c) => c.section === s.id));
  const rest = shown.filter((c) => !below.includes(c.id));
  return [...below, ...rest.filter((c) => c.nature === 'Obligation').map((c) => c.id), ...rest.filter((c) => c.nature === 'Option').map((c) => c.id)];
}

/** Choisit un niveau d'un critère par un vrai clic sur son bouton radio (balisage a : article ; b : groupe ARIA). */
async function chooseLevel(page: Page, c: LevelCriterion, level: LevelKey): Promise<void> {
  const index = LEVEL_ORDER.filter((k) => c.levels[k] !== undefined).indexOf(level);
  const handle = await page.evaluateHandle(
    (id, i) => {
      const block = Array.from(document.querySelectorAll('main article, main div[role="group"]')).find((b) =>
        Array.from(b.querySelectorAll('h3, span')).some((x) => new RegExp(`^\\s*${id.replace(/\./g, '\\.')}(\\s|$)`).test(x.textContent ?? '')),
      );
      return block?.querySelectorAll('input[type="radio"]')[i] ?? null;
    },
    c.id,
    index,
  );
  const radio = handle.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!radio) throw new Error(`Niveau ${level} de ${c.id} introuvable.`);
  await radio.click();
  await radio.dispose();
}

describe('garde avant validation', () => {
  for (const style of ['a', 'b'] as const) {
    it(`balisage ${style} : « Valider » arrêté avec les bons identifiants ; Échap ferme ; « Valider quand même » passe une fois`, async () => {
      const page = await h.openSim(`${Q}/interoperabilite`, { scenario: 'questionnaires', style });
      await waitPanel(page);
      const o = demarche(await state(page), 3100).orientation as unknown as { validatedAnswers: OrientationAnswers | null };
      expect(acceptableLevels(A08_5_23)).toEqual(['NA', '2', '3']);
      await chooseLevel(page, A08_5_23, '1');
      await expect.poll(async () => demarche(await state(page), 3100).questionnaires.interoperabilite!.answers['A08.5.23']?.level).toBe('1');

      const refusalBefore = JSON.stringify((await state(page)).lastRefusal);
      await clickPageButton(page, 'Valider');
      expect(await guardRefs(page)).toEqual(expectedLevelRefs(o.validatedAnswers, ['A08.5.23']));
      // Le gestionnaire de la page n'a pas tourné : aucun refus enregistré par Convergence.
      expect(JSON.stringify((await state(page)).lastRefusal)).toBe(refusalBefore);

      // Échap (au clavier, dans la fenêtre) ferme et rend le focus au bouton.
      await page.keyboard.press('Escape');
      await expect.poll(() => guardOpen(page)).toBe(false);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value || document.activeElement?.textContent)).toBe('Valider');

      // « Valider quand même » : le clic passe une fois, le simulateur applique ses propres règles (refus : incomplet).
      await clickPageButton(page, 'Valider');
      await clickGuard(page, tGuard('force'));
      await expect.poll(async () => (await state(page)).lastRefusal?.questionnaire).toBe('interoperabilite');
      await expect.poll(() => guardOpen(page)).toBe(false);
      await page.close();
    });
  }
});

describe('réseau', () => {
  it('aucune requête des pages hors du simulateur pendant tout ce qui précède', () => {
    expect(h.requests.length).toBeGreaterThan(PAGE_TOUR.length);
    expect(h.offOrigin).toEqual([]);
  });
});
