import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { launchExtension, ROOT, type Harness } from './harness.mjs';
import { TRACKING_HEADER, trackingWorkbook } from './workbooks';

// Le gestionnaire des bibliothèques (page d'options) piloté comme une personne : par les libellés et les rôles.

let h: Harness;
let page: Page;
const PRODUCT = 'SantéPlus Suivi';
const VARIANT = `${PRODUCT} Android Mobile`;
const FILE = 'suivi-conformite.xlsx';
/** Le bouton de la famille dans la liste (« SantéPlus Suivi v2.1 Cas nominal »), distinct de celui de la variante. */
const FAMILY = new RegExp(`^${PRODUCT} v2\\.1`);

/** Un message du protocole envoyé par la page de l'extension (pour vérifier ce que l'arrière-plan a enregistré). */
async function bg<T>(type: string, payload: unknown): Promise<T> {
  const r = (await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as { ok: boolean; data: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

async function productId(): Promise<string> {
  const list = await bg<{ products: { product: { id: string; name: string } }[] }>('products.list', {});
  const p = list.products.find((e) => e.product.name === PRODUCT);
  if (!p) throw new Error('produit absent');
  return p.product.id;
}

const status = () => page.getByRole('status');
const alert = () => page.getByRole('alert');
const nav = () => page.getByRole('navigation', { name: 'Bibliothèques' });

async function openScope(name: string | RegExp) {
  await nav().getByRole('button', { name }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mgr-view-heading');
}

async function openTab(name: string) {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/** Valeur d'un compteur de l'aperçu d'import (liste de définitions). */
async function count(label: string): Promise<number> {
  const text = await page.locator('.mgr-counts div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').textContent();
  return Number(text);
}

beforeAll(async () => {
  h = await launchExtension();
  page = await h.openOptions();
});
afterAll(async () => {
  await h?.close();
});

describe('gestionnaire des bibliothèques (page d\'options)', () => {
  it('affiche le titre, la promesse de confidentialité, et invite à créer un produit', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bibliothèques de réponses');
    expect(await page.getByText("Vos réponses restent dans ce navigateur : rien n'est envoyé sur Internet.").isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Annuler la dernière opération' }).isDisabled()).toBe(true);
    // La liste arrive de l'arrière-plan après le premier rendu (service réveillé, base ouverte) : on l'attend.
    await expect.poll(() => nav().getByText('Aucun produit.').isVisible()).toBe(true);
  });

  it('crée un produit par le formulaire (champs obligatoires vérifiés, focus sur le premier champ en erreur)', async () => {
    await nav().getByRole('button', { name: 'Nouveau produit' }).click();
    await page.getByRole('button', { name: 'Créer le produit' }).click();
    expect(await page.getByText('« Nom du produit » est obligatoire.').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe('nouveau-produit-nom');
    expect((await bg<{ products: unknown[] }>('products.list', {})).products).toEqual([]);

    await page.getByLabel('Nom du produit').fill(PRODUCT);
    await page.getByLabel('Version').fill('v2.1');
    await page.getByRole('radio', { name: 'Socle' }).check();
    await page.getByLabel('Responsable').fill('Camille Martin');
    await page.getByLabel('Description de produit').fill('Suivi des constantes à domicile');
    await page.getByLabel("N° d'identification (NIL délivré par le CNDA)").fill('1234654TY');
    await page.getByLabel('N° Convergence').fill('3100');
    await page.getByRole('checkbox', { name: '1. Catalogue de services de Mon espace santé' }).check();
    await page.getByRole('button', { name: 'Créer le produit' }).click();

    await expect.poll(() => status().textContent()).toBe(`Produit « ${PRODUCT} » créé.`);
    expect(await page.getByRole('heading', { level: 2, name: new RegExp(PRODUCT) }).isVisible()).toBe(true);
    const list = await bg<{ products: { product: Record<string, unknown> }[] }>('products.list', {});
    expect(list.products[0]?.product).toMatchObject({
      name: PRODUCT,
      version: 'v2.1',
      type: 'socle',
      nil: '1234654TY',
      responsable: 'Camille Martin',
      convergenceNumber: '3100',
      interests: ['1. Catalogue de services de Mon espace santé'],
      role: { kind: 'nominal' },
    });
    expect(await nav().getByRole('button', { name: FAMILY }).getAttribute('aria-current')).toBe('page');
  });

  it('les onglets du produit suivent le motif ARIA (flèches, panneau nommé)', async () => {
    const first = page.getByRole('tab', { name: 'Réponses' });
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    const second = page.getByRole('tab', { name: 'Préparation' });
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Préparation');
    expect(await page.getByRole('tabpanel', { name: 'Préparation' }).isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'Produit' }).getAttribute('aria-selected')).toBe('true');
  });

  it('ajoute une variante Android ; le nom ANS est montré et la variante apparaît dans la liste', async () => {
    await openTab('Produit');
    await page.getByRole('button', { name: 'Ajouter une variante OS' }).click();
    await page.getByRole('combobox', { name: /^OS/ }).selectOption({ label: 'Android' });
    await page.getByLabel('Appareil').selectOption({ label: 'Mobile' });
    await page.getByLabel('Nom commercial').fill('SantéPlus');
    expect(await page.getByText(`Nom ANS : ${VARIANT}`, { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Ajouter la variante' }).click();
    await expect.poll(() => status().textContent()).toBe(`Variante « ${VARIANT} » ajoutée.`);
    expect(await nav().getByRole('button', { name: VARIANT }).getAttribute('aria-current')).toBe('page');
    const list = await bg<{ products: { variants: { os: string; device: string; commercialName?: string }[]; displayNames: Record<string, string> }[] }>('products.list', {});
    expect(list.products[0]?.variants).toEqual([expect.objectContaining({ os: 'android', device: 'mobile', commercialName: 'SantéPlus' })]);
    expect(Object.values(list.products[0]?.displayNames ?? {})).toEqual([VARIANT]);
  });

  it('remplit la fiche administrative (SIRET vérifié) et la relit', async () => {
    await nav().getByRole('button', { name: 'Fiche administrative' }).click();
    await page.getByLabel('Dénomination ou raison sociale').fill('Santé Numérique SAS');
    await page.getByLabel('Forme juridique').fill('SAS');
    await page.getByLabel('Adresse du siège').fill('1 rue de la Santé, 75014 Paris');
    await page.getByLabel('SIRET').fill('1234');
    await page.getByRole('button', { name: 'Enregistrer la fiche administrative' }).click();
    expect(await page.getByText('SIRET : 14 chiffres attendus.').isVisible()).toBe(true);
    expect(await bg('company.get', {})).toBeNull();
    await page.getByLabel('SIRET').fill('12345678901234');
    await page.getByLabel('Nom', { exact: true }).fill('Durand');
    await page.getByLabel('Prénom').fill('Pierre');
    await page.getByLabel('Adresse e-mail').fill('pierre.durand@example.fr');
    await page.getByRole('button', { name: 'Enregistrer la fiche administrative' }).click();
    await expect.poll(() => status().textContent()).toBe('Fiche administrative enregistrée.');
    expect(await bg('company.get', {})).toMatchObject({
      denomination: 'Santé Numérique SAS',
      formeJuridique: 'SAS',
      siret: '12345678901234',
      representantNom: 'Durand',
      representantPrenom: 'Pierre',
      extra: { 'Adresse e-mail': 'pierre.durand@example.fr' },
    });
    // Relue au retour sur la vue.
    await nav().getByRole('button', { name: 'Import, export et historique' }).click();
    await nav().getByRole('button', { name: 'Fiche administrative' }).click();
    await expect.poll(() => page.getByLabel('Dénomination ou raison sociale').inputValue()).toBe('Santé Numérique SAS');
  });

  it('importe un tableur : aperçu (rien écrit), « Importer », réponses avec provenance, préparation, puis annulation', async () => {
    await openScope(FAMILY);
    await openTab('Import / export');
    const opsBefore = (await bg<{ operations: unknown[] }>('operations.list', { limit: 200 })).operations.length;
    await page.getByLabel('Fichier à importer').setInputFiles({ name: FILE, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: trackingWorkbook({
      'Maturité Sécurité': [[...TRACKING_HEADER], ['04.03', "Niveau de garantie de l'identification électronique", 'Obligation', '1, 2, 3', 'Niveau 2', '']],
      Notes: [['Notes libres'], ['rien à lire ici']],
    }) });
    await page.getByRole('button', { name: "Prévisualiser l'import" }).click();
    const previewHeading = page.getByRole('heading', { name: `Aperçu de l'import de « ${FILE} »` });
    await previewHeading.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Aperçu de l'import de « ${FILE} »`);
    expect(await count('Nouvelles réponses')).toBe(3);
    expect(await count('Réponses modifiées')).toBe(0);
    expect(await count('Réponses en conflit')).toBe(0);
    expect(await page.getByText('Notes', { exact: true }).isVisible()).toBe(true); // feuille ignorée, signalée
    const rows = page.locator('.mgr-preview tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.filter({ hasText: 'A08.5.23' }).textContent()).toContain('Nouveau');
    // Aperçu : rien n'est écrit.
    const pid = await productId();
    expect((await bg<{ answers: unknown[] }>('answers.resolved', { productId: pid })).answers).toEqual([]);
    expect((await bg<{ operations: unknown[] }>('operations.list', { limit: 200 })).operations.length).toBe(opsBefore);

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => status().textContent()).toMatch(new RegExp(`^Import de « ${FILE} » terminé : 3 réponse\\(s\\) nouvelle\\(s\\)`));
    const stored = await bg<{ answers: { answer: { criterionId: string; provenance: { kind: string; ref: string } } }[] }>('answers.resolved', { productId: pid });
    expect(stored.answers.map((a) => a.answer.criterionId).sort()).toEqual(['04.03', 'A06.1.1', 'A08.5.23']);
    expect(await page.getByRole('button', { name: 'Annuler la dernière opération' }).isEnabled()).toBe(true);
    expect(await page.getByText(`Dernière opération : Import de « ${FILE} »`).isVisible()).toBe(true);

    // Réponses de la famille : groupées par questionnaire, avec leur provenance.
    await openTab('Réponses');
    const interop = page.getByRole('table', { name: 'Réponses du questionnaire Interopérabilité' });
    await interop.waitFor();
    const row = interop.getByRole('row', { name: /A08\.5\.23/ });
    expect(await row.textContent()).toContain('Niveau 1');
    expect(await row.textContent()).toContain('Affichage prévu en v3');
    expect(await row.textContent()).toContain(`Importé du fichier « ${FILE} — `);
    expect(await row.textContent()).toContain('Famille');
    expect(await row.textContent()).toContain('Consommateur de documents CDA (illustratif)');
    expect(await interop.getByRole('row', { name: /A06\.1\.1/ }).textContent()).toContain('Maturité moyenne');
    expect(await page.getByRole('table', { name: 'Réponses du questionnaire Maturité Sécurité' }).getByRole('row', { name: /04\.03/ }).isVisible()).toBe(true);

    // La variante Android hérite des réponses de sa famille.
    await openScope(VARIANT);
    await openTab('Réponses');
    const variantRow = page.getByRole('table', { name: 'Réponses du questionnaire Interopérabilité' }).getByRole('row', { name: /A08\.5\.23/ });
    await variantRow.waitFor();
    expect(await variantRow.textContent()).toContain('Famille');

    // Préparation : le critère obligatoire sous son minimum est un point bloquant.
    await openScope(FAMILY);
    await openTab('Préparation');
    const blockers = page.getByRole('region', { name: /^Points bloquants/ });
    await blockers.waitFor();
    const report = await bg<{ findings: { severity: string; criterionId?: string }[]; dossierGenerable: { ok: boolean } }>('readiness.get', { productId: pid, variantId: '' });
    const blockerIds = report.findings.filter((f) => f.severity === 'bloquant' && f.criterionId).map((f) => f.criterionId);
    expect(blockerIds).toContain('A08.5.23');
    const items = blockers.getByRole('listitem');
    expect(await items.count()).toBe(report.findings.filter((f) => f.severity === 'bloquant').length);
    expect(await items.filter({ hasText: 'A08.5.23' }).textContent()).toMatch(/À faire :/);
    const verdicts = page.locator('.mgr-verdict');
    expect(await verdicts.nth(0).textContent()).toContain(report.dossierGenerable.ok ? "Dossier d'évaluation générable" : "Dossier d'évaluation non générable");
    expect(await verdicts.nth(1).textContent()).toContain('Pas encore prêt à candidater');

    // Annuler la dernière opération : l'import disparaît.
    await page.getByRole('button', { name: 'Annuler la dernière opération' }).click();
    await expect.poll(() => status().textContent()).toBe(`Opération annulée : Import de « ${FILE} ».`);
    expect((await bg<{ answers: unknown[] }>('answers.resolved', { productId: pid })).answers).toEqual([]);
    await openTab('Réponses');
    await expect.poll(() => page.getByText(/^Aucune réponse\./).isVisible()).toBe(true);
  });

  it('refuse un fichier qui n\'est pas un classeur ou un niveau inconnu, en français, sans rien écrire', async () => {
    const pid = await productId();
    await openTab('Import / export');
    const opsBefore = (await bg<{ operations: unknown[] }>('operations.list', { limit: 200 })).operations.length;
    for (const [name, expected] of [
      ['pas-un-classeur.xlsx', /Fichier « pas-un-classeur\.xlsx » : ce n'est pas un classeur/],
      ['niveau-inconnu.xlsx', /Fichier « niveau-inconnu\.xlsx » refusé.*feuille « Interopérabilité », ligne 2, colonne C : niveau inconnu « Excellent »/],
    ] as const) {
      await page.getByLabel('Fichier à importer').setInputFiles(path.join(ROOT, 'tests', 'fixtures', name));
      await page.getByRole('button', { name: "Prévisualiser l'import" }).click();
      await expect.poll(() => alert().textContent()).toMatch(expected);
      expect(await page.getByRole('heading', { name: /^Aperçu de l'import/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Importer', exact: true }).count()).toBe(0);
      await alert().getByRole('button', { name: 'Masquer le message' }).click();
    }
    expect((await bg<{ answers: unknown[] }>('answers.resolved', { productId: pid })).answers).toEqual([]);
    expect((await bg<{ operations: unknown[] }>('operations.list', { limit: 200 })).operations.length).toBe(opsBefore);
  });

  it('exporte la bibliothèque en JSON (téléchargement local) : le fichier se relit et contient le produit', async () => {
    await nav().getByRole('button', { name: 'Import, export et historique' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter toute la bibliothèque en JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = path.join(ROOT, '.output', 'test-results', `manager-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const lib = JSON.parse(readFileSync(file, 'utf8')) as { format: string; products: { name: string; convergenceNumber?: string }[]; variants: unknown[]; companies: { denomination: string }[] };
    expect(lib.format).toBe('assistant-convergence');
    expect(lib.products).toEqual([expect.objectContaining({ name: PRODUCT, convergenceNumber: '3100' })]);
    expect(lib.variants).toHaveLength(1);
    expect(lib.companies.map((c) => c.denomination)).toEqual(['Santé Numérique SAS']);
    await expect.poll(() => status().textContent()).toBe(`Fichier « ${download.suggestedFilename()} » prêt au téléchargement.`);
    // Le journal montre les dernières opérations, l'annulation comprise.
    const journal = page.getByRole('table', { name: 'Dernières opérations' });
    expect(await journal.getByRole('row', { name: new RegExp(`Annulation : Import de « ${FILE} »`) }).isVisible()).toBe(true);
    expect(await journal.getByRole('row', { name: new RegExp(`^.*Import de « ${FILE} »`) }).first().isVisible()).toBe(true);
  });

  it('exporte la variante en Excel : le classeur nomme la variante', async () => {
    await openScope(VARIANT);
    await openTab('Import / export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Exporter « ${VARIANT} » en Excel` }).click()]);
    const file = path.join(ROOT, '.output', 'test-results', `manager-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const wb = XLSX.read(readFileSync(file));
    expect(wb.SheetNames).toContain('Produit');
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Produit']!, { header: 1 });
    expect(rows).toContainEqual(['Nom ANS', VARIANT]);
  });

  it('ajoute une preuve et la liste avec son nom, sa taille, son type et son empreinte SHA-256', async () => {
    await openScope(FAMILY);
    await openTab('Preuves');
    await expect.poll(() => page.getByText('Aucune preuve.').isVisible()).toBe(true);
    const content = Buffer.from('%PDF-1.4\n% politique de confidentialité (test)\n');
    await page.getByLabel('Type de preuve').fill('Politique de confidentialité');
    await page.getByLabel(/^Fichier\b/).setInputFiles({ name: 'politique.pdf', mimeType: 'application/pdf', buffer: content });
    await page.getByRole('button', { name: 'Ajouter la preuve' }).click();
    await expect.poll(() => status().textContent()).toBe('Preuve « politique.pdf » ajoutée (Politique de confidentialité).');
    const row = page.getByRole('table', { name: 'Preuves' }).getByRole('row', { name: /politique\.pdf/ });
    const text = await row.textContent();
    const sha = createHash('sha256').update(content).digest('hex');
    expect(text).toContain('Politique de confidentialité');
    expect(text).toContain(`${content.length} o`);
    expect(text).toContain('application/pdf');
    expect(text).toContain(sha.slice(0, 12));
    const pid = await productId();
    const files = await bg<{ files: { name: string; hash: string; size: number }[] }>('evidence.list', { productId: pid, variantId: '' });
    expect(files.files).toEqual([expect.objectContaining({ name: 'politique.pdf', hash: sha, size: content.length })]);
    // Visible aussi depuis la variante (preuve de la famille).
    await openScope(VARIANT);
    await openTab('Preuves');
    const vrow = page.getByRole('table', { name: 'Preuves' }).getByRole('row', { name: /politique\.pdf/ });
    await vrow.waitFor();
    expect(await vrow.textContent()).toContain('Famille');
  });

  it('supprime la variante après confirmation, puis l\'annulation la rétablit', async () => {
    await openTab('Variante');
    await page.getByRole('button', { name: 'Supprimer cette variante…' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer la suppression');
    await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect.poll(() => status().textContent()).toMatch(new RegExp(`^Variante « ${VARIANT} » supprimée`));
    expect(await nav().getByRole('button', { name: VARIANT }).count()).toBe(0);
    await page.getByRole('button', { name: 'Annuler la dernière opération' }).click();
    await expect.poll(() => nav().getByRole('button', { name: VARIANT }).count()).toBe(1);
  });

  it('sauvegarde complète → bibliothèque vidée → restauration : tout revient, contenus des preuves compris (SHA-256)', async () => {
    const snapshot = async () => {
      const list = await bg<{ products: { product: { id: string; name: string }; variants: { id: string }[] }[] }>('products.list', {});
      const out: Record<string, unknown> = {};
      for (const e of list.products) {
        const files = await bg<{ files: { id: string; name: string; hash: string }[] }>('evidence.list', { productId: e.product.id, variantId: '' });
        const answers = await bg<{ answers: { answer: { criterionId: string; comment: string; value: unknown } }[] }>('answers.resolved', { productId: e.product.id, variantId: '' });
        // Les octets de chaque preuve, relus depuis la base (le contenu que la sauvegarde lirait) et comparés par leur empreinte.
        const bytes = await Promise.all(
          files.files.map(async (f) => {
            const c = await bg<{ contentBase64: string }>('backup.blob', { sha256: f.hash });
            return { name: f.name, hash: f.hash, sha: createHash('sha256').update(Buffer.from(c.contentBase64, 'base64')).digest('hex') };
          }),
        );
        out[e.product.name] = { variants: e.variants.length, answers: answers.answers.map((a) => [a.answer.criterionId, a.answer.value, a.answer.comment]), bytes };
      }
      return out;
    };
    const before = await snapshot();
    const withFiles = Object.values(before).filter((x) => (x as { bytes: unknown[] }).bytes.length > 0);
    expect(withFiles.length).toBeGreaterThan(0);
    for (const x of withFiles) for (const b of (x as { bytes: { hash: string; sha: string }[] }).bytes) expect(b.sha).toBe(b.hash);

    await nav().getByRole('button', { name: 'Import, export et historique' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger une sauvegarde complète' }).click()]);
    const file = path.join(ROOT, '.output', 'test-results', `manager-${download.suggestedFilename()}`);
    await download.saveAs(file);

    // La bibliothèque vidée : chaque produit supprimé.
    for (const e of (await bg<{ products: { product: { id: string } }[] }>('products.list', {})).products) {
      await bg('product.delete', { id: e.product.id, author: 'e2e' }).catch(() => undefined);
    }
    for (const e of (await bg<{ products: { product: { id: string } }[] }>('products.list', {})).products) await bg('product.delete', { id: e.product.id, author: 'e2e' });
    expect((await bg<{ products: unknown[] }>('products.list', {})).products).toEqual([]);

    await page.reload();
    await nav().getByRole('button', { name: 'Import, export et historique' }).click();
    await page.getByLabel('Fichier de sauvegarde complète (.json)').setInputFiles(file);
    await page.getByRole('button', { name: 'Vérifier la sauvegarde' }).click();
    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/restaurée/);
    expect(await snapshot()).toEqual(before);
  });

  it('aucune requête réseau hors du simulateur', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
