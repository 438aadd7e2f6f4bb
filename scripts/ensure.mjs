// Installe ce qui manque sur un clone neuf : dépendances npm (npm ci), Chromium et Firefox ESR (Debian).
// N'utilise que les modules intégrés de Node : il doit tourner avant toute installation.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'node_modules', '.assistant-convergence-lock');

function run(cmd, args, opts = {}) {
  console.log(`→ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`La commande « ${cmd} ${args.join(' ')} » a échoué (code ${r.status ?? r.signal}).`);
  }
}

function lockHash() {
  const lock = path.join(root, 'package-lock.json');
  const h = createHash('sha256');
  h.update(readFileSync(path.join(root, 'package.json')));
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex');
}

/** npm ci quand node_modules manque ou ne correspond plus à package-lock.json. */
export function ensureNodeModules() {
  const want = lockHash();
  const have = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (have === want && existsSync(path.join(root, 'node_modules', '.bin', 'wxt'))) return;
  console.log(have ? 'Dépendances npm périmées : réinstallation (npm ci)…' : 'Dépendances npm absentes : installation (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stampFile, want + '\n');
}

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

function executable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');

/**
 * Les traductions de l'interface d'un navigateur (paquet Debian `pkg`) : sans elles, le navigateur et donc
 * l'extension s'affichent en anglais. Au mieux : un échec ne bloque rien (les tests suivent la langue).
 */
function ensureLocales(name, pkg) {
  console.log(`Traductions de ${name} absentes : installation du paquet Debian « ${pkg} »…`);
  const r = spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) console.warn(`Avertissement : ${pkg} non installé ; ${name} restera en anglais.`);
}

/**
 * Chemin d'un navigateur : la variable `envVar`, sinon un des `candidates` (traductions complétées par
 * `locales` si besoin), sinon les paquets Debian installés par apt-get si on est root ; sinon `missing`.
 */
function ensureBrowser({ name, envVar, candidates, packages, locales, missing }) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`${envVar}=${fromEnv} ne désigne pas un exécutable.`);
    return fromEnv;
  }
  let found = candidates.find(executable);
  if (found) {
    locales(found);
    return found;
  }
  if (isRoot()) {
    console.log(`${name} absent : installation des paquets Debian ${packages.map((p) => `« ${p} »`).join(' et ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', ...packages], { env });
    found = candidates.find(executable);
    if (found) return found;
  }
  throw new Error(missing);
}

/** Chemin de Chromium : CHROMIUM_PATH, sinon le paquet Debian ; l'installe par apt-get si on est root. */
export function ensureChromium() {
  return ensureBrowser({
    name: 'Chromium',
    envVar: 'CHROMIUM_PATH',
    candidates: CANDIDATES,
    packages: ['chromium', 'chromium-l10n'],
    locales: () => {
      if (!existsSync('/usr/lib/chromium/locales/fr.pak') && isRoot()) ensureLocales('Chromium', 'chromium-l10n');
    },
    missing:
      'Chromium est introuvable. Installez-le (Debian/Ubuntu : « sudo apt-get install chromium ») ' +
      'ou indiquez son chemin dans la variable CHROMIUM_PATH.',
  });
}

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];
/** Le paquet de langue français de Firefox ESR (firefox-esr-l10n-fr) : sans lui, Firefox et l'extension sont en anglais. */
const FIREFOX_FR_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi';

/** Chemin de Firefox ESR : FIREFOX_PATH, sinon le paquet Debian ; l'installe par apt-get si on est root. */
export function ensureFirefox() {
  return ensureBrowser({
    name: 'Firefox ESR',
    envVar: 'FIREFOX_PATH',
    candidates: FIREFOX_CANDIDATES,
    packages: ['firefox-esr', 'firefox-esr-l10n-fr'],
    locales: (bin) => {
      if (!existsSync(FIREFOX_FR_LANGPACK) && isRoot() && bin.includes('firefox-esr')) ensureLocales('Firefox', 'firefox-esr-l10n-fr');
    },
    missing:
      'Firefox ESR est introuvable. Installez-le (Debian : « sudo apt-get install firefox-esr firefox-esr-l10n-fr ») ' +
      "ou indiquez le chemin d'un Firefox ≥ 128 dans la variable FIREFOX_PATH.",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureNodeModules();
    console.log(`Chromium : ${ensureChromium()}`);
    console.log(`Firefox : ${ensureFirefox()}`);
  } catch (e) {
    console.error(`Erreur : ${e.message}`);
    process.exit(1);
  }
}
