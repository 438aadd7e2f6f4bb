// Démonstration (npm start, lancée par tsx pour importer lib/ en TypeScript) : l'extension construite dans Chromium, sur le simulateur Convergence.
// Avec un écran : une fenêtre Chromium reste ouverte sur le simulateur jusqu'à ce qu'on la ferme.
// Sans écran (serveur, CI) : un parcours scripté sans interface, des captures et un rapport d'une
// page dans .output/demo/.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSimulator } from '../tests/simulator/serve.mjs';
import { EXTENSION_DIR, ORIGIN, ROOT, launchExtension } from '../tests/e2e/harness.mjs';
import { PAGE_TOUR } from '../tests/e2e/tour.mjs';
import { PAGE_KIND_LABELS } from '../lib/page/model/kinds.ts';
import { forceLanguage } from '../components/i18n/index.ts';
import { t } from '../components/strings.ts';

const OUT = path.join(ROOT, '.output', 'demo');
const interactive = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI && process.argv[2] !== '--headless';

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

await buildSimulator();

if (interactive) {
  const h = await launchExtension({ headless: false });
  const page = await h.openSim('/tableau-de-bord', { scenario: 'questionnaires' });
  await page.bringToFront();
  console.log('Chromium est ouvert avec Assistant Convergence sur le simulateur (scénario « questionnaires »).');
  console.log('Les outils du simulateur (bandeau du haut) changent de scénario. Fermez la fenêtre pour terminer.');
  await new Promise((resolve) => h.context.on('close', resolve));
  process.exit(0);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const started = Date.now();
const h = await launchExtension();
forceLanguage(h.uiLanguage);
const rows = [];
let n = 0;
for (const stop of PAGE_TOUR) {
  n += 1;
  const page = await h.openSim(stop.path, { scenario: stop.scenario, style: stop.style ?? 'a' });
  const status = page.locator('assistant-convergence [role="status"]').first();
  await status.waitFor({ state: 'visible', timeout: 10_000 });
  // Laisse le panneau suivre la page (application monopage, détection regroupée).
  await page.waitForTimeout(300);
  const said = (await status.textContent()) ?? '';
  const file = `${String(n).padStart(2, '0')}-${stop.kind}${stop.style ? `-${stop.style}` : ''}.png`;
  await page.screenshot({ path: path.join(OUT, file) });
  const expected = t('pageRecognised', { kind: PAGE_KIND_LABELS[stop.kind] });
  rows.push({ ...stop, said, ok: said === expected, file });
  await page.close();
  console.log(`${said === expected ? '✓' : '✗'} ${stop.title} — ${said}`);
}
// Le travail principal, en quatre images : enregistrer un produit, remplir un autre, la garde, le gestionnaire.
const journey = [];
const shoot = async (page, file, title, text) => {
  await page.screenshot({ path: path.join(OUT, file) });
  journey.push({ file, title, text });
  console.log(`✓ ${title} — ${text}`);
};
{
  const panel = (p) => p.locator('assistant-convergence');
  const p = await h.openSim('/produits/3100/demarches/mes/questionnaires/interoperabilite', { scenario: 'pret', style: 'a' });
  await panel(p).getByRole('button', { name: t('capture') }).click();
  await panel(p).locator('.ac-messages p').first().waitFor();
  await shoot(p, 'parcours-1-enregistrer.png', 'Enregistrer les réponses de « Produit - v0.1 - 3100 »', (await panel(p).locator('.ac-messages').textContent()) ?? '');
  await p.goto(`${ORIGIN}/produits/3101/demarches/mes/questionnaires/interoperabilite?style=b`);
  const select = panel(p).getByLabel(t('sourceLabel'));
  await select.locator('option', { hasText: 'Produit v0.1' }).first().waitFor({ state: 'attached' });
  await select.selectOption({ label: (await select.locator('option', { hasText: 'Produit v0.1' }).first().textContent()) ?? '' });
  await panel(p).getByRole('button', { name: t('fill') }).click();
  await panel(p).locator('.ac-report summary').waitFor({ timeout: 60_000 });
  await p.evaluate(() => window.scrollTo(0, 0));
  await shoot(p, 'parcours-2-remplir.png', 'Remplir « Produit Android - v0.1 - 3101 » (autre balisage)', (await panel(p).locator('.ac-report summary').textContent()) ?? '');
  await p.goto(`${ORIGIN}/produits/3101/demarches/mes/questionnaires/urbanisation?style=a`);
  await panel(p).getByRole('status').first().waitFor();
  await p.getByRole('button', { name: 'Valider', exact: true }).click();
  const dialog = p.getByRole('alertdialog');
  await dialog.waitFor();
  await shoot(p, 'parcours-3-garde.png', 'La garde arrête « Valider » sur un questionnaire incomplet', (await dialog.getByRole('heading').first().innerText()).trim());
  await p.keyboard.press('Escape');
  await p.close();
  const o = await h.openOptions();
  await o.getByRole('button', { name: /Produit v0\.1/ }).first().click();
  await o.getByRole('heading', { name: /Réponses en vigueur/ }).waitFor();
  const answered = (await o.getByText(/réponse\(s\) dans \d+ questionnaire/).first().innerText()).trim();
  await shoot(o, 'parcours-4-gestionnaire.png', 'Gestionnaire des bibliothèques : réponses et provenance', answered);
  await o.close();
}

const popupTarget = await h.openSim('/produits/3100/demarches/mes/questionnaires/interoperabilite', { scenario: 'questionnaires' });
await popupTarget.locator('assistant-convergence [role="status"]').first().waitFor();
const popup = await h.openPopup(popupTarget.url());
await popup.setViewportSize({ width: 380, height: 240 });
await popup.getByRole('status').filter({ hasText: /./ }).waitFor();
await popup.screenshot({ path: path.join(OUT, 'popup.png') });
const offOrigin = [...h.offOrigin];
const requests = h.requests.length;
await h.close();

const artefacts = readdirSync(path.join(ROOT, '.output'))
  .filter((f) => f.endsWith('.zip'))
  .map((f) => ({ f, kb: (statSync(path.join(ROOT, '.output', f)).size / 1024).toFixed(1) }));
const okCount = rows.filter((r) => r.ok).length;
const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Assistant Convergence — démonstration</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#161616;max-width:1200px}
h1{color:#000091;margin:0 0 4px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
.ok{color:#18753c;font-weight:600}.ko{color:#ce0500;font-weight:600}.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin-top:12px}
.grid figure{margin:0}.grid img{width:100%;border:1px solid #ccc}.grid figcaption{font-size:12px}
</style></head><body>
<h1>Assistant Convergence — démonstration sur le simulateur</h1>
<p>${escapeHtml(new Date().toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }))} · extension construite (${escapeHtml(path.relative(ROOT, EXTENSION_DIR))}), chargée dans Chromium sans interface ; simulateur servi à l'origine réelle ${escapeHtml(ORIGIN)}. Les textes des critères du simulateur sont illustratifs.</p>
<p><strong>Pages reconnues : <span class="${okCount === rows.length ? 'ok' : 'ko'}">${okCount}/${rows.length}</span></strong> ·
<strong>Requêtes réseau : ${requests}, dont hors simulateur : <span class="${offOrigin.length ? 'ko' : 'ok'}">${offOrigin.length}</span></strong> ·
durée ${((Date.now() - started) / 1000).toFixed(1)} s</p>
<p>Archives : ${artefacts.map((a) => `${escapeHtml(a.f)} (${a.kb} Kio)`).join(' · ') || 'aucune'}</p>
<h2>Le travail principal</h2>
<div class="grid">${journey.map((j) => `<figure><img src="${escapeHtml(j.file)}" alt="${escapeHtml(j.title)}"><figcaption><strong>${escapeHtml(j.title)}</strong><br>${escapeHtml(j.text)}</figcaption></figure>`).join('')}</div>
<h2>Chaque type de page reconnu</h2>
<table><thead><tr><th>#</th><th>Page</th><th>Scénario</th><th>Ce que dit le panneau</th></tr></thead><tbody>
${rows.map((r, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.scenario)}${r.style ? ` / ${r.style}` : ''}</td><td class="${r.ok ? 'ok' : 'ko'}">${escapeHtml(r.said)}</td></tr>`).join('\n')}
</tbody></table>
<div class="grid">${rows.map((r) => `<figure><img src="${escapeHtml(r.file)}" alt="${escapeHtml(r.title)}"><figcaption>${escapeHtml(r.title)}</figcaption></figure>`).join('')}
<figure><img src="popup.png" alt="Fenêtre de l'icône"><figcaption>Fenêtre de l'icône</figcaption></figure></div>
</body></html>
`;
writeFileSync(path.join(OUT, 'rapport.html'), html);
console.log(`\nDémonstration sans écran : ${okCount}/${rows.length} pages reconnues, ${offOrigin.length} requête(s) hors simulateur.`);
console.log(`Rapport : ${path.join(OUT, 'rapport.html')} (captures dans le même dossier).`);
if (okCount !== rows.length || offOrigin.length) process.exit(1);
