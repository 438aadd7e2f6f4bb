import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { launchExtension, ROOT, type Harness } from './harness.mjs';
import { capture, demarche, fill, goto, state } from './panel';

// Issue 11 § 1 sur l'extension construite : une réponse modifiée dans le gestionnaire est celle que « Remplir la
// page » écrit sur le simulateur (état du framework vérifié) ; une date de revue changée en lot, avec aperçu,
// puis annulée d'un coup.

let h: Harness;
let sim: Page;
let manager: Page;
const CRITERION = 'A08.5.23';
const COMMENT = 'Modifié dans le gestionnaire : affichage CDA structuré depuis la v3.2';

beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
});
afterAll(async () => {
  await h?.close();
});

/** Un message du protocole envoyé par la page du gestionnaire (pour vérifier ce que l'arrière-plan a gardé). */
async function bg<T>(type: string, payload: unknown): Promise<T> {
  const r = (await manager.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as { ok: boolean; data: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

type Resolved = { answers: { criterionKey: string; answer: { criterionId: string; questionnaire: string; validUntil?: string; comment: string } }[] };

async function productId(): Promise<string> {
  const list = await bg<{ products: { product: { id: string; name: string } }[] }>('products.list', {});
  const p = list.products.find((e) => e.product.name === 'Produit');
  if (!p) throw new Error('bibliothèque « Produit » absente');
  return p.product.id;
}

const status = () => manager.getByRole('status');

/**
 * Les violations « serious » ou « critical » d'axe-core (WCAG 2.1 A/AA) dans l'état ouvert du gestionnaire
 * (éditeur, historique, aperçu du lot), que le passage général des vues ne voit pas fermées.
 */
async function seriousViolations(): Promise<string[]> {
  if (!(await manager.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')))
    await manager.evaluate(readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return manager.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    // Aucune règle passée : axe n'a rien examiné, ce ne serait pas un résultat.
    if (r.passes.length === 0) return ['axe-core : aucune règle examinée'];
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')} ${n.html.slice(0, 160)}`));
  });
}

describe('modifier les réponses là où elles sont rangées', () => {
  it("une réponse modifiée dans le gestionnaire est celle que « Remplir la page » écrit", async () => {
    sim = await h.openSim('/produits/3100/demarches/mes/questionnaires/interoperabilite', { scenario: 'pret', style: 'a' });
    const validated = demarche(await state(sim), 3100).questionnaires.interoperabilite!.validated!.answers;
    expect(validated[CRITERION]?.level, 'niveau validé du simulateur').toBeTruthy();
    expect(await capture(sim)).toMatch(/nouvelle\(s\)/);
    // Un autre niveau acceptable (NA, 2, 3) que celui de la page.
    const next = validated[CRITERION]!.level === '3' ? '2' : '3';

    manager = await h.openOptions();
    // « Votre nom » (réglages, storage.local) devient l'auteur des opérations du gestionnaire.
    await manager.getByRole('navigation', { name: 'Bibliothèques' }).getByRole('button', { name: 'Réglages' }).click();
    await manager.getByLabel('Nom noté dans le journal').fill('Camille Martin');
    await manager.getByRole('button', { name: 'Enregistrer le nom' }).click();
    await expect.poll(() => status().textContent()).toBe('Nom enregistré : « Camille Martin ».');
    await manager.getByRole('navigation', { name: 'Bibliothèques' }).getByRole('button', { name: /^Produit v0\.1/ }).click();
    await manager.getByRole('button', { name: `Modifier la réponse à ${CRITERION}` }).click();
    const form = manager.getByRole('form', { name: `Modifier la réponse à ${CRITERION}` });
    // Le focus va au titre de l'éditeur ; les niveaux acceptables sont montrés.
    await expect.poll(() => manager.evaluate(() => document.activeElement?.textContent)).toBe(`Modifier la réponse à ${CRITERION}`);
    expect(await form.getByText('Niveaux acceptables : NA, 2, 3').isVisible()).toBe(true);
    // Un niveau sous le minimum est signalé dès qu'il est choisi, au clavier.
    await form.getByRole('radio', { name: /^Niveau 1/ }).check();
    await expect.poll(() => form.locator('[aria-live="polite"]').textContent()).toMatch(/^Niveau 1 : sous le niveau minimum/);
    await form.getByRole('radio', { name: new RegExp(`^Niveau ${next}`) }).check();
    await expect.poll(() => form.locator('[aria-live="polite"]').textContent()).toBe('');
    expect(await seriousViolations(), 'éditeur ouvert').toEqual([]);
    await form.getByLabel('Commentaire', { exact: true }).fill(COMMENT);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => status().textContent()).toBe(`Réponse à ${CRITERION} enregistrée.`);
    await expect.poll(() => manager.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Modifier la réponse à ${CRITERION}`);

    // L'historique : la capture puis la modification, avec leur auteur ; clavier : Échap le ferme.
    await manager.getByRole('button', { name: `Historique de ${CRITERION}` }).click();
    const history = manager.getByRole('table', { name: `Modifications de la réponse à ${CRITERION}, de la plus récente à la plus ancienne` });
    await expect.poll(() => history.locator(':scope > tbody > tr').count()).toBe(2);
    const rows = await history.locator(':scope > tbody > tr').allTextContents();
    expect(rows[0]).toContain('Camille Martin');
    expect(rows[0]).toContain(`Modification de la réponse ${CRITERION} (gestionnaire)`);
    expect(rows[1]).toContain('Capture depuis');
    expect(await seriousViolations(), 'historique ouvert').toEqual([]);
    await manager.keyboard.press('Escape');
    await expect.poll(() => manager.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Historique de ${CRITERION}`);

    await goto(sim, '/produits/3101/demarches/mes/questionnaires/interoperabilite', 'b');
    const counts = await fill(sim, 'Produit v0.1');
    expect(counts.conflict).toBe(0);
    const filled = demarche(await state(sim), 3101).questionnaires.interoperabilite!.answers;
    expect(filled[CRITERION]).toMatchObject({ level: next, comment: COMMENT });
    // Les autres critères gardent la valeur capturée.
    for (const [id, a] of Object.entries(validated)) if (id !== CRITERION) expect(filled[id]?.level, id).toBe(a.level);
    // Parcours long (capture, modification, historique, trois analyses axe, remplissage) : délai large sur une machine chargée.
  }, 120_000);

  it('date de revue changée en lot avec aperçu, puis « Annuler la dernière opération » rend les dates d\'avant', async () => {
    const id = await productId();
    const before = (await bg<Resolved>('answers.resolved', { productId: id })).answers.filter((a) => a.answer.questionnaire === 'interoperabilite');
    expect(before.length).toBeGreaterThan(3);

    await manager.getByRole('button', { name: 'Modifier plusieurs réponses…' }).click();
    await expect.poll(() => manager.evaluate(() => document.activeElement?.textContent)).toBe('Modifier plusieurs réponses');
    await manager.getByLabel('Questionnaire', { exact: true }).selectOption({ label: 'Interopérabilité' });
    await manager.getByRole('button', { name: `Sélectionner les ${before.length} critère(s) filtrés` }).click();
    expect(await manager.getByText(`${before.length} critère(s) correspondent au filtre, ${before.length} sélectionné(s).`).isVisible()).toBe(true);
    await manager.getByLabel('Date de revue', { exact: true }).fill('2027-06-30');
    await manager.getByRole('button', { name: 'Aperçu des changements' }).click();

    const preview = manager.getByRole('table', { name: 'Changements prévus, critère par critère' });
    await expect.poll(() => preview.locator(':scope > tbody > tr').count()).toBe(before.length);
    expect(await preview.getByRole('row', { name: new RegExp(`^${CRITERION.replace(/\./g, '\\.')}`) }).textContent()).toContain('30/06/2027');
    expect(await seriousViolations(), 'aperçu du lot').toEqual([]);
    // Rien n'est écrit par l'aperçu.
    expect((await bg<Resolved>('answers.resolved', { productId: id })).answers.filter((a) => a.answer.validUntil === '2027-06-30')).toEqual([]);

    await manager.getByRole('button', { name: `Appliquer les ${before.length} changement(s)` }).click();
    await expect.poll(() => status().textContent()).toBe(`${before.length} réponse(s) modifiée(s) en une opération (annulable).`);
    const after = (await bg<Resolved>('answers.resolved', { productId: id })).answers.filter((a) => a.answer.questionnaire === 'interoperabilite');
    expect(after.map((a) => a.answer.validUntil)).toEqual(before.map(() => '2027-06-30'));

    await expect.poll(() => manager.locator('#mgr-next-undo').textContent()).toContain("Modification en lot : valide jusqu'au 30/06/2027");
    await manager.getByRole('button', { name: 'Annuler la dernière opération' }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Opération annulée : Modification en lot/);
    const undone = (await bg<Resolved>('answers.resolved', { productId: id })).answers.filter((a) => a.answer.questionnaire === 'interoperabilite');
    expect(undone.map((a) => [a.criterionKey, a.answer.validUntil, a.answer.comment])).toEqual(before.map((a) => [a.criterionKey, a.answer.validUntil, a.answer.comment]));
  });
});
