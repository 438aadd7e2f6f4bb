/**
 * Banc d'essai de la page (npm run bench -- page), sur le grand questionnaire Interopérabilité du simulateur
 * (249 critères, niveau + commentaire chacun, puis la section complémentaire révélée par une réponse), dans
 * Chromium. Chaque mesure a sa référence mesurée dans la même exécution :
 * - objectif 1 : « Remplir la page » dans l'extension construite, du clic jusqu'à ce que le framework de la page
 *   (l'état du simulateur) tienne toutes les valeurs, contre un script nu qui clique chaque bouton radio et règle
 *   chaque commentaire (mutateur natif + un événement input), dans les deux balisages ;
 * - objectif 2 : lecture de la page (lib/page injecté tel quel), contre un parcours natif minimal de la même page ;
 *   et travail de l'extension sur la page à chaque frappe d'une personne dans un commentaire (profilage CDP du fil
 *   principal de la page), contre le travail de la page elle-même pour la même frappe.
 */
import { build } from 'esbuild';
import { chromium, type Frame, type Page } from 'playwright-core';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { COMPLEMENTAIRE_IDS, INTEROPERABILITE_GRAND } from '../simulator/src/data/grand.ts';
import { buildSimulator, simulatorResponse } from '../simulator/serve.mjs';
import { EXTENSION_DIR, launchExtension } from '../e2e/harness.mjs';
import { median, record } from './report.ts';

const RUNS = Number(process.env.RUNS ?? 5);
/** PARTIES=lecture,remplissage,frappe : seulement ces parties du banc (toutes par défaut). */
const PARTS = new Set((process.env.PARTIES ?? 'lecture,remplissage,frappe').split(','));
const ORIGIN = 'https://convergence.esante.gouv.fr';
const PATH = '/produits/3100/demarches/mes/questionnaires/interoperabilite';
const root = path.resolve(import.meta.dirname, '../..');
const spread = (xs: number[]) => `${xs.length} passes, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;

/** Réponses voulues : le dernier niveau proposé (3 : révèle la section complémentaire) et un commentaire de plus de 10 caractères. */
const answers = INTEROPERABILITE_GRAND.criteria.map((c, i) => {
  const levels = Object.keys(c.levels);
  return { id: c.id, level: levels[levels.length - 1] as string, comment: `Commentaire de banc d'essai n° ${i + 1}` };
});

