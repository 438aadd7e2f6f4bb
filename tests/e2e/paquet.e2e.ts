import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { launchExtension, ROOT, type Harness } from './harness.mjs';
import { capture, demarche, fill, goto, panel, state, waitPanel, type SimAnswers } from './panel';
import { LEVEL_ORDER, MATURITE_SECURITE } from '../simulator/src/data/index.ts';

// Issue 10 : un producteur et un distributeur, deux profils de navigateur (deux bibliothèques, deux clés) ;
// le paquet passe de l'un à l'autre par un fichier téléchargé, comme entre deux entreprises.

type Spec = SimAnswers[string] & { specificite?: 'Oui' | 'Non' };
const PRODUCER = /^Solution d'éditeur producteur v1/;
const DISTRIBUTOR = /^Solution d'éditeur distributeur v1/;
const OUT = path.join(ROOT, '.output', 'test-results');

let prod: Harness;
let dist: Harness;
let producerAnswers: Record<string, Spec>;
let confidentialId: string;
let fingerprint: string;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Le bloc d'un critère sur la page du simulateur, par son identifiant affiché (balisage a ou b). */
function criterion(page: Page, id: string): Locator {
  return page
    .locator('main article, main div[role="group"]')
    .filter({ has: page.locator('h3, span', { hasText: new RegExp(`^\\s*${escapeRe(id)}(\\s|$)`) }) })
    .first();
}

