#!/usr/bin/env node
// convergence-helper : exécute lib/cli/main.ts sous Node 20.
//
// Le TypeScript de lib/ est regroupé par esbuild (dépendance de tsx) en quelques fichiers .mjs rangés dans
// dist-cli/<empreinte des sources>/ : le premier lancement après une modification les construit (~0,5 s),
// les suivants démarrent en ~0,1 s au lieu de ~0,8 s avec tsx. Ce regroupement contient aussi le fil de
// lecture des classeurs (parse-worker.mjs), lancé à mémoire et durée bornées. Sans esbuild ou sans dossier
// inscriptible, tsx charge les sources comme avant (CONVERGENCE_HELPER_SOURCES=1 force ce mode).
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Empreinte de tout ce qui entre dans le regroupement : sources de lib/, ce script, dépendances, Node.
 * (FNV-1a sur chemins, tailles et dates : pas besoin de node:crypto, chaque lancement compte.)
 */
function fingerprint() {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const update = (text) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
  };
  const add = (p) => {
    const s = statSync(p);
    update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:ts|tsx|mjs|js|json)$/.test(e.name)) add(p);
    }
  };
  walk(join(root, 'lib'));
  add(fileURLToPath(import.meta.url));
  for (const f of ['package.json', 'package-lock.json']) {
    try {
      add(join(root, f));
    } catch {
      // absent : sans effet sur l'empreinte
    }
  }
  update(process.version);
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

async function build(outDir) {
  const esbuild = await import('esbuild');
  const tmp = `${outDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await esbuild.build({
      entryPoints: { main: join(root, 'lib/cli/main.ts'), 'parse-worker': join(root, 'lib/cli/parse-worker-entry.ts') },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      logLevel: 'silent',
      legalComments: 'none',
    });
    try {
      renameSync(tmp, outDir);
    } catch {
      // Un autre lancement l'a construit en même temps : le sien sert.
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Dossier du regroupement à jour, construit au besoin ; null quand c'est impossible (tsx prend le relais). */
async function bundleDir() {
  if (process.env.CONVERGENCE_HELPER_SOURCES === '1') return null;
  let key;
  try {
    key = fingerprint();
  } catch {
    return null;
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'u';
  for (const base of [join(root, 'dist-cli'), join(tmpdir(), `convergence-helper-${uid}`)]) {
    const dir = join(base, key);
    try {
      statSync(join(dir, 'main.mjs'));
      return dir;
    } catch {
      // pas encore construit ici
    }
    try {
      mkdirSync(base, { recursive: true });
      await build(dir);
      statSync(join(dir, 'main.mjs'));
      prune(base, key);
      return dir;
    } catch {
      // dossier non inscriptible ou esbuild indisponible : essayer ailleurs, puis tsx
    }
  }
  return null;
}

/** Retire les regroupements d'anciennes sources (plus d'une heure, pour ne pas gêner un lancement en cours). */
function prune(base, keep) {
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(base)) {
    if (name === keep) continue;
    const p = join(base, name);
    try {
      if (statSync(p).mtimeMs < hourAgo) rmSync(p, { recursive: true, force: true });
    } catch {
      // déjà retiré
    }
  }
}

try {
  const dir = await bundleDir();
  let runCli;
  if (dir) ({ runCli } = await import(pathToFileURL(join(dir, 'main.mjs')).href));
  else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ runCli } = await import('../lib/cli/main.ts'));
  }
  process.exitCode = await runCli(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`Erreur : démarrage impossible de convergence-helper (${e instanceof Error ? e.message : String(e)}).\n`);
  process.exitCode = 2;
}
