import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

// Le vrai exécutable, lancé comme une personne le lance : code de sortie, sortie et erreurs telles quelles.

export const ROOT = resolve(__dirname, '../../..');
export const BIN = join(ROOT, 'bin/convergence-helper.mjs');
export const FIXTURES = join(ROOT, 'tests/fixtures');

export function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Un dossier temporaire pour les fichiers du test, effacé après le fichier de tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
