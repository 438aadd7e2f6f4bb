// npm run bench : lance chaque banc d'essai de tests/bench/ (fichiers *.bench.ts ou *.bench.mjs), puis affiche
// pour chaque objectif la mesure, sa référence mesurée dans la même exécution et leur rapport.
// npm run bench -- --json [fichier] écrit le même tableau en JSON (par défaut .output/bench.json).
// npm run bench -- page : seulement les bancs dont le nom contient « page ».
// Les durées ne sont jamais des critères de réussite des tests : elles sont mesurées ici, et affichées.
import { mkdirSync, readdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureNodeModules } from './ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let jsonPath = null;
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') {
    jsonPath = args[i + 1] && !args[i + 1].startsWith('-') && /\.json$/.test(args[i + 1]) ? args[++i] : path.join(root, '.output', 'bench.json');
  } else if (args[i].startsWith('--json=')) jsonPath = args[i].slice(7);
  else filters.push(args[i]);
}
ensureNodeModules();
const files = readdirSync(path.join(root, 'tests', 'bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f) && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();
mkdirSync(path.join(root, '.output'), { recursive: true });
const out = path.join(root, '.output', `bench-${process.pid}.jsonl`);
rmSync(out, { force: true });
let failed = 0;
const load = os.loadavg();
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const env = { ...process.env, BENCH_OUT: out, CHROMIUM_PATH: process.env.CHROMIUM_PATH || ensureChromium() };
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('tests', 'bench', f)], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    failed++;
    console.error(`✗ ${f} : échec (code ${r.status ?? r.signal})`);
  }
}
const results = existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(out, { force: true });

const fmt = (v, unit) => (unit === 'ms' ? v.toFixed(1) : v.toFixed(unit === 'Ko gz' ? 1 : 0));
const rows = results.map((r) => [r.goal, r.measure, `${fmt(r.value, r.unit)} ${r.unit}`, `${fmt(r.baseline, r.unit)} ${r.unit}`, r.baselineLabel, `${r.ratio.toFixed(2)}×`, r.target === undefined ? '' : `≤ ${r.target}×`, r.ok === null ? '' : r.ok ? 'atteint' : 'NON atteint']);
const head = ['Objectif', 'Mesure', 'Valeur', 'Référence', 'Référence (quoi)', 'Rapport', 'Visé', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(`\nRésumé (charge de la machine au départ : ${load.map((x) => x.toFixed(2)).join(' ')} ; ${os.cpus().length} cœurs)`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
if (jsonPath) {
  mkdirSync(path.dirname(path.resolve(root, jsonPath)), { recursive: true });
  writeFileSync(path.resolve(root, jsonPath), JSON.stringify({ date: new Date().toISOString(), loadavg: load, cpus: os.cpus().length, results }, null, 2) + '\n');
  console.log(`\nJSON écrit : ${path.relative(root, path.resolve(root, jsonPath))}`);
}
process.exit(failed ? 1 : 0);
