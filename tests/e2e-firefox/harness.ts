// Lance Firefox ESR avec l'extension construite pour Firefox (.output/firefox-mv3), pilotée par Puppeteer sur
// WebDriver BiDi, et sert le simulateur Convergence à l'origine réelle (interception des requêtes de la page).
// Firefox est lancé par nous (profil Puppeteer + nos préférences) plutôt que par puppeteer.launch, qui force
// « fission.webContentIsolationStrategy = 0 » : on garde l'isolation des sites de Firefox telle que les
// utilisateurs l'ont (le cadre du panneau dans un autre processus que la page).
import { Browser as Browsers, createProfile, launch, WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, type Process } from '@puppeteer/browsers';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { simulatorResponse } from '../simulator/serve.mjs';

export const ORIGIN = 'https://convergence.esante.gouv.fr';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, process.env.AC_OUT_DIR || '.output', 'firefox-mv3');
/**
 * L'UUID interne de l'extension, fixé avant le lancement (préférence « extensions.webextensions.uuids ») :
 * l'adresse moz-extension://<uuid>/options.html est connue d'avance. Firefox le tire au hasard sinon.
 */
export const ADDON_UUID = '5d1f0c7e-3a9b-4e62-8f14-c0a7b2e95d31';

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function firefoxPath(): string {
  const p = process.env.FIREFOX_PATH || FIREFOX_CANDIDATES.find((c) => existsSync(c));
  if (!p) throw new Error('Firefox introuvable : lancez « npm test » (il installe firefox-esr) ou définissez FIREFOX_PATH.');
  return p;
}

/** L'identifiant du module (browser_specific_settings.gecko.id du manifeste construit). */
function addonId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`Manifeste sans browser_specific_settings.gecko.id (${extensionDir}) : construisez avec « npx wxt build -b firefox ».`);
  return id;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FirefoxHarness {
  browser: Browser;
  /** Toutes les URL http(s) demandées par les pages pendant la session. */
  requests: string[];
  /** Celles qui ne visent pas le simulateur (doit rester vide). */
  offOrigin: string[];
  /** Langue de l'interface de Firefox, donc de l'extension (paquet firefox-esr-l10n-fr). */
  uiLanguage: 'fr' | 'en';
  /** Dossier des téléchargements de la session. */
  downloads: string;
  extensionUrl(file: string): string;
  openSim(pathname?: string, opts?: { scenario?: string; style?: 'a' | 'b'; page?: Page }): Promise<Page>;
  /** Une page de l'extension (options.html…) dans un nouvel onglet, prête. */
  openExtensionPage(file: string): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Attend un fichier téléchargé (complet) dont le nom répond au motif, absent avant l'appel de `since`. */
  download(name: RegExp, since: string[]): Promise<string>;
  downloadedFiles(): string[];
  /**
   * Arrête la page d'événements de l'arrière-plan, comme Firefox le fait au repos (30 s sans événement) ; le
   * prochain message la relance, sans mémoire. Code privilégié de Firefox (celui d'about:debugging « Terminer le
   * script d'arrière-plan »), atteint par le contexte « chrome » de BiDi.
   */
  suspendBackground(): Promise<string>;
  close(): Promise<void>;
}

type BidiSend = (method: string, params: unknown) => Promise<{ result?: Record<string, unknown> }>;

/** Sert le simulateur à l'origine réelle ; refuse (et note) tout le reste. Une fois par page. */
async function serveSimulator(page: Page, record: (url: string) => void): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    const url = req.url();
    if (!/^https?:/.test(url)) return void req.continue().catch(() => undefined);
    record(url);
    if (!url.startsWith(ORIGIN + '/')) return void req.abort('blockedbyclient').catch(() => undefined);
    const r = simulatorResponse(new URL(url).pathname);
    void req.respond({ status: r.status, contentType: r.contentType, body: r.body }).catch(() => undefined);
  });
}

/** La connexion BiDi brute, pour les commandes que Puppeteer n'expose pas. */
function bidi(browser: Browser): BidiSend {
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  return (method, params) => connection.send(method, params);
}

