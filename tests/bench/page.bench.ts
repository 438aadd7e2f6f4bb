/**
 * Banc d'essai de la page (npm run bench) : lire puis remplir le questionnaire Interopérabilité
 * « grand » du simulateur (249 critères, niveau + commentaire chacun) dans Chromium, médiane de
 * plusieurs passes, à côté d'une référence qui règle les mêmes champs avec la séquence d'événements
 * minimale (clic sur le bouton radio ; valeur native + un seul événement input), dans la même session.
 * Le code de lib/page est injecté tel quel dans la page (esbuild), sans l'extension, pour mesurer
 * le moteur seul ; l'état du framework de la page (simulateur) est vérifié après chaque passe.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import path from 'node:path';
import { INTEROPERABILITE_GRAND } from '../simulator/src/data/grand.ts';
import { buildSimulator, simulatorResponse } from '../simulator/serve.mjs';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { EXTENSION_DIR, launchExtension } from '../e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const ORIGIN = 'https://convergence.esante.gouv.fr';
const URL_GRAND = `${ORIGIN}/produits/3100/demarches/mes/questionnaires/interoperabilite?scenario=grand&style=a`;
const root = path.resolve(import.meta.dirname, '../..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Réponses voulues : pour chaque critère, le dernier niveau proposé et un commentaire. */
const answers = INTEROPERABILITE_GRAND.criteria.map((c, i) => {
  const levels = Object.keys(c.levels);
  return { id: c.id, level: levels[levels.length - 1] as string, comment: `Commentaire de banc d'essai n° ${i + 1}` };
});

const entry = `
import { recognisePage } from './lib/page/detect';
import { readPage } from './lib/page/read/page';
import { fillPage } from './lib/page/fill/run';
window.__bench = {
  async fill(answers) {
    const at = new Date().toISOString();
    const src = { answers: answers.map((a) => ({
      id: a.id, productId: 'p', variantId: '', criterionKey: 'interoperabilite/' + a.id, questionnaire: 'interoperabilite', criterionId: a.id,
      value: { kind: 'niveau', level: a.level }, comment: a.comment, evidence: [], provenance: { kind: 'saisie', ref: 'banc', at }, author: 'banc', createdAt: at, updatedAt: at,
    })) };
    const t0 = performance.now();
    const recognition = recognisePage(document);
    const reading = readPage(document, recognition);
    const t1 = performance.now();
    const r = await fillPage(document, recognition, src);
    const t2 = performance.now();
    return { read: t1 - t0, fill: t2 - t1, criteria: reading.model.type === 'criteria' ? reading.model.criteria.length : 0,
      filled: r.report.filter((e) => e.status === 'filled').length, other: r.report.filter((e) => e.status !== 'filled').length };
  },
  baseline(answers) {
    // Même cible, séquence minimale : on trouve les champs hors chronomètre, puis on les règle.
    const recognition = recognisePage(document);
    const reading = readPage(document, recognition);
    const plan = [];
    for (const c of reading.model.criteria) {
      const a = answers.find((x) => x.id === c.id);
      const radio = c.options.find((o) => o.label.includes(a.level === 'NA' ? 'non applicable' : a.level) || (a.level === '3' && /forte/i.test(o.label)));
      plan.push([radio && radio.control, c.comment && c.comment.control, a.comment]);
    }
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const t0 = performance.now();
    for (const [radio, textarea, comment] of plan) {
      if (radio) radio.click();
      if (textarea) { setter.call(textarea, comment); textarea.dispatchEvent(new Event('input', { bubbles: true })); }
    }
    return { set: performance.now() - t0, fields: plan.length * 2 };
  },
};
`;