/** Code injecté dans la page (monde principal) : lecture par lib/page, script nu de référence, attente de l'état. */
const entry = `
import { recognisePage } from './lib/page/by-kind/recognise';
import { readPage } from './lib/page/by-kind/read';
import { summarise } from './lib/page/guard/summary';
const sim = () => globalThis.__convergenceSim;
globalThis.__bench = {
  read(n) {
    const read = [], bare = [];
    let criteria = 0;
    const areas = Array.from(document.querySelectorAll('textarea'));
    for (let i = 0; i < n; i++) {
      // Une salve de changements entre deux lectures : 10 blocs de critère touchés (un attribut), relus en entier.
      if (i > 0) for (let k = 0; k < 10; k++) areas[(i * 37 + k * 23) % areas.length].parentElement.setAttribute('data-banc', String(i));
      let t = performance.now();
      const r = recognisePage(document);
      const reading = readPage(document, r);
      summarise(reading.model);
      read.push(performance.now() - t);
      criteria = reading.model.type === 'criteria' ? reading.model.criteria.length : 0;
      // Référence : le moins qu'un lecteur doive faire, visiter chaque nœud de la page et lire chaque texte et chaque champ.
      t = performance.now();
      const w = document.createTreeWalker(document.body, 5);
      let chars = 0;
      for (let x = w.nextNode(); x; x = w.nextNode()) chars += x.nodeType === 3 ? x.nodeValue.length : (x.checked ? 1 : 0) + (x.value ? 1 : 0);
      bare.push(performance.now() - t);
      if (chars < 0) throw new Error();
    }
    return { read, bare, criteria };
  },
  /** Vrai quand l'état du framework tient un niveau et un commentaire pour chacun des identifiants. */
  held(ids, level) {
    const s = sim().peek ? sim().peek() : sim().getState();
    const a = s.products.find((p) => p.id === 3100).demarche.questionnaires.interoperabilite.answers;
    return ids.every((id) => a[id] && a[id].level !== undefined && (a[id].comment || '').length > 0);
  },
  /** Le script nu : contrôles trouvés hors chronomètre, puis un clic et un input par champ ; la section révélée ensuite. */
  async bare(answers) {
    const plan = () => {
      const reading = readPage(document, recognisePage(document));
      const out = [];
      for (const c of reading.model.criteria) {
        const a = answers.find((x) => x.id === c.id);
        const want = a.level === 'NA' ? 'NA' : a.level;
        const radio = c.options.find((o) => o.label && (want === 'NA' ? /applicable/i.test(o.label) : new RegExp('(niveau|n)\\\\s*' + want + '\\\\b|' + ['', 'faible', 'moyenne', 'forte'][Number(want)] + '$', 'i').test(o.label.split(/[:—–]/)[0].trim())));
        out.push([c.id, radio && radio.control, c.comment && c.comment.control, a.comment]);
      }
      return out;
    };
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const apply = (p) => {
      for (const [, radio, textarea, comment] of p) {
        if (radio && !radio.checked) radio.click();
        if (textarea) { setter.call(textarea, comment); textarea.dispatchEvent(new Event('input', { bubbles: true })); }
      }
    };
    const first = plan();
    const t0 = Date.now();
    apply(first);
    // La section complémentaire apparaît après un rendu : attendre ses boutons (un simple compte), puis la régler aussi.
    const seen = new Set(first.map((x) => x[0]));
    const radios = () => document.querySelectorAll('input[type="radio"]').length;
    const before = radios();
    for (let i = 0; i < 2000 && radios() === before; i++) await new Promise((r) => setTimeout(r, 0));
    apply(plan().filter((x) => !seen.has(x[0])));
    return { t0, fields: first.length * 2 };
  },
};
`;

/**
 * Attend dans la page que l'état tienne toutes les valeurs ; rend l'instant, pris dans la page (Date.now : même
 * horloge que celle du clic, prise dans le cadre du panneau), sans les allers-retours de Playwright.
 */
async function waitHeld(page: Page, ids: string[]): Promise<number> {
  const h = await page.waitForFunction((x) => ((window as unknown as { __bench: { held(ids: string[]): boolean } }).__bench.held(x) ? Date.now() : 0), ids, { polling: 5, timeout: 120_000 });
  return (await h.jsonValue()) as number;
}

async function injectBench(page: Page, code: string) {
  await page.addScriptTag({ content: code });
}