export async function launchFirefox(opts: { extensionDir?: string; headless?: boolean } = {}): Promise<FirefoxHarness> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`Extension Firefox non construite (${extensionDir}) : lancez « npx wxt build -b firefox ».`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'ac-firefox-'));
  const downloads = mkdtempSync(path.join(tmpdir(), 'ac-firefox-dl-'));
  await createProfile(Browsers.FIREFOX, {
    path: profile,
    preferences: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId(extensionDir)]: ADDON_UUID }),
      // Firefox en français, comme les utilisateurs visés (sans le paquet de langue, il reste en anglais).
      'intl.locale.requested': 'fr',
    },
  });
  const proc: Process = launch({
    executablePath: firefoxPath(),
    // --remote-allow-system-access : sans lui, BiDi n'entre ni dans les pages de l'extension ni dans le cadre du panneau.
    args: [...(opts.headless === false ? [] : ['--headless']), '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access', '--no-remote', 'about:blank'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let browser: Browser;
  try {
    const ws = await proc.waitForLineOutput(WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, 60_000);
    browser = await puppeteer.connect({ browserWSEndpoint: `${ws}/session`, protocol: 'webDriverBiDi', defaultViewport: { width: 1280, height: 900 } });
    // Module temporaire, comme « Charger un module complémentaire temporaire » d'about:debugging.
    await browser.installExtension(extensionDir);
    // Téléchargements acceptés sans question, dans le dossier de la session (commande BiDi que Puppeteer n'expose pas).
    await bidi(browser)('browser.setDownloadBehavior', {
      downloadBehavior: { type: 'allowed', destinationFolder: downloads },
    });
  } catch (e) {
    await proc.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }

  const requests: string[] = [];
  const offOrigin: string[] = [];
  const record = (url: string) => {
    requests.push(url);
    if (!url.startsWith(ORIGIN + '/')) offOrigin.push(url);
  };
  const extensionUrl = (file: string) => `moz-extension://${ADDON_UUID}/${file.replace(/^\//, '')}`;

  const openExtensionPage = async (file: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = extensionUrl(file);
    // BiDi ne rapporte pas le chargement des pages de l'extension : on n'attend pas l'événement « load »,
    // on regarde la page elle-même.
    void page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const ready = await page.evaluate((u) => location.href === u && document.readyState === 'complete' && !!document.body?.firstElementChild, url).catch(() => false);
      if (ready) return page;
      await pause(50);
    }
    throw new Error(`Page de l'extension non chargée : ${url}`);
  };

  const langPage = await openExtensionPage('options.html');
  const lang = await langPage.evaluate(() => chrome.i18n.getUILanguage());
  await langPage.close();

  const downloadedFiles = () => readdirSync(downloads).filter((f) => !f.endsWith('.part'));

  return {
    browser,
    requests,
    offOrigin,
    uiLanguage: lang.toLowerCase().startsWith('fr') ? 'fr' : 'en',
    downloads,
    extensionUrl,
    async openSim(pathname = '/', { scenario, style, page } = {}) {
      let p = page;
      if (!p) {
        p = await browser.newPage();
        await serveSimulator(p, record);
      }
      const url = new URL(pathname, ORIGIN);
      if (scenario) url.searchParams.set('scenario', scenario);
      if (style) url.searchParams.set('style', style);
      await p.goto(url.toString());
      return p;
    },
    openExtensionPage,
    openOptions: () => openExtensionPage('options.html'),
    downloadedFiles,
    async download(name, since) {
      // Firefox crée le fichier final vide, écrit dans « nom.part », puis renomme : le fichier est complet quand
      // il n'a plus de « .part » et que sa taille, non nulle, ne bouge plus.
      const deadline = Date.now() + 15_000;
      let last = '';
      while (Date.now() < deadline) {
        const all = readdirSync(downloads);
        const f = all.find((x) => name.test(x) && !since.includes(x) && !x.endsWith('.part'));
        if (f && !all.some((x) => x.startsWith(f) && x.endsWith('.part'))) {
          const size = statSync(path.join(downloads, f)).size;
          const seen = `${f}:${size}`;
          if (size > 0 && seen === last) return path.join(downloads, f);
          last = seen;
        }
        await pause(100);
      }
      throw new Error(`Aucun téléchargement complet « ${name} » dans ${downloads}.`);
    },
    async suspendBackground() {
      const send = bidi(browser);
      const tree = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const context = (tree.result?.contexts as { context: string }[] | undefined)?.[0]?.context;
      if (!context) throw new Error('Aucun contexte « chrome » : Firefox lancé sans --remote-allow-system-access ?');
      const id = addonId(extensionDir);
      const r = await send('script.evaluate', {
        expression: `(async () => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(id)});
          await extension.terminateBackground({ ignoreDevToolsAttached: true });
          return String(extension.backgroundState);
        })()`,
        target: { context },
        awaitPromise: true,
      });
      const result = r.result as { type?: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } } | undefined;
      if (result?.type !== 'success') throw new Error(`Arrêt de l'arrière-plan impossible : ${result?.exceptionDetails?.text ?? JSON.stringify(r)}`);
      return String(result.result?.value);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await proc.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
