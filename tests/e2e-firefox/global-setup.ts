import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSimulator } from '../simulator/serve.mjs';
import { firefoxPath } from './harness';

/** Construit le simulateur avant les tests ; l'extension Firefox doit déjà être construite (npm test s'en charge). */
export default async function setup() {
  if (!existsSync(path.resolve(process.env.AC_OUT_DIR || '.output', 'firefox-mv3/manifest.json'))) {
    throw new Error('Extension Firefox non construite : lancez « npm test » (ou « npx wxt build -b firefox » avant « npm run test:firefox »).');
  }
  firefoxPath(); // message clair tout de suite plutôt qu'un échec dans chaque fichier
  await buildSimulator();
}
