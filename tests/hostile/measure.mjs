// Lance l'outil en ligne de commande dans CE processus et écrit, à la sortie, « durée_s mémoire_max_Ko »
// dans OUT (repli quand /usr/bin/time manque) :  node measure.mjs OUT BIN ARGS…
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [out, bin, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], bin, ...args];
const t0 = performance.now();
process.on('exit', () => {
  writeFileSync(out, `${((performance.now() - t0) / 1000).toFixed(2)} ${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(bin).href);