function panelFrame(p: Page): Frame {
  const f = p.frames().find((x) => /\/panel\.html(?:[?#]|$)/.test(x.url()) && !x.isDetached());
  if (!f) throw new Error('panneau absent');
  return f;
}

async function main() {
  await buildSimulator();
  const bundle = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;

  // Objectif 2 : lecture, sans l'extension.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const ctx = await browser.newContext();
  await ctx.route('**/*', (r) => (r.request().url().startsWith(ORIGIN + '/') ? r.fallback() : r.abort()));
  await ctx.route(`${ORIGIN}/**`, async (r) => {
    const x = simulatorResponse(new URL(r.request().url()).pathname);
    await r.fulfill({ status: x.status, contentType: x.contentType, body: x.body });
  });
  const page = await ctx.newPage();
  for (const style of PARTS.has('lecture') ? (['a', 'b'] as const) : []) {
    await page.goto(`${ORIGIN}${PATH}?scenario=grand&style=${style}`);
    await page.waitForTimeout(300);
    // Dans un monde isolé, comme le script de contenu : chaque nœud y a ses propres objets, à créer à la première lecture.
    const cdp = await ctx.newCDPSession(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'banc' })) as { executionContextId: number };
    await cdp.send('Runtime.evaluate', { expression: code, contextId: executionContextId });
    const out = (await cdp.send('Runtime.evaluate', { expression: '__bench.read(15)', contextId: executionContextId, returnByValue: true })) as { result: { value: { read: number[]; bare: number[]; criteria: number } } };
    await cdp.detach();
    const r = out.result.value;
    // Ramené à 200 critères (l'objectif de l'issue : 15 ms). Référence : le parcours natif de toute la page, mesuré
    // dans la même exécution (≈ 2 ms sur une machine calme) ; 7,5× correspond donc aux 15 ms visés. Les relectures
    // (ce que coûte chaque salve de changements) sont l'objectif ; la première lecture, froide, est donnée à part.
    const per200 = (xs: number[]) => xs.map((x) => (x * 200) / r.criteria);
    const again = r.read.slice(1);
    record({ goal: '2 lecture', measure: `Relecture de 200 critères après une salve (10 blocs changés), monde isolé, style ${style}`, value: median(per200(again)), unit: 'ms', baseline: median(r.bare), baselineLabel: 'parcours natif de tous les nœuds de la page', target: 7.5, note: `${r.criteria} critères relus en ${median(again).toFixed(1)} ms (médiane de ${again.length}), ramenés à 200 ; objectif 15 ms ; ${spread(per200(again))}` });
    record({ goal: '2 lecture', measure: `Première lecture de 200 critères (froide : compilation, objets du monde isolé), style ${style}`, value: (r.read[0]! * 200) / r.criteria, unit: 'ms', baseline: median(r.bare), baselineLabel: 'parcours natif de tous les nœuds de la page', note: `${r.criteria} critères lus en ${r.read[0]!.toFixed(1)} ms, une fois par page chargée` });
  }

  // Objectif 1 : l'extension construite ; la référence, dans le navigateur sans extension (la limite physique :
  // la page seule, sans les observateurs de l'extension), ouvert à côté pendant toute la mesure.
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) spawnSync(path.join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, stdio: 'inherit' });
  const h = await launchExtension();
  const options = await h.openOptions();
  await options.evaluate(async (list) => {
    const pageProduct = { name: 'Produit', version: 'v0.1', number: '3100' };
    await chrome.runtime.sendMessage({ type: 'page.link', payload: { pageProduct, author: 'banc' } });
    await chrome.runtime.sendMessage({
      type: 'page.capture',
      payload: {
        pageProduct,
        captured: { model: 'criteria', title: 'banc', criteria: [], empty: [], answers: list.map((a) => ({ questionnaire: 'interoperabilite', criterionId: a.id, value: { kind: 'niveau', level: a.level }, comment: a.comment })) },
      },
    });
  }, answers);
  await options.close();
  const allIds = answers.map((a) => a.id);
  for (const style of PARTS.has('remplissage') ? (['a', 'b'] as const) : []) {
    const ours: number[] = [];
    const report: number[] = [];
    const bare: number[] = [];
    let check = '';
    for (let i = 0; i < RUNS; i++) {
      const p = await h.openSim(PATH, { scenario: 'grand', style });
      await injectBench(p, code);
      for (let k = 0; k < 600 && !p.frames().some((f) => /panel\.html/.test(f.url())); k++) await p.waitForTimeout(100);
      const frame = panelFrame(p);
      const button = frame.getByRole('button', { name: /^(Remplir la page|Fill the page)$/ });
      await button.waitFor({ timeout: 60_000 });
      await p.waitForTimeout(800); // le panneau a fini sa première lecture, la page est au repos
      const held = waitHeld(p, allIds);
      // Le clic et son instant, pris dans le cadre du panneau : ni les vérifications de Playwright ni leur lenteur sous charge.
      const t0 = await button.evaluate((b) => {
        const t = Date.now();
        (b as HTMLElement).click();
        return t;
      });
      ours.push((await held) - t0);
      const shown = await frame.waitForFunction(() => (document.querySelector('.ac-report summary') ? Date.now() : 0), undefined, { polling: 10, timeout: 120_000 });
      report.push(((await shown.jsonValue()) as number) - t0);
      check = (await frame.locator('.ac-report summary').textContent())?.replace(/\s+/g, ' ') ?? '';
      await p.close();

      const q = await ctx.newPage();
      await q.goto(`${ORIGIN}${PATH}?scenario=grand&style=${style}`);
      await injectBench(q, code);
      await q.waitForTimeout(800);
      const heldBare = waitHeld(q, allIds);
      const { t0: b0 } = (await q.evaluate((a) => (window as unknown as { __bench: { bare(a: unknown): Promise<{ t0: number }> } }).__bench.bare(a), answers));
      bare.push((await heldBare) - b0);
      await q.close();
    }
    record({ goal: '1 remplissage', measure: `Extension : clic « Remplir la page » → état du framework complet, style ${style}`, value: median(ours), unit: 'ms', baseline: median(bare), baselineLabel: 'script nu (clic + input), même page, sans extension', target: 1.5, note: `${allIds.length} critères (dont ${COMPLEMENTAIRE_IDS.length} révélés) ; ${spread(ours)} ; référence ${spread(bare)} ; rapport : ${check}` });
    record({ goal: '1 remplissage', measure: `Extension : clic → rapport affiché dans le panneau, style ${style}`, value: median(report), unit: 'ms', baseline: median(bare), baselineLabel: 'script nu (clic + input), même page, sans extension', note: spread(report) });
  }

  // Objectif 2 : travail par frappe dans un commentaire, profilé sur le fil principal de la page.
  if (PARTS.has('frappe')) await keystrokes(h);
  await h.close();
  await browser.close();
}

