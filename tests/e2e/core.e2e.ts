import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpreadsheet } from '../../lib/exchange/sheet-import';
import { launchExtension, ROOT, type Harness } from './harness.mjs';

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
});
afterAll(async () => {
  await h?.close();
});

describe("API de l'arrière-plan (base Dexie dans l'origine de l'extension)", () => {
  it('une page de l\'extension crée un produit, enregistre des réponses, lit la préparation, annule', async () => {
    const page = await h.openOptions();
    const send = (type: string, payload: unknown) => page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);

    const created = (await send('product.create', {
      author: 'e2e',
      product: { name: 'Produit', version: 'v0.1', type: 'socle', responsable: 'PierrePierre Durand', description: 'Démonstration', convergenceNumber: '3100' },
    })) as { ok: boolean; data: { id: string } };
    expect(created.ok).toBe(true);
    const productId = created.data.id;

    // Une capture (comme le panneau) : le critère lu est appris, puis la réponse enregistrée pour le produit du n° 3100.
    const saved = await send('page.capture', {
      pageProduct: { name: 'Produit', version: 'v0.1', number: '3100' },
      captured: {
        model: 'criteria',
        title: 'Questionnaire d\'évaluation : Interopérabilité',
        criteria: [{ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Structuration minimale', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] }],
        answers: [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: { kind: 'niveau', level: '1' }, comment: 'À faire' }],
        empty: [],
      },
    });
    expect(saved).toMatchObject({ ok: true, data: { outcome: { code: 'enregistre', created: 1 } } });
    const readiness = (await send('readiness.get', { productId })) as { ok: boolean; data: { findings: { criterionId?: string; severity: string }[] } };
    expect(readiness.ok).toBe(true);
    expect(readiness.data.findings).toContainEqual(expect.objectContaining({ criterionId: 'A08.5.23', severity: 'bloquant' }));

    // La base survit au redémarrage du service d'arrière-plan : elle est dans IndexedDB, pas en mémoire.
    const resolved = (await send('answers.resolved', { productId })) as { ok: boolean; data: { answers: { answer: { comment: string } }[] } };
    expect(resolved.data.answers.map((a) => a.answer.comment)).toEqual(['À faire']);

    // Annuler la dernière opération (l'enregistrement des réponses), puis l'apprentissage des critères.
    expect(await send('operations.undoLast', { author: 'e2e' })).toMatchObject({ ok: true });
    expect(await send('operations.undoLast', { author: 'e2e' })).toMatchObject({ ok: true });
    const after = (await send('answers.resolved', { productId })) as { ok: boolean; data: { answers: unknown[] } };
    expect(after.data.answers).toEqual([]);
    await page.close();
  });

  it('refuse un message mal formé ou non autorisé, en français, sans rien écrire', async () => {
    const page = await h.openOptions();
    const bad = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'product.create', payload: { product: { name: '' } } }));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^Message « product.create » invalide/) });
    const unknown = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'tout.effacer', payload: {} }));
    expect(unknown).toMatchObject({ ok: false, error: 'Type de message inconnu « tout.effacer ».' });
    const list = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'products.list', payload: {} }))) as { data: { products: unknown[] } };
    expect(list.data.products).toHaveLength(1); // le produit du test précédent seulement
    await page.close();
  });
});

describe('l\'export « Télécharger » du simulateur revient dans le cœur', () => {
  it('chaque questionnaire téléchargé est lu (en-tête détecté, identifiants, réponses) et vérifié par convergence-helper', async () => {
    const page = await h.openSim('/produits/3100/demarches/mes/questionnaires', { scenario: 'pret' });
    const dialog = page.getByRole('dialog');
    if (await dialog.isVisible().catch(() => false)) await dialog.getByRole('button', { name: /Fermer/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le questionnaire Interopérabilité' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/Interop.*\.xlsx$/);
    const file = path.join(ROOT, '.output', 'test-results', download.suggestedFilename());
    await download.saveAs(file);
    const state = (await page.evaluate(() => (window as unknown as { __convergenceSim: { getState(): unknown } }).__convergenceSim.getState())) as {
      products: { id: number; demarche: { questionnaires: { interoperabilite: { answers: Record<string, { level?: string }> } } } }[];
    };
    const simAnswers = state.products.find((p) => p.id === 3100)?.demarche.questionnaires.interoperabilite.answers ?? {};

    const parsed = parseSpreadsheet(new Uint8Array(readFileSync(file)), download.suggestedFilename());
    expect(parsed.rows.length).toBe(Object.keys(simAnswers).length);
    for (const row of parsed.rows) {
      expect(row.questionnaire).toBe('interoperabilite');
      const level = row.answer?.value && row.answer.value.kind === 'niveau' ? row.answer.value.level : null;
      expect(level, row.criterion.id).toBe(simAnswers[row.criterion.id]?.level ?? null);
    }

    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'convergence-helper.mjs'), 'check', file, '--json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as { blockers?: unknown[] };
    expect(report).toBeTypeOf('object');
    await page.close();
  });
});