async function openScope(page: Page, name: string | RegExp) {
  await page.getByRole('navigation', { name: 'Bibliothèques' }).getByRole('button', { name }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mgr-view-heading');
}

/** Le producteur construit un paquet par le gestionnaire ; rend le chemin du fichier téléchargé. */
async function buildPackage(options: Page, name: string, confidential: boolean): Promise<string> {
  await openScope(options, PRODUCER);
  await options.getByRole('tab', { name: 'Import / export' }).click();
  await options.getByRole('button', { name: 'Partager avec un distributeur' }).click();
  const box = options.getByRole('checkbox', { name: `Commentaire de ${confidentialId} confidentiel` });
  await box.waitFor();
  if (confidential && !(await box.isChecked())) await box.check();
  await expect.poll(() => options.getByText(/1 commentaire\(s\) confidentiel\(s\) retenu\(s\)/).count()).toBe(1);
  // Preuves : description seule par défaut (aucun contenu coché).
  expect(await options.getByRole('checkbox', { name: /Inclure le contenu/, checked: true }).count()).toBe(0);
  expect(await options.getByText('Les 16 critères susceptibles de différer en marque blanche (guide ANS)').isVisible()).toBe(true);
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Écrire le paquet' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.convergence-paquet$/);
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

/** Le distributeur importe le fichier par le gestionnaire, jusqu'à l'aperçu vérifié. */
async function inspectPackage(options: Page, file: string) {
  await openScope(options, 'Import, export et historique');
  await options.getByLabel('Paquet producteur (.convergence-paquet)').setInputFiles(file);
  await options.getByRole('button', { name: 'Vérifier le paquet' }).click();
  await options.getByRole('heading', { name: /Paquet de « Producteur SAS » : signature valide/ }).waitFor();
}

beforeAll(async () => {
  [prod, dist] = await Promise.all([launchExtension(), launchExtension()]);
  forceLanguage(prod.uiLanguage);
});
afterAll(async () => {
  await Promise.all([prod?.close(), dist?.close()]);
});

describe('paquet producteur entre deux profils de navigateur', () => {
  let file1: string;

  it('le producteur enregistre ses réponses, puis construit un paquet signé (un commentaire confidentiel, preuves décrites)', async () => {
    const page = await prod.openSim('/produits/2726/demarches/mes/questionnaires/maturite-securite', { scenario: 'producteur' });
    await waitPanel(page);
    expect(await capture(page)).toMatch(/nouvelle\(s\)/);
    producerAnswers = demarche(await state(page), 2726).questionnaires['maturite-securite']!.validated!.answers as Record<string, Spec>;
    confidentialId = Object.entries(producerAnswers).find(([, a]) => a.specificite === 'Non' && a.comment)![0];
    // La dénomination du paquet vient de la fiche administrative, saisie dans le gestionnaire.
    const options = await prod.openOptions();
    await openScope(options, 'Fiche administrative');
    await options.getByLabel('Dénomination ou raison sociale').fill('Producteur SAS');
    await options.getByRole('button', { name: 'Enregistrer la fiche administrative' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Fiche administrative enregistrée.');
    await openScope(options, 'Import, export et historique');
    fingerprint = (await options.locator('.mgr-fingerprint').first().textContent())!.trim();
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    file1 = await buildPackage(options, 'v1', true);
  });

  it('le distributeur importe le paquet : empreinte montrée et confirmée, produit du producteur en lecture seule', async () => {
    const page = await dist.openSim('/produits/2742/demarches/mes/questionnaires/maturite-securite', { scenario: 'distributeur' });
    await waitPanel(page);
    await capture(page);
    const options = await dist.openOptions();
    await inspectPackage(options, file1);
    expect((await options.locator('.mgr-preview .mgr-fingerprint').textContent())!.trim()).toBe(fingerprint);
    const importBtn = options.getByRole('button', { name: 'Importer le paquet' });
    expect(await importBtn.isDisabled()).toBe(true);
    await options.getByRole('checkbox', { name: "J'ai comparé cette empreinte avec celle que le producteur m'a lue" }).check();
    await options.getByLabel('Votre produit distributeur').selectOption({ label: "Solution d'éditeur distributeur v1" });
    await importBtn.click();
    await expect.poll(() => options.getByRole('status').textContent()).toMatch(/Paquet de « Producteur SAS » du \d{2}\/\d{2}\/\d{4} importé/);
    await openScope(options, PRODUCER);
    await expect.poll(() => options.getByText(/Lecture seule : ce produit vient d'un paquet producteur/).count()).toBe(1);

    // Remplir la page du distributeur : spécificité « Non » remplie, « Oui » laissée, commentaire confidentiel absent.
    // Comme une personne : l'onglet Convergence repasse au premier plan avant « Remplir la page ».
    await page.bringToFront();
    await goto(page, '/produits/2742/demarches/mes/questionnaires/maturite-securite');
    await expect.poll(async () => (await panel(page).locator('.ac-why').last().textContent()) ?? '').toMatch(/éditeur producteur/);
    await fill(page);
    const got = demarche(await state(page), 2742).questionnaires['maturite-securite']!.answers;
    const shared = Object.entries(producerAnswers).filter(([, a]) => a.specificite === 'Non').map(([id]) => id);
    const specific = Object.entries(producerAnswers).filter(([, a]) => a.specificite === 'Oui').map(([id]) => id);
    expect(specific.length).toBeGreaterThan(0);
    for (const id of shared) expect(got[id]?.level, id).toBe(producerAnswers[id]!.level);
    for (const id of specific) expect(got[id]?.level, id).toBeUndefined();
    expect(got[confidentialId]?.comment ?? '').not.toBe(producerAnswers[confidentialId]!.comment);

    // « Oui » : signalés « à répondre par le distributeur » dans la préparation.
    await openScope(options, DISTRIBUTOR);
    await options.getByRole('tab', { name: 'Préparation' }).click();
    await expect.poll(() => options.getByText(/à répondre par le distributeur/).count()).toBeGreaterThan(0);
  });

  it('mise à jour : le distributeur voit les différences et ses réponses « à revoir »', async () => {
    const [changedId, was] = Object.entries(producerAnswers).find(([id, a]) => a.specificite === 'Non' && id !== confidentialId && a.level)!;
    const level = was.level === '3' ? '2' : '3';
    // Le vrai chemin : le producteur change le niveau sur sa page du questionnaire, puis « Enregistrer les réponses ».
    const page = await prod.openSim('/produits/2726/demarches/mes/questionnaires/maturite-securite', { scenario: 'producteur' });
    await waitPanel(page);
    const c = MATURITE_SECURITE.criteria.find((x) => x.id === changedId)!;
    const offered = LEVEL_ORDER.filter((k) => c.levels[k] !== undefined);
    await criterion(page, changedId).locator('input[type="radio"]').nth(offered.indexOf(level)).check();
    expect(await capture(page)).toMatch(/ 1 modifiée\(s\)/);
    const options = await prod.openOptions();
    const file2 = await buildPackage(options, 'v2', false);

    const d = await dist.openOptions();
    await inspectPackage(d, file2);
    expect(await d.getByText(/Mise à jour du paquet n° 1 par le paquet n° 2/).isVisible()).toBe(true);
    const diff = d.getByRole('table', { name: 'Différences avec le paquet précédent' });
    expect(await diff.getByRole('row', { name: new RegExp(`^${changedId.replace('.', '\\.')} Modifié`) }).count()).toBe(1);
    expect(await d.getByRole('list', { name: 'Vos réponses qui deviennent « à revoir »' }).getByText(new RegExp(`^${changedId.replace('.', '\\.')}`)).count()).toBe(1);
    await d.getByRole('button', { name: 'Importer le paquet' }).click();
    await expect.poll(() => d.getByRole('status').textContent()).toMatch(/1 réponse\(s\) à revoir/);
    await openScope(d, DISTRIBUTOR);
    await expect.poll(() => d.getByRole('list', { name: 'Réponses à revoir' }).getByText(new RegExp(`${changedId.replace('.', '\\.')} — à revoir \\(changé par la mise à jour du paquet\\)`)).count()).toBe(1);
  });

  it('aucune requête réseau hors du simulateur', () => {
    expect(prod.offOrigin).toEqual([]);
    expect(dist.offOrigin).toEqual([]);
  });
});
