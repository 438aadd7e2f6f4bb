/**
 * Issue 9, objectif 4 : la taille de ce que l'extension charge, bundle par bundle (brut et gzip niveau 6, comme
 * `gzip -c`). Le script de contenu est chargé sur chaque page Convergence : budget fixe de 40 Ko gz.
 *   npm run bench -- bundle      (construit l'extension si elle manque ou si une source est plus récente)
 * Ko = 1 000 octets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { record } from './report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.env.ASSISTANT_EXTENSION_DIR ? path.resolve(process.env.ASSISTANT_EXTENSION_DIR) : path.join(root, '.output', 'chrome-mv3');
const BUDGET = 40;

/** La date de la source la plus récente (ce qui entre dans la construction). */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|css|json|html)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['lib', 'components', 'entrypoints', 'public']) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of ['wxt.config.ts', 'package-lock.json']) if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

if (!process.env.ASSISTANT_EXTENSION_DIR) {
  const manifest = path.join(out, 'manifest.json');
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < newestSource()) {
    console.log('Construction de l\'extension (npx wxt build)…');
    const r = spawnSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, stdio: 'ignore' });
    if (r.status !== 0) throw new Error('wxt build a échoué');
  }
}

const kb = (n: number) => n / 1000;
const sizeOf = (rel: string) => {
  const bytes = readFileSync(path.join(out, rel));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 6 }).length, bytes };
};

/**
 * Chrome refuse un script de contenu qui n'est pas de l'UTF-8 valide à ses yeux : octets mal formés, demi-paires,
 * non-caractères (U+FFFE, U+FFFF, U+FDD0–U+FDEF). Un échappement « \uffff » (celui de Dexie) est refusé aussi :
 * un minifieur peut le réécrire en caractère brut.
 */
function utf8Problems(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  const problems: string[] = [];
  if (!Buffer.from(text, 'utf8').equals(bytes)) problems.push('octets non UTF-8 ou demi-paire');
  if (/[\ufffe\uffff\ufdd0-\ufdef]/.test(text)) problems.push('non-caractère Unicode brut');
  if (/\\u(?:fffe|ffff)/i.test(text)) problems.push('échappement \\uffff');
  return problems;
}

const files = ['background.js', 'content-scripts/content.js', ...readdirSync(path.join(out, 'chunks')).filter((f) => f.endsWith('.js')).sort().map((f) => `chunks/${f}`)];
const sizes = new Map(files.map((f) => [f, sizeOf(f)]));
console.log(`Bundles de ${path.relative(root, out) || out}`);
console.log(`${'Fichier'.padEnd(40)} | ${'brut (Ko)'.padStart(10)} | ${'gzip (Ko)'.padStart(10)}`);
console.log(`${'-'.repeat(40)}-|-${'-'.repeat(10)}-|-${'-'.repeat(10)}`);
for (const [f, s] of sizes) console.log(`${f.padEnd(40)} | ${kb(s.raw).toFixed(1).padStart(10)} | ${kb(s.gz).toFixed(1).padStart(10)}`);

// Chaque page de l'extension : ses scripts (point d'entrée et modules préchargés), chunks partagés compris.
const pages = readdirSync(out).filter((f) => f.endsWith('.html')).sort();
console.log(`\n${'Page (scripts chargés)'.padEnd(40)} | ${'brut (Ko)'.padStart(10)} | ${'gzip (Ko)'.padStart(10)}`);
console.log(`${'-'.repeat(40)}-|-${'-'.repeat(10)}-|-${'-'.repeat(10)}`);
const pageTotals = new Map<string, { raw: number; gz: number; scripts: string[] }>();
for (const page of pages) {
  const html = readFileSync(path.join(out, page), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const total = { raw: 0, gz: 0, scripts };
  for (const s of scripts) {
    const z = sizes.get(s) ?? sizeOf(s);
    total.raw += z.raw;
    total.gz += z.gz;
  }
  pageTotals.set(page, total);
  console.log(`${`${page} (${scripts.length} script(s))`.padEnd(40)} | ${kb(total.raw).toFixed(1).padStart(10)} | ${kb(total.gz).toFixed(1).padStart(10)}`);
}

const content = sizes.get('content-scripts/content.js')!;
const problems = utf8Problems(content.bytes);
const zod = /jitless|ZodError|\$ZodType/.test(content.bytes.toString('utf8'));
console.log(`\nScript de contenu : UTF-8 ${problems.length ? `NON conforme (${problems.join(', ')})` : 'conforme'} ; zod ${zod ? 'PRÉSENT' : 'absent'}`);
record({
  goal: '4 script de contenu',
  measure: 'content-scripts/content.js',
  value: kb(content.gz),
  unit: 'Ko gz',
  baseline: BUDGET,
  baselineLabel: 'budget fixe de l\'issue (40 Ko gz)',
  target: 1,
  note: `brut ${kb(content.raw).toFixed(1)} Ko ; UTF-8 ${problems.length ? `non conforme : ${problems.join(', ')}` : 'conforme'} ; zod ${zod ? 'présent' : 'absent'}`,
});
for (const [f, s] of sizes) {
  if (f === 'content-scripts/content.js') continue;
  record({ goal: '4 script de contenu', measure: `${f} (pour information)`, value: kb(s.gz), unit: 'Ko gz', baseline: BUDGET, baselineLabel: 'budget du script de contenu, pour comparaison', note: `brut ${kb(s.raw).toFixed(1)} Ko` });
}
for (const [page, s] of pageTotals) {
  record({ goal: '4 script de contenu', measure: `${page} : scripts chargés (pour information)`, value: kb(s.gz), unit: 'Ko gz', baseline: BUDGET, baselineLabel: 'budget du script de contenu, pour comparaison', note: `brut ${kb(s.raw).toFixed(1)} Ko ; ${s.scripts.join(', ')}` });
}
if (problems.length) process.exit(1);
