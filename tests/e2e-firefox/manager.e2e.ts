// Le gestionnaire des bibliothèques (page d'options) dans Firefox, piloté comme une personne : fichier choisi dans
// le champ (input.setFiles de BiDi), aperçu de l'import avant toute écriture, puis exports téléchargés
// (Blob + <a download>, aucune requête réseau) et relus depuis le dossier des téléchargements.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/manager/strings';
import { clickButton } from './driver';
import { launchFirefox, ROOT, type FirefoxHarness } from './harness';

const FIXTURE = 'bibliotheque.json';
const PRODUCT = 'SantéPlus';

let h: FirefoxHarness;
let page: Page;
beforeAll(async () => {
  h = await launchFirefox();
  forceLanguage(h.uiLanguage);
  page = await h.openOptions();
});
afterAll(async () => {
  await h?.close();
});

/** Un message du protocole envoyé par la page de l'extension (pour vérifier ce que l'arrière-plan a enregistré). */
async function bg<T>(type: string, payload: unknown): Promise<T> {
  const r = (await page.evaluate((ty, p) => chrome.runtime.sendMessage({ type: ty, payload: p }), type, payload)) as { ok: boolean; data: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

const status = () => page.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '');
const click = (name: string | RegExp) => clickButton(page.mainFrame(), name);

/** Le champ fichier par le texte de son étiquette. */
async function fileInput(label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.evaluateHandle((l) => {
    const found = Array.from(document.querySelectorAll('label')).find((x) => (x.textContent ?? '').trim().startsWith(l));
    return (found?.control ?? null) as HTMLInputElement | null;
  }, label);
  const input = handle.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`Champ « ${label} » introuvable.`);
  return input;
}

/** Valeur d'un compteur de l'aperçu d'import (liste de définitions). */
const count = (label: string) =>
  page.evaluate((l) => {
    const row = Array.from(document.querySelectorAll('.mgr-counts div')).find((d) => d.querySelector('dt')?.textContent?.trim() === l);
    return Number(row?.querySelector('dd')?.textContent);
  }, label);

describe("gestionnaire des bibliothèques (page d'options) dans Firefox", () => {
  it('affiche le titre et la promesse de confidentialité', async () => {
    await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent)).toBe(t('title'));
    expect(await page.evaluate(() => document.body.textContent ?? '')).toContain(t('privacy'));
  });

  it("importe une bibliothèque JSON : aperçu d'abord (rien d'écrit), puis « Importer »", async () => {
    const fixture = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', FIXTURE), 'utf8')) as { answers: unknown[] };
    await click(t('libraryNav'));
    const input = await fileInput(t('fImportFile'));
    await input.uploadFile(path.join(ROOT, 'tests', 'fixtures', FIXTURE));
    await input.dispose();
    await click(t('previewImport'));
    await expect.poll(() => page.evaluate(() => Array.from(document.querySelectorAll('h2, h3, h4')).map((x) => x.textContent).join('\n'))).toContain(t('previewTitle', { name: FIXTURE }));
    expect(await count(t('countCreated'))).toBe(fixture.answers.length);
    // Aperçu : rien n'est écrit.
    expect((await bg<{ products: unknown[] }>('products.list', {})).products).toEqual([]);
    expect((await bg<{ operations: unknown[] }>('operations.list', { limit: 200 })).operations).toEqual([]);

    await click(t('doImport'));
    await expect.poll(status).toMatch(new RegExp(`^Import de « ${FIXTURE} » terminé : ${fixture.answers.length} réponse\\(s\\) nouvelle\\(s\\)`));
    const list = await bg<{ products: { product: { id: string; name: string } }[] }>('products.list', {});
    expect(list.products.map((e) => e.product.name)).toEqual([PRODUCT]);
    const answers = await bg<{ answers: unknown[] }>('answers.resolved', { productId: list.products[0]!.product.id });
    expect(answers.answers).toHaveLength(fixture.answers.length);
  });

  it('exporte la bibliothèque en JSON : le fichier téléchargé se relit et contient le produit', async () => {
    const before = h.downloadedFiles();
    await click(t('exportLibraryJson'));
    const file = await h.download(/\.json$/, before);
    const lib = JSON.parse(readFileSync(file, 'utf8')) as { format: string; products: { name: string }[]; answers: unknown[] };
    expect(lib.format).toBe('assistant-convergence');
    expect(lib.products.map((p) => p.name)).toEqual([PRODUCT]);
    expect(lib.answers.length).toBeGreaterThan(0);
    await expect.poll(status).toBe(t('exported', { name: path.basename(file) }));
  });

  it('exporte le produit en Excel depuis son onglet « Import / export » : le classeur le nomme', async () => {
    await click(new RegExp(`^${PRODUCT}\\b`));
    await click(t('tab_echanges'));
    const before = h.downloadedFiles();
    await click(/^Exporter « .* » en Excel$/);
    const file = await h.download(/\.xlsx$/, before);
    const wb = XLSX.read(readFileSync(file));
    expect(wb.SheetNames).toContain('Produit');
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Produit']!, { header: 1 });
    expect(rows.flat().join(' ')).toContain(PRODUCT);
  });

  it('aucune requête des pages hors du simulateur', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
