// Les deux commandes du README : « npm test » et « npm start ».
// Chacune installe d'abord ce qui manque (npm ci, Chromium), puis enchaîne ses étapes en
// affichant la durée de chacune. Aucune dépendance : modules intégrés de Node seulement.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureNodeModules } from './ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${label} : échec (code ${r.status ?? r.signal}) après ${secs} s`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${label} (${secs} s)`);
}

const command = process.argv[2];
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
  step('Tests unitaires (vitest)', bin('vitest'), ['run']);
  step("Construction de l'extension Chrome (wxt build)", bin('wxt'), ['build']);
  step('Tests de bout en bout (extension construite dans Chromium, simulateur)', bin('vitest'), ['run', '-c', 'vitest.e2e.config.ts'], env);
  console.log(`\nnpm test : tout est passé en ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
} else if (command === 'start') {
  step('Construction Chrome + archive zip (wxt zip)', bin('wxt'), ['zip']);
  step('Construction Firefox + archive zip (wxt zip -b firefox)', bin('wxt'), ['zip', '-b', 'firefox']);
  step('Démonstration sur le simulateur', process.execPath, [path.join(root, 'scripts', 'demo.mjs')], env);
} else {
  console.error('Usage : node scripts/run.mjs test|start');
  process.exit(2);
}
