// Lance Chromium avec l'extension construite, sert le simulateur Convergence à l'origine réelle
// (context.route) et enregistre toutes les requêtes réseau. Utilisé par les tests e2e, la démo
// (npm start) et les bancs d'essai. JavaScript pur (JSDoc) pour être importable partout.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulatorResponse } from '../simulator/serve.mjs';

export const ORIGIN = 'https://convergence.esante.gouv.fr';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, process.env.AC_OUT_DIR || '.output', 'chrome-mv3');

const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export function chromiumPath() {
  const p = process.env.CHROMIUM_PATH || CHROMIUM_CANDIDATES.find((c) => existsSync(c));
  if (!p) throw new Error('Chromium introuvable : lancez « npm test » (il l\'installe) ou définissez CHROMIUM_PATH.');
  return p;
}

/**
 * @typedef {object} Harness
 * @property {import('playwright-core').BrowserContext} context
 * @property {string} extensionId
 * @property {string[]} requests toutes les URL http(s) demandées pendant la session
 * @property {string[]} offOrigin celles qui ne visent pas le simulateur (doit rester vide)
 * @property {(pathname?: string, opts?: { scenario?: string, style?: 'a'|'b', page?: import('playwright-core').Page }) => Promise<import('playwright-core').Page>} openSim
 * @property {(targetTabUrl?: string) => Promise<import('playwright-core').Page>} openPopup
 * @property {() => Promise<import('playwright-core').Page>} openOptions
 * @property {import('playwright-core').Worker} serviceWorker
 * @property {'fr'|'en'} uiLanguage langue de l'interface de Chromium, donc de l'extension
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ headless?: boolean, extensionDir?: string, slowMo?: number }} [opts]
 * @returns {Promise<Harness>}
 */
export async function launchExtension(opts = {}) {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`Extension non construite (${extensionDir}) : lancez « npx wxt build ».`);
  }
  // Sans cette variable, Playwright ne signale pas les requêtes des service workers (l'arrière-plan de l'extension).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ac-chromium-'));
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    slowMo: opts.slowMo,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    // Langue de l'interface de Chromium (et donc de chrome.i18n) : français, comme les utilisateurs visés.
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'C.UTF-8' },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=fr-FR',
    ],
  });

  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const offOrigin = [];
  const record = (/** @type {string} */ url) => {
    if (!/^https?:/.test(url)) return;
    requests.push(url);
    if (!url.startsWith(ORIGIN + '/')) offOrigin.push(url);
  };
  context.on('request', (req) => record(req.url()));

  // Tout ce qui ne vise pas le simulateur est refusé (et noté) ; le simulateur répond à l'origine réelle.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (/^https?:/.test(url)) return route.abort('blockedbyclient');
    return route.fallback();
  });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const r = simulatorResponse(pathname);
    await route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
  });

  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  const lang = await serviceWorker.evaluate(() => chrome.i18n.getUILanguage());
  /** @type {'fr'|'en'} */
  const uiLanguage = lang.toLowerCase().startsWith('fr') ? 'fr' : 'en';

  return {
    context,
    extensionId,
    requests,
    offOrigin,
    serviceWorker,
    uiLanguage,
    async openSim(pathname = '/', { scenario, style, page } = {}) {
      const p = page ?? (await context.newPage());
      const url = new URL(pathname, ORIGIN);
      if (scenario) url.searchParams.set('scenario', scenario);
      if (style) url.searchParams.set('style', style);
      await p.goto(url.toString());
      return p;
    },
    async openPopup(targetTabUrl) {
      let query = '';
      if (targetTabUrl) {
        const id = await serviceWorker.evaluate(async (u) => {
          const tabs = await chrome.tabs.query({});
          return tabs.find((t) => t.url === u)?.id;
        }, targetTabUrl);
        if (id !== undefined) query = `?tab=${id}`;
      }
      const p = await context.newPage();
      await p.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return p;
    },
    async openOptions() {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${extensionId}/options.html`);
      return p;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