async function main() {
  await buildSimulator();
  const bundle = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true, write: false, format: 'iife', target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const ctx = await browser.newContext();
  await ctx.route('**/*', (r) => (r.request().url().startsWith(ORIGIN + '/') ? r.fallback() : r.abort()));
  await ctx.route(`${ORIGIN}/**`, async (r) => {
    const x = simulatorResponse(new URL(r.request().url()).pathname);
    await r.fulfill({ status: x.status, contentType: x.contentType, body: x.body });
  });
  const page = await ctx.newPage();
  const registered = async () =>
    page.evaluate((ids) => {
      const s = (window as unknown as { __convergenceSim: { getState(): { products: { id: number; demarche: { questionnaires: { interoperabilite: { answers: Record<string, { level?: string; comment?: string }> } } } }[] } } }).__convergenceSim.getState();
      const a = s.products.find((p) => p.id === 3100)!.demarche.questionnaires.interoperabilite.answers;
      return ids.filter((id) => a[id]?.level !== undefined && (a[id]?.comment ?? '') !== '').length;
    }, answers.map((a) => a.id));

  const ours = { read: [] as number[], fill: [] as number[], total: [] as number[] };
  const base: number[] = [];
  let check = '';
  for (let i = 0; i < RUNS; i++) {
    await page.goto(URL_GRAND);
    await page.addScriptTag({ content: code });
    const r = await page.evaluate((a) => (window as unknown as { __bench: { fill(a: unknown): Promise<{ read: number; fill: number; criteria: number; filled: number; other: number }> } }).__bench.fill(a), answers);
    ours.read.push(r.read);
    ours.fill.push(r.fill);
    ours.total.push(r.read + r.fill);
    const okOurs = await registered();

    await page.goto(URL_GRAND);
    await page.addScriptTag({ content: code });
    const b = await page.evaluate((a) => (window as unknown as { __bench: { baseline(a: unknown): { set: number; fields: number } } }).__bench.baseline(a), answers);
    base.push(b.set);
    await page.waitForTimeout(50);
    const okBase = await registered();
    check = `${r.criteria} critères lus ; Assistant : ${r.filled} champs remplis (${r.other} autres), ${okOurs}/${answers.length} critères enregistrés par le framework ; référence : ${b.fields} champs réglés, ${okBase}/${answers.length} enregistrés`;
  }
  await browser.close();

  // De bout en bout, dans l'extension construite : clic sur « Remplir la page » jusqu'au rapport affiché
  // (messages vers l'arrière-plan, résolution Dexie, remplissage depuis le script de contenu).
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) spawnSync(path.join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, stdio: 'ignore' });
  const h = await launchExtension();
  const options = await h.openOptions();
  // (pas de fonction nommée dans evaluate : tsx y ajouterait une aide __name absente de la page)
  await options.evaluate(async (list) => {
    const link = (await chrome.runtime.sendMessage({ type: 'page.link', payload: { pageProduct: { name: 'Produit', version: 'v0.1', number: '3100' }, author: 'banc' } })) as { data: { productId: string } };
    await chrome.runtime.sendMessage({
      type: 'answers.saveCaptured',
      payload: {
        productId: link.data.productId, variantId: '', author: 'banc', source: { kind: 'saisie', ref: 'banc' },
        answers: list.map((a) => ({ questionnaire: 'interoperabilite', criterionId: a.id, value: { kind: 'niveau', level: a.level }, comment: a.comment })),
      },
    });
  }, answers);
  const e2e: number[] = [];
  let e2eCheck = '';
  for (let i = 0; i < RUNS; i++) {
    const p = await h.openSim('/produits/3100/demarches/mes/questionnaires/interoperabilite', { scenario: 'grand', style: 'a' });
    const button = p.locator('assistant-convergence').getByRole('button', { name: /^(Remplir la page|Fill the page)$/ });
    await button.waitFor();
    await p.waitForTimeout(500);
    const t0 = performance.now();
    await button.click();
    const summary = p.locator('assistant-convergence .ac-report summary');
    await summary.waitFor({ timeout: 120_000 });
    e2e.push(performance.now() - t0);
    e2eCheck = `extension : ${(await summary.textContent())?.replace(/\s+/g, ' ')}`;
    await p.close();
  }
  await h.close();

  const row = (label: string, xs: number[]) => `${label.padEnd(62)} | ${median(xs).toFixed(1).padStart(11)} | ${Math.min(...xs).toFixed(1).padStart(8)}`;
  console.log(`Page « grand » : ${answers.length} critères × (niveau + commentaire), ${RUNS} passes`);
  console.log(`${'Mesure'.padEnd(62)} | médiane (ms) | min (ms)`);
  console.log(`${'-'.repeat(62)}-|-------------|---------`);
  console.log(row('Assistant : lecture de la page (reconnaissance + critères)', ours.read));
  console.log(row('Assistant : remplissage (gestes, relecture, attente du rendu)', ours.fill));
  console.log(row('Assistant : lecture + remplissage', ours.total));
  console.log(row('Référence : séquence minimale (clic + input), mêmes champs', base));
  console.log(row('Extension construite : clic « Remplir la page » → rapport', e2e));
  console.log(check);
  console.log(e2eCheck);
}

await main();
