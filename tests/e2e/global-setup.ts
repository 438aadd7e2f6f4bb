import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSimulator } from '../simulator/serve.mjs';

/** Construit le simulateur avant les tests ; l'extension doit déjà être construite (npm test s'en charge). */
export default async function setup() {
  const manifest = path.resolve(process.env.AC_OUT_DIR || '.output', 'chrome-mv3/manifest.json');
  if (!existsSync(manifest)) {
    throw new Error("Extension non construite : lancez « npm test » (ou « npx wxt build » avant « npm run test:e2e »).");
  }
  await buildSimulator();
}
