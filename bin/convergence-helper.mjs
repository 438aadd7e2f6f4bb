#!/usr/bin/env node
// convergence-helper: runs lib/cli/main.ts on Node 20 through tsx (TypeScript loader).
import { register } from 'tsx/esm/api';

register();
try {
  const { runCli } = await import('../lib/cli/main.ts');
  process.exitCode = await runCli(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`Erreur : démarrage impossible de convergence-helper (${e instanceof Error ? e.message : String(e)}).\n`);
  process.exitCode = 2;
}
