// Construit le simulateur Convergence dans .output/simulator/ (index.html, app.js, app.css).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const OUT_DIR = path.join(ROOT, process.env.AC_OUT_DIR || '.output', 'simulator');

/** Lance le build esbuild et copie les fichiers statiques ; renvoie le dossier de sortie. */
export async function buildSimulatorTo(outDir = OUT_DIR) {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(here, 'src', 'main.tsx')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: false,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await copyFile(path.join(here, 'index.html'), path.join(outDir, 'index.html'));
  await copyFile(path.join(here, 'src', 'app.css'), path.join(outDir, 'app.css'));
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildSimulatorTo();
  console.log(`Simulateur construit dans ${out}`);
}
