/**
 * Issue 9, objectif 3 : un geste dans le panneau = un message à l'arrière-plan. Dans l'extension construite, sur
 * le simulateur, on compte les messages du runtime que le service d'arrière-plan reçoit pendant un
 * « Enregistrer les réponses » puis un « Remplir la page » (une écoute de plus, posée dans le service).
 *   npm run bench -- messages
 * ASSISTANT_EXTENSION_DIR=… mesure une autre construction (par exemple celle d'avant le changement).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { isMessageType, PROTOCOL } from '../../lib/messages/protocol';
import { EXTENSION_DIR, launchExtension, ORIGIN, ROOT } from '../e2e/harness.mjs';
import { record } from './report';

const extensionDir = process.env.ASSISTANT_EXTENSION_DIR ? path.resolve(process.env.ASSISTANT_EXTENSION_DIR) : EXTENSION_DIR;
if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
  console.log('Construction de l\'extension (npx wxt build)…');
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('wxt build a échoué');
}

const QUESTIONNAIRE = '/demarches/mes/questionnaires/urbanisation';
const CAPTURE = /^(Enregistrer les réponses|Save the answers)$/;
const FILL = /^(Remplir la page|Fill the page)$/;
const SOURCE = /^(Source des réponses|Answer source)/;

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`Délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Le panneau (cadre panel.html), prêt : sa liste de sources chargée, puis au repos. */
async function panelReady(p: Page): Promise<Frame> {
  const frame = await until('panneau', async () => p.frames().find((f) => /\/panel\.html(?:[?#]|$)/.test(f.url()) && !f.isDetached()));
  await until('liste des sources', async () => (await frame.getByLabel(SOURCE).locator('option').count()) > 1);
  await p.waitForTimeout(800);
  return frame;
}

async function main() {
  const h = await launchExtension({ extensionDir });
  try {
    await h.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as { __recus: string[] };
      g.__recus = [];
      chrome.runtime.onMessage.addListener((m: unknown) => {
        g.__recus.push(String((m as { type?: unknown } | null)?.type));
        return undefined;
      });
    });
    const counted = async (gesture: () => Promise<void>) => {
      await h.serviceWorker.evaluate(() => void ((globalThis as unknown as { __recus: unknown[] }).__recus.length = 0));
      await gesture();
      await new Promise((r) => setTimeout(r, 1000));
      const all = await h.serviceWorker.evaluate(() => [...(globalThis as unknown as { __recus: string[] }).__recus]);
      // Tout ce que le protocole n'adresse pas ailleurs compte (« panel.changed » va au panneau ; un type inconnu compte).
      return all.filter((type) => !(isMessageType(type) && PROTOCOL[type].to !== 'background'));
    };

    // Une bibliothèque non vide ; le produit affiché (3100) pas encore relié.
    const options = await h.openOptions();
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'product.create', payload: { author: 'banc', product: { name: 'Autre', version: '1', type: 'socle', responsable: '', description: '' } } }));
    await options.close();

    const page = await h.openSim(`/produits/3100${QUESTIONNAIRE}`, { scenario: 'pret' });
    let ui = await panelReady(page);
    const captured = await counted(async () => {
      await ui.getByRole('button', { name: CAPTURE }).click();
      await until('compte rendu', async () => ((await ui.locator('.ac-messages').textContent()) ?? '') !== '' && (await ui.getByRole('button', { name: CAPTURE }).isEnabled()));
    });
    const captureText = (await ui.locator('.ac-messages').textContent()) ?? '';

    await page.goto(`${ORIGIN}/produits/3101${QUESTIONNAIRE}`);
    ui = await panelReady(page);
    const select = ui.getByLabel(SOURCE);
    const label = (await select.locator('option').allTextContents()).find((o) => o.startsWith('Produit v0.1'));
    if (!label) throw new Error('Source « Produit v0.1 » absente après l\'enregistrement');
    await select.selectOption({ label });
    const filled = await counted(async () => {
      await ui.getByRole('button', { name: FILL }).click();
      await ui.locator('.ac-report summary').waitFor({ timeout: 60_000 });
      await until('fin du remplissage', () => ui.getByRole('button', { name: FILL }).isEnabled());
    });
    const fillText = ((await ui.locator('.ac-report summary').textContent()) ?? '').replace(/\s+/g, ' ');

    console.log(`Enregistrer : ${captured.length} message(s) — ${captured.join(', ')} ; ${captureText.trim()}`);
    console.log(`Remplir : ${filled.length} message(s) — ${filled.join(', ')} ; ${fillText.trim()}`);
    const built = path.relative(ROOT, extensionDir) || extensionDir;
    record({ goal: '3 messages', measure: '« Enregistrer les réponses » → arrière-plan', value: captured.length, unit: 'messages', baseline: 1, baselineLabel: "objectif de l'issue (1 message)", target: 1, note: `${built} : ${captured.join(', ')}` });
    record({ goal: '3 messages', measure: '« Remplir la page » → arrière-plan', value: filled.length, unit: 'messages', baseline: 1, baselineLabel: "objectif de l'issue (1 message)", target: 1, note: `${built} : ${filled.join(', ')}` });
  } finally {
    await h.close();
  }
}

await main();