async function keystrokes(h: Awaited<ReturnType<typeof launchExtension>>) {
  const p = await h.openSim(PATH, { scenario: 'grand', style: 'a' });
  for (let k = 0; k < 600 && !p.frames().some((f) => /panel\.html/.test(f.url())); k++) await p.waitForTimeout(100);
  await p.waitForTimeout(1000);
  const textarea = p.locator('textarea').nth(100);
  await textarea.scrollIntoViewIfNeeded();
  await textarea.click();
  await p.waitForTimeout(500);
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const keys = 'Analyse de risque faite en 2025.';
  const stamps: number[] = [];
  await cdp.send('Profiler.start');
  const startWall = Date.now();
  for (const ch of keys) {
    stamps.push(Date.now() - startWall);
    await p.keyboard.type(ch);
    await p.waitForTimeout(250); // une personne qui tape lentement : chaque frappe laisse passer les délais de regroupement
  }
  stamps.push(Date.now() - startWall);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { url: string }; children?: number[] }[]; samples: number[]; timeDeltas: number[]; startTime: number } };
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const owner = (id: number): 'ext' | 'page' | 'idle' => {
    let page = false;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)!.callFrame.url;
      if (url.startsWith('chrome-extension://')) return 'ext';
      if (url.startsWith(ORIGIN)) page = true;
    }
    return page ? 'page' : 'idle';
  };
  // Répartition des échantillons par frappe (les horloges du profil et de Node sont alignées au démarrage, à quelques ms près).
  const ext = new Array(keys.length).fill(0);
  const own = new Array(keys.length).fill(0);
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]! / 1000;
    const k = stamps.findIndex((s, j) => t >= s && t < (stamps[j + 1] ?? Infinity));
    if (k < 0 || k >= keys.length) continue;
    const who = owner(profile.samples[i]!);
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]!) / 1000;
    if (who === 'ext') ext[k] += dt;
    else if (who === 'page') own[k] += dt;
  }
  await p.close();
  record({ goal: '2 frappe', measure: 'Travail de l\'extension sur la page par frappe (médiane), commentaire du grand questionnaire', value: median(ext), unit: 'ms', baseline: Math.max(median(own), 0.01), baselineLabel: 'travail de la page elle-même par frappe', note: `objectif ≤ 2 ms ; ${keys.length} frappes à 250 ms ; extension max ${Math.max(...ext).toFixed(2)} ms, total ${ext.reduce((a, b) => a + b, 0).toFixed(1)} ms` });
}

await main();
