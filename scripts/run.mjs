// Les deux commandes du README : « npm test » et « npm start ».
// Chacune installe d'abord ce qui manque (npm ci, Chromium, Firefox ESR pour les tests), puis enchaîne ses
// étapes en affichant la durée de chacune. Aucune dépendance : modules intégrés de Node seulement.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureFirefox, ensureNodeModules } from './ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const command = process.argv[2];
const counts = { passed: 0, failed: 0, skipped: 0 };
/** Comptes et durée de chaque suite vitest, pour une ligne par suite à la clôture. */
const suites = [];
const resultsDir = path.join(root, '.output', 'test-results');

/** Parcours exécutés dans les deux navigateurs (tests/e2e et tests/e2e-firefox), rappelés à la clôture. */
const JOURNEYS_BOTH = [
  'reconnaissance de chaque type de page et panneau',
  'enregistrer un produit puis en remplir un autre, dans les deux balisages (état du framework vérifié)',
  'preuve de la bibliothèque jointe à sa zone de dépôt',
  'garde sur « Valider » (Échap, « Valider quand même »)',
  'gestionnaire : import avec aperçu, exports JSON et Excel',
  'script hostile de la page refusé, clic simulé sur « Valider » laissé à la page',
  "aucune requête des pages hors de l'origine Convergence",
];

const countsText = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;

/** Lignes de clôture lisibles par la CI : une par suite (« Firefox: N passed, N failed »), puis le total. */
function closingLine() {
  if (suites.length) console.log('');
  for (const s of suites) console.log(`${s.name}: ${countsText(s)} (${s.secs} s)`);
  if (suites.some((s) => s.name === 'Chromium') && suites.some((s) => s.name === 'Firefox')) {
    console.log(`Parcours exécutés dans Chromium et dans Firefox : ${JOURNEYS_BOTH.join(' ; ')}.`);
  }
  console.log(`\nTotal: ${countsText(counts)}`);
}

function step(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${label} : échec (code ${r.status ?? r.signal}) après ${secs} s`);
    if (command === 'test') closingLine();
    process.exit(r.status || 1);
  }
  console.log(`✓ ${label} (${secs} s)`);
}

/**
 * Lance vitest avec, en plus de l'affichage habituel, un rapport JSON dont on additionne les comptes.
 * `keepGoing` : un échec est noté et la suite suivante tourne quand même (les deux navigateurs sont toujours
 * rapportés) ; l'échec est rendu à la fin.
 */
function vitestStep(label, name, extraArgs, env = {}, { suite = name, keepGoing = false } = {}) {
  const out = path.join(resultsDir, `${name}.json`);
  mkdirSync(resultsDir, { recursive: true });
  rmSync(out, { force: true });
  const args = ['run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const mine = { name: suite, passed: 0, failed: 0, skipped: 0, secs: '0' };
  const tally = () => {
    if (!existsSync(out)) return;
    const j = JSON.parse(readFileSync(out, 'utf8'));
    mine.passed = j.numPassedTests ?? 0;
    mine.failed = j.numFailedTests ?? 0;
    mine.skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  };
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(bin('vitest'), args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  tally();
  mine.secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0 && mine.failed === 0) mine.failed = 1; // échec hors test (configuration, fichier illisible)
  suites.push(mine);
  counts.passed += mine.passed;
  counts.failed += mine.failed;
  counts.skipped += mine.skipped;
  if (r.status !== 0) {
    console.error(`✗ ${label} : échec (code ${r.status ?? r.signal}) après ${mine.secs} s`);
    if (keepGoing) return false;
    closingLine();
    process.exit(r.status || 1);
  }
  console.log(`✓ ${label} (${mine.secs} s)`);
  return true;
}

/**
 * web-ext lint sur la construction Firefox : 0 erreur exigée ; chaque avertissement est affiché (le README dit
 * pourquoi chacun reste). Sortie JSON pour compter sans dépendre de la mise en page du tableau.
 */
function webExtLintStep(sourceDir) {
  const label = 'Analyse du module Firefox (web-ext lint)';
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  // NO_UPDATE_NOTIFIER : web-ext ne cherche pas de nouvelle version sur le réseau.
  const r = spawnSync(bin('web-ext'), ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    process.stderr.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    console.error(`✗ ${label} : rapport illisible (code ${r.status ?? r.signal}) après ${secs} s`);
    closingLine();
    process.exit(1);
  }
  const show = (kind, list) => {
    for (const m of list ?? []) console.log(`  ${kind} ${m.code}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''} : ${m.message}`);
  };
  show('✗', report.errors);
  show('⚠', report.warnings);
  show('·', report.notices);
  const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
  console.log(`  ${errors} erreur(s), ${warnings} avertissement(s), ${notices} remarque(s)`);
  if (errors > 0) {
    console.error(`✗ ${label} : ${errors} erreur(s) après ${secs} s`);
    closingLine();
    process.exit(1);
  }
  console.log(`✓ ${label} (${secs} s)`);
}

const t0 = Date.now();
let chromium;
let firefox;
try {
  ensureNodeModules();
  chromium = ensureChromium();
  if (command === 'test') firefox = ensureFirefox();
} catch (e) {
  console.error(`Erreur : ${e.message}`);
  process.exit(1);
}
const env = { CHROMIUM_PATH: chromium };

if (command === 'test') {
  step('Vérification des types (tsc)', bin('tsc'), ['--noEmit']);
  step('Analyse statique (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
  vitestStep('Tests unitaires (vitest)', 'unit', [], {}, { suite: 'Unitaires' });
  step("Construction de l'extension Chrome (wxt build)", bin('wxt'), ['build']);
  const chromiumOk = vitestStep('Tests de bout en bout (extension construite dans Chromium, simulateur)', 'e2e', ['-c', 'vitest.e2e.config.ts'], env, { suite: 'Chromium', keepGoing: true });
  step("Construction de l'extension Firefox (wxt build -b firefox)", bin('wxt'), ['build', '-b', 'firefox']);
  webExtLintStep(path.join(root, '.output', 'firefox-mv3'));
  const firefoxOk = vitestStep('Tests de bout en bout (extension construite dans Firefox ESR, simulateur)', 'firefox', ['-c', 'vitest.firefox.config.ts'], { FIREFOX_PATH: firefox }, { suite: 'Firefox', keepGoing: true });
  if (!chromiumOk || !firefoxOk) {
    closingLine();
    process.exit(1);
  }
  console.log(`\nnpm test : tout est passé en ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
  closingLine();
} else if (command === 'start') {
  step('Construction Chrome + archive zip (wxt zip)', bin('wxt'), ['zip']);
  step('Construction Firefox + archive zip (wxt zip -b firefox)', bin('wxt'), ['zip', '-b', 'firefox']);
  step('Démonstration sur le simulateur', bin('tsx'), [path.join(root, 'scripts', 'demo.mjs')], env);
} else {
  console.error('Usage : node scripts/run.mjs test|start');
  process.exit(2);
}
