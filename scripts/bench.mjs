// npm run bench : lance chaque banc d'essai de tests/bench/ (fichiers *.bench.ts ou *.bench.mjs).
// Les durées ne sont jamais des critères de réussite des tests : elles sont mesurées ici, et affichées.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureNodeModules } from './ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureNodeModules();
const only = process.argv[2];
const files = readdirSync(path.join(root, 'tests', 'bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f) && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const env = { ...process.env };
  if (f.startsWith('page')) env.CHROMIUM_PATH = ensureChromium();
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('tests', 'bench', f)], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
