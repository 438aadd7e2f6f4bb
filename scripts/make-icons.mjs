// Dessine les icônes PNG de l'extension à partir de public/icon/icon.svg, avec Chromium.
// À relancer seulement quand le dessin change : node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';


const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icon');
const svg = readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: path.join(dir, `${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log('Icônes écrites dans', dir);
