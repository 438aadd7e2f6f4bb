// Les deux commandes du README : « npm test » et « npm start ».
// Chacune installe d'abord ce qui manque (npm ci, Chromium), puis enchaîne ses étapes en
// affichant la durée de chacune. Aucune dépendance : modules intégrés de Node seulement.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureNodeModules } from './ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const command = process.argv[2];
const counts = { passed: 0, failed: 0, skipped: 0 };
const resultsDir = path.join(root, '.output', 'test-results');

/** Ligne de clôture lisible par la CI : « N passed, N failed ». */
function closingLine() {
  console.log(`\nTotal: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
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

/** Lance vitest avec, en plus de l'affichage habituel, un rapport JSON dont on additionne les comptes. */
function vitestStep(label, name, extraArgs, env = {}) {
  const out = path.join(resultsDir, `${name}.json`);
  mkdirSync(resultsDir, { recursive: true });
  rmSync(out, { force: true });
  const args = ['run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const tally = () => {
    if (!existsSync(out)) return;
    const j = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed += j.numPassedTests ?? 0;
    counts.failed += j.numFailedTests ?? 0;
    counts.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  };
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(bin('vitest'), args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  tally();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    if (counts.failed === 0) counts.failed = 1; // échec hors test (configuration, fichier illisible)
    console.error(`✗ ${label} : échec (code ${r.status ?? r.signal}) après ${secs} s`);
    closingLine();
    process.exit(r.status || 1);
  }
  console.log(`✓ ${label} (${secs} s)`);
}

const t0 = Date.now();
let chromium;
try {
  ensureNodeModules();
  chromium = ensureChromium();
} catch (e) {
  console.error(`Erreur : ${e.message}`);
  process.exit(1);
}
const env = { CHROMIUM_PATH: chromium };

if (command === 'test') {
  step('Vérification des types (tsc)', bin('tsc'), ['--noEmit']);
  step('Analyse statique (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
  vitestStep('Tests unitaires (vitest)', 'unit', []);
  step("Construction de l'extension Chrome (wxt build)", bin('wxt'), ['build']);
  vitestStep('Tests de bout en bout (extension construite dans Chromium, simulateur)', 'e2e', ['-c', 'vitest.e2e.config.ts'], env);
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
