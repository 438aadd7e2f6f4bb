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
 * Les traductions de l'interface de Chromium (paquet chromium-l10n) : sans elles, Chromium et donc
 * l'extension s'affichent en anglais. Au mieux : un échec ne bloque rien (les tests suivent la langue).
 */
function ensureChromiumLocales(chromiumBin) {
  const pak = path.join(path.dirname(chromiumBin), 'locales', 'fr.pak');
  if (existsSync(pak) || !isRoot() || !chromiumBin.startsWith('/usr/lib/chromium/')) return;
  console.log('Traductions de Chromium absentes : installation du paquet Debian « chromium-l10n »…');
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium-l10n'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) console.warn('Avertissement : chromium-l10n non installé ; Chromium restera en anglais.');
}

/** Chemin de Chromium : CHROMIUM_PATH, sinon le paquet Debian ; l'installe par apt-get si on est root. */
export function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} ne désigne pas un exécutable.`);
    return fromEnv;
  }
  let found = CANDIDATES.find(executable);
  if (found) {
    ensureChromiumLocales('/usr/lib/chromium/chromium');
    return found;
  }
  if (isRoot()) {
    console.log('Chromium absent : installation des paquets Debian « chromium » et « chromium-l10n »…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-l10n'], { env });
    found = CANDIDATES.find(executable);
    if (found) return found;
  }
  throw new Error(
    'Chromium est introuvable. Installez-le (Debian/Ubuntu : « sudo apt-get install chromium ») ' +
      'ou indiquez son chemin dans la variable CHROMIUM_PATH.',
  );
}

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];
/** Le paquet de langue français de Firefox ESR (firefox-esr-l10n-fr) : sans lui, Firefox et l'extension sont en anglais. */
const FIREFOX_FR_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi';

/** Au mieux : un échec ne bloque rien (les tests suivent la langue de Firefox). */
function ensureFirefoxLocales(firefoxBin) {
  if (existsSync(FIREFOX_FR_LANGPACK) || !isRoot() || !firefoxBin.includes('firefox-esr')) return;
  console.log('Traductions de Firefox absentes : installation du paquet Debian « firefox-esr-l10n-fr »…');
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'firefox-esr-l10n-fr'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) console.warn('Avertissement : firefox-esr-l10n-fr non installé ; Firefox restera en anglais.');
}

/** Chemin de Firefox ESR : FIREFOX_PATH, sinon le paquet Debian ; l'installe par apt-get si on est root. */
export function ensureFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} ne désigne pas un exécutable.`);
    return fromEnv;
  }
  let found = FIREFOX_CANDIDATES.find(executable);
  if (found) {
    ensureFirefoxLocales(found);
    return found;
  }
  if (isRoot()) {
    console.log('Firefox ESR absent : installation des paquets Debian « firefox-esr » et « firefox-esr-l10n-fr »…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'firefox-esr', 'firefox-esr-l10n-fr'], { env });
    found = FIREFOX_CANDIDATES.find(executable);
    if (found) return found;
  }
  throw new Error(
    'Firefox ESR est introuvable. Installez-le (Debian : « sudo apt-get install firefox-esr firefox-esr-l10n-fr ») ' +
      'ou indiquez le chemin d\'un Firefox ≥ 128 dans la variable FIREFOX_PATH.',
  );
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
