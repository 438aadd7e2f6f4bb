import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { launchExtension, ROOT, type Harness } from './harness.mjs';
import { capture, fill, goto, guardDialog, openedGuardDialog, panel, waitPanel } from './panel';
import { trackingWorkbook } from './workbooks';

// Issue 11 § 5 : le panneau, la fenêtre de la garde, la fenêtre de l'icône et chaque vue du gestionnaire, avec
// des données, passés à axe-core (WCAG 2.0/2.1 A et AA, bonnes pratiques) dans l'extension construite. Exigence :
// aucune violation « serious » ni « critical » ; les autres sont comptées et publiées (tableau + JSON) pour être
// citées. Puis le clavier : chaque action de la vue produit atteinte par Tab, focus visible, changements annoncés.

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
interface Violation {
  id: string;
  impact: Impact | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}
interface Scan {
  view: string;
  violations: Violation[];
  /** Ce qu'axe n'a pas pu trancher (à revoir à la main) : règle et nombre d'éléments. */
  incomplete: { id: string; impact: Impact | null; nodes: { target: string; html: string; summary: string }[] }[];
  /** Règles passées : montre que le document a bien été examiné. */
  passes: number;
}
const scans: Scan[] = [];
const OUT = path.join(ROOT, process.env.AC_OUT_DIR || '.output', 'test-results');

/**
 * Passe axe-core sur le document d'une page ou d'un cadre de l'extension. La CSP des pages de l'extension
 * interdit un <script> injecté : la source est évaluée par le protocole du débogueur (page.evaluate), qui n'y
 * est pas soumis, dans le monde de la page elle-même (mêmes styles, même arbre d'accessibilité).
 */
async function scan(view: string, target: Page | Frame, record = true): Promise<Scan> {
  if (!(await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await target.evaluate(AXE_SOURCE);
  const r = await target.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const nodes = (v: (typeof r.violations)[number]) => v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 240), summary: n.failureSummary ?? '' }));
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: nodes(v) })),
      incomplete: r.incomplete.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: nodes(v) })),
      passes: r.passes.length,
    };
  }, TAGS);
  const s = { view, ...(r as Omit<Scan, 'view'>) };
  if (record) scans.push(s);
  return s;
}

/** Les violations graves d'un ensemble de scans, rédigées pour le message d'échec (règle, élément, correction). */
function serious(list: Scan[]): string[] {
  return list.flatMap((s) =>
    s.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${s.view} — ${v.id} (${v.impact}) : ${v.help} — ${n.target} — ${n.html} — ${n.summary.replace(/\s+/g, ' ')}`)),
  );
}

function countByImpact(s: Scan): Record<Impact, number> {
  const c: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of s.violations) if (v.impact) c[v.impact] += v.nodes.length;
  return c;
}

/** Tableau « vue → violations par gravité » (nombre d'éléments en cause ; règles entre parenthèses). */
function report(): string {
  const rows = scans.map((s) => {
    const c = countByImpact(s);
    const rules = s.violations.map((v) => `${v.id}:${v.impact}×${v.nodes.length}`).join(', ');
    return `| ${s.view} | ${c.critical} | ${c.serious} | ${c.moderate} | ${c.minor} | ${rules || '—'} |`;
  });
  return ['| Vue | critical | serious | moderate | minor | règles |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

let h: Harness;
let sim: Page;
let mgr: Page;
const start = Date.now();

beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
});
afterAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const views = scans.map((s) => ({ view: s.view, byImpact: countByImpact(s), rulesPassed: s.passes, violations: s.violations, incomplete: s.incomplete }));
  writeFileSync(path.join(OUT, 'a11y.json'), JSON.stringify({ axe: (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'package.json'), 'utf8')) as { version: string }).version, tags: TAGS, at: new Date(start).toISOString(), views }, null, 2));
  console.log(`\naxe-core : ${scans.length} vue(s) passée(s)\n${report()}\n`);
  await h?.close();
});

const PRODUCER = /^Solution d'éditeur producteur v1/;
const Q = '/produits/2726/demarches/mes/questionnaires';

const nav = () => mgr.getByRole('navigation', { name: 'Bibliothèques' });
async function openScope(name: string | RegExp) {
  await nav().getByRole('button', { name }).click();
  await expect.poll(() => mgr.evaluate(() => document.activeElement?.id)).toBe('mgr-view-heading');
}
/** La région d'état du gestionnaire (celle d'`announce`), distincte des régions que des vues ajouteraient. */
const status = () => mgr.locator('.mgr-live').getByRole('status');

/** Un message du protocole envoyé depuis la page du gestionnaire (préparer des données sans passer par l'interface). */
async function bg<T>(type: string, payload: unknown): Promise<T> {
  const r = (await mgr.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as { ok: boolean; data: T; error?: string };
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

/** Les onglets de la vue produit tels qu'affichés (les onglets ajoutés plus tard sont passés aussi). */
async function productTabs(): Promise<string[]> {
  return (await mgr.getByRole('tablist').getByRole('tab').allTextContents()).map((x) => x.trim());
}
async function openTab(name: string) {
  await mgr.getByRole('tablist').getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => mgr.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
  // Les données de l'onglet arrivent de l'arrière-plan : attendre que « Chargement… » ait disparu.
  await expect.poll(() => mgr.getByRole('tabpanel').getByText(/^Chargement/).count()).toBe(0);
}

/**
 * Les contenus repliés d'un onglet (éditeur, historique, modification groupée…) : chaque sorte de bouton
 * `aria-expanded="false"` (par son texte) est ouverte une fois, passée à axe-core, puis refermée ; les
 * onglets ajoutés plus tard sont ainsi examinés dépliés sans que ce test les nomme.
 */
async function scanDisclosures(view: string) {
  const done = new Set<string>();
  for (let guard = 0; guard < 20; guard++) {
    const toggles = mgr.getByRole('tabpanel').locator('button[aria-expanded="false"]');
    const texts = (await toggles.allTextContents()).map((x) => x.trim());
    const i = texts.findIndex((x) => !done.has(x));
    if (i < 0) break;
    const text = texts[i]!;
    done.add(text);
    const toggle = toggles.nth(i);
    const id = await toggle.getAttribute('id');
    await toggle.click();
    await expect.poll(() => mgr.getByRole('tabpanel').getByText(/^Chargement/).count()).toBe(0);
    await scan(`${view} : « ${text} » ouvert`, mgr);
    // Refermer par le même bouton s'il est encore là et ouvert (sinon le contenu s'est refermé seul).
    const same = id ? mgr.locator(`[id="${id}"]`) : null;
    if (same && (await same.count()) && (await same.getAttribute('aria-expanded')) === 'true') await same.click();
  }
  const details = mgr.getByRole('tabpanel').locator('details:not([open]) > summary');
  if (await details.count()) {
    for (const s of await details.all()) await s.click();
    await scan(`${view} : détails ouverts`, mgr);
  }
}

/**
 * Parcourt la zone principale par Tab depuis le titre de la vue (qui reçoit le focus à chaque changement de
 * vue) jusqu'à en sortir ; exige que chaque action visible et active de la zone ait été atteinte (d'un groupe
 * de boutons radio, l'un d'eux ; des onglets, l'actif : les autres se prennent aux flèches), qu'aucun tabindex
 * ne soit positif, et que chaque élément atteint montre son focus : contour contrasté à 3:1 avec le fond
 * (WCAG 1.4.11 ; « auto » est l'anneau double du navigateur, contrasté par construction) ou ombre.
 */
async function tabWalk(where: string) {
  expect(await mgr.locator('main [tabindex]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex > 0).map((e) => `<${e.tagName.toLowerCase()} tabindex=${e.getAttribute('tabindex')}> « ${(e.textContent ?? '').trim().slice(0, 60)} »`)), `${where} : tabindex positif`).toEqual([]);
  await mgr.evaluate(() => {
    document.getElementById('mgr-view-heading')?.focus();
    (window as unknown as { a11yReached: Set<Element | null> }).a11yReached = new Set();
  });
  const invisible: string[] = [];
  for (let n = 0; n < 600; n++) {
    await mgr.keyboard.press('Tab');
    const step = await mgr.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || !el.closest('main')) return { done: true, again: false, bad: '' };
      const w = window as unknown as { a11yReached: Set<Element>; a11yLast?: Element };
      const reached = w.a11yReached;
      // Tab parcourt les sous-champs d'un champ date sans changer d'élément actif : ce n'est pas un retour.
      const again = reached.has(el) && w.a11yLast !== el;
      w.a11yLast = el;
      reached.add(el);
      const describe = (e: Element) => `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('type') ? ` type=${e.getAttribute('type')}` : ''}> « ${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 60)} »`;
      const cs = getComputedStyle(el);
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = (c: string) => {
        const [r = 0, g = 0, b = 0] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      // Le fond sur lequel le contour est dessiné : l'élément (contour intérieur) ou son premier parent opaque.
      let bg = 'rgb(255, 255, 255)';
      for (let p: Element | null = cs.outlineOffset.startsWith('-') ? el : el.parentElement; p; p = p.parentElement) {
        const c = getComputedStyle(p).backgroundColor;
        if ((rgb(c)[3] ?? 1) > 0) {
          bg = c;
          break;
        }
      }
      const [a, b] = [lum(cs.outlineColor), lum(bg)].sort((x, y) => y - x) as [number, number];
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && (cs.outlineStyle === 'auto' || (a + 0.05) / (b + 0.05) >= 3);
      const shadow = cs.boxShadow !== 'none';
      return { done: false, again, bad: outline || shadow ? '' : `${describe(el)} (contour ${cs.outlineStyle} ${cs.outlineColor} sur ${bg})` };
    });
    if (step.done || step.again) break;
    if (step.bad) invisible.push(step.bad);
  }
  expect(invisible, `${where} : focus invisible ou trop peu contrasté`).toEqual([]);
  const missed = await mgr.evaluate(() => {
    const describe = (e: Element) => `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('type') ? ` type=${e.getAttribute('type')}` : ''}> « ${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 60)} »`;
    const reached = (window as unknown as { a11yReached: Set<Element> }).a11yReached;
    const actions = Array.from(document.querySelectorAll<HTMLElement>('main :is(button, a[href], input, select, textarea, summary, [tabindex="0"])')).filter(
      (el) => el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && !(el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') !== 'true'),
    );
    const radioGroups = new Set(Array.from(reached).filter((e) => e instanceof HTMLInputElement && e.type === 'radio').map((e) => (e as HTMLInputElement).name));
    return actions.filter((el) => !reached.has(el) && !(el instanceof HTMLInputElement && el.type === 'radio' && radioGroups.has(el.name))).map(describe);
  });
  expect(missed, `${where} : actions hors de l'ordre de tabulation`).toEqual([]);
}

describe('accessibilité (axe-core) de l\'extension construite', () => {
  it('panneau : lecture de la page, après « Enregistrer les réponses », rapport de « Remplir la page »', async () => {
    sim = await h.openSim(`${Q}/maturite-securite`, { scenario: 'producteur' });
    const first = await waitPanel(sim);
    const mine: Scan[] = [await scan('Panneau — page lue', first)];
    await capture(sim);
    mine.push(await scan('Panneau — après enregistrement', panel(sim)));
    await fill(sim);
    // Le rapport détaillé ouvert, comme une personne qui le lit.
    if (!(await panel(sim).locator('.ac-report[open]').count())) await panel(sim).locator('.ac-report summary').click();
    mine.push(await scan('Panneau — rapport de remplissage', panel(sim)));
    // Convergence change un critère entre deux visites (référentiel 2 du simulateur) : la notice du panneau,
    // puis le rapport de remplissage qui refuse le critère modifié ; « Enregistrer » l'apprend (gestionnaire).
    await goto(sim, `${Q}/urbanisation`);
    await capture(sim);
    await sim.evaluate(() => (window as unknown as { __convergenceSim: { setReferentiel(v: 1 | 2): void } }).__convergenceSim.setReferentiel(2));
    await goto(sim, `${Q}/urbanisation`);
    const notice = () => panel(sim).locator('.ac-referential');
    await expect.poll(() => notice().count(), { timeout: 15_000 }).toBe(1);
    mine.push(await scan('Panneau — critères modifiés par Convergence', panel(sim)));
    await fill(sim);
    if (!(await panel(sim).locator('.ac-report[open]').count())) await panel(sim).locator('.ac-report summary').click();
    mine.push(await scan('Panneau — rapport de remplissage (critère modifié)', panel(sim)));
    await capture(sim);
    // La liste des questionnaires : les statuts lus alimentent l'onglet « Dossier » du gestionnaire.
    await goto(sim, Q);
    // Une page où le produit n'est pas lu : le choix « Ce produit est : ».
    const unread = await h.openSim(`${Q}/maturite-securite?produit=absent`, { scenario: 'producteur' });
    mine.push(await scan('Panneau — produit non lu', await waitPanel(unread)));
    await unread.close();
    expect(serious(mine)).toEqual([]);
  }, 120_000);

  it('fenêtre de la garde (« Valider » avec des critères sans réponse)', async () => {
    const page = await h.openSim('/produits/3100/demarches/mes/questionnaires/interoperabilite', { scenario: 'questionnaires' });
    await waitPanel(page);
    await page.getByRole('button', { name: 'Valider', exact: true }).click();
    await openedGuardDialog(page);
    const frame = page.frames().find((f) => /\/garde\.html(?:[?#]|$)/.test(f.url()) && f.parentFrame() !== null)!;
    const mine = [await scan('Fenêtre de la garde', frame)];
    expect(await guardDialog(page).count()).toBe(1);
    await page.close();
    expect(serious(mine)).toEqual([]);
  });

  it('fenêtre de l\'icône : page reconnue, et hors de Convergence', async () => {
    const popup = await h.openPopup(sim.url());
    await popup.locator('.kind').waitFor();
    const mine = [await scan('Fenêtre de l\'icône — page reconnue', popup)];
    const elsewhere = await h.openPopup();
    await elsewhere.getByRole('status').locator('p').first().waitFor();
    mine.push(await scan('Fenêtre de l\'icône — hors de Convergence', elsewhere));
    await popup.close();
    await elsewhere.close();
    expect(serious(mine)).toEqual([]);
  });

  it('gestionnaire : chaque vue et chaque onglet, avec des données', async () => {
    mgr = await h.openOptions();
    const from = scans.length;
    await mgr.getByRole('heading', { level: 1 }).waitFor();
    await nav().getByRole('button', { name: PRODUCER }).waitFor();
    // Le banc lui-même peut échouer : un bouton sans nom et un champ sans étiquette sont vus comme critiques.
    await mgr.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'a11y-sonde';
      probe.append(document.createElement('button'), Object.assign(document.createElement('input'), { type: 'text' }));
      document.body.append(probe);
    });
    const probe = await scan('sonde', mgr, false);
    expect(probe.violations.filter((v) => v.impact === 'critical').map((v) => v.id)).toEqual(expect.arrayContaining(['button-name', 'label']));
    await mgr.evaluate(() => document.getElementById('a11y-sonde')?.remove());
    await scan('Gestionnaire — accueil', mgr);

    // Nouveau produit : le formulaire, puis ses erreurs affichées.
    await nav().getByRole('button', { name: 'Nouveau produit' }).click();
    await scan('Gestionnaire — nouveau produit', mgr);
    await mgr.getByRole('button', { name: 'Créer le produit' }).click();
    await mgr.getByText('« Nom du produit » est obligatoire.').waitFor();
    await scan('Gestionnaire — nouveau produit (erreurs)', mgr);

    // Fiche administrative remplie, puis relue.
    await openScope('Fiche administrative');
    await mgr.getByLabel('Dénomination ou raison sociale').fill('Producteur SAS');
    await mgr.getByRole('button', { name: 'Enregistrer la fiche administrative' }).click();
    await expect.poll(() => status().textContent()).toBe('Fiche administrative enregistrée.');
    await scan('Gestionnaire — fiche administrative', mgr);
    // Un second profil d'entreprise (pour le compte d'un tiers) : le formulaire vide, puis son erreur de SIRET.
    await mgr.getByRole('button', { name: "Nouveau profil d'entreprise" }).click();
    await mgr.getByLabel('SIRET').fill('1234');
    await mgr.getByRole('button', { name: 'Enregistrer la fiche administrative' }).click();
    await mgr.getByText('SIRET : 14 chiffres attendus.').waitFor();
    await scan('Gestionnaire — fiche administrative : nouveau profil (erreurs)', mgr);
    await mgr.getByRole('button', { name: 'Annuler le nouveau profil' }).click();

    await openScope('Réglages');
    await scan('Gestionnaire — réglages', mgr);

    // La famille : une variante, une preuve, un import (aperçu puis écriture), pour des tableaux non vides.
    await openScope(PRODUCER);
    await openTab('Produit');
    await mgr.getByRole('button', { name: 'Ajouter une variante OS' }).click();
    await mgr.getByRole('combobox', { name: /^OS/ }).selectOption({ label: 'Android' });
    await mgr.getByLabel('Appareil').selectOption({ label: 'Mobile' });
    await scan('Gestionnaire — produit : ajout d\'une variante', mgr);
    await mgr.getByRole('button', { name: 'Ajouter la variante' }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Variante « .* » ajoutée\.$/);

    await openScope(PRODUCER);
    await openTab('Preuves');
    await mgr.getByLabel('Type de preuve').fill('Politique de confidentialité');
    await mgr.getByLabel(/^Fichier\b/).setInputFiles({ name: 'politique.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% test\n') });
    await mgr.getByRole('button', { name: 'Ajouter la preuve' }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Preuve « politique\.pdf » ajoutée/);

    await openTab('Import / export');
    await mgr.getByLabel('Fichier à importer').setInputFiles({ name: 'suivi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: trackingWorkbook() });
    await mgr.getByRole('button', { name: "Prévisualiser l'import" }).click();
    await mgr.getByRole('heading', { name: /^Aperçu de l'import de « suivi\.xlsx »/ }).waitFor();
    await scan('Gestionnaire — produit : aperçu d\'import', mgr);
    await mgr.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Import de « suivi\.xlsx » terminé/);
    // Une surcharge propre à la variante (commentaire) sur le questionnaire importé, pour que la comparaison
    // (premier questionnaire affiché : Interopérabilité) montre un écart.
    const list = await bg<{ products: { product: { id: string; name: string }; variants: { id: string }[] }[] }>('products.list', {});
    const family = list.products.find((e) => PRODUCER.test(`${e.product.name} v1`))!;
    const answers = await bg<{ answers: { answer: { questionnaire: string; criterionId: string; value: unknown } }[] }>('answers.resolved', { productId: family.product.id });
    const some = answers.answers.find((a) => a.answer.questionnaire === 'interoperabilite')!.answer;
    await bg('answers.edit', { productId: family.product.id, variantId: family.variants[0]!.id, questionnaire: some.questionnaire, criterionId: some.criterionId, comment: 'Propre à la variante Android (a11y)', author: 'e2e' });
    // Un fichier refusé : le message d'erreur (role="alert") affiché.
    await mgr.getByLabel('Fichier à importer').setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'pas-un-classeur.xlsx'));
    await mgr.getByRole('button', { name: "Prévisualiser l'import" }).click();
    await expect.poll(() => mgr.getByRole('alert').textContent()).toMatch(/pas-un-classeur\.xlsx/);
    await scan('Gestionnaire — produit : import refusé (alerte)', mgr);
    await mgr.getByRole('alert').getByRole('button', { name: 'Masquer le message' }).click();

    // « Partager avec un distributeur » : l'aperçu du paquet, puis le paquet écrit (pour l'import plus bas).
    await mgr.getByRole('button', { name: 'Partager avec un distributeur' }).click();
    await mgr.getByText('Les 16 critères susceptibles de différer en marque blanche (guide ANS)').waitFor();
    await scan('Gestionnaire — produit : partager avec un distributeur (aperçu)', mgr);
    const [download] = await Promise.all([mgr.waitForEvent('download'), mgr.getByRole('button', { name: 'Écrire le paquet' }).click()]);
    mkdirSync(OUT, { recursive: true });
    const packageFile = path.join(OUT, `a11y-${download.suggestedFilename()}`);
    await download.saveAs(packageFile);

    // Chaque onglet de la famille puis de la variante, tels que la liste d'onglets les montre.
    for (const scope of [PRODUCER, /Android Mobile/]) {
      await openScope(scope);
      const who = scope === PRODUCER ? 'famille' : 'variante';
      for (const tab of await productTabs()) {
        await openTab(tab);
        await scan(`Gestionnaire — ${who} : onglet « ${tab} »`, mgr);
        await scanDisclosures(`Gestionnaire — ${who} : onglet « ${tab} »`);
      }
    }

    // La réponse sous le minimum (A08.5.23, niveau 1) ouverte dans l'éditeur : l'avertissement affiché ; puis
    // l'aperçu d'une modification en lot (date de revue sur tous les critères), avant « Appliquer ».
    await openScope(PRODUCER);
    await openTab('Réponses');
    await mgr.getByRole('button', { name: 'Modifier la réponse à A08.5.23' }).click();
    await mgr.getByText(/sous le niveau minimum de ce critère obligatoire/).first().waitFor();
    await scan('Gestionnaire — famille : éditeur d\'une réponse sous le minimum', mgr);
    await mgr.getByRole('button', { name: 'Modifier la réponse à A08.5.23' }).click();
    await mgr.getByRole('button', { name: 'Modifier plusieurs réponses…' }).click();
    await mgr.getByRole('button', { name: /^Sélectionner les \d+ critère\(s\) filtrés$/ }).click();
    await mgr.getByLabel('Date de revue', { exact: true }).fill('2027-06-30');
    await mgr.getByRole('button', { name: 'Aperçu des changements' }).click();
    await mgr.getByRole('table', { name: 'Changements prévus, critère par critère' }).waitFor();
    await scan('Gestionnaire — famille : modification en lot (aperçu)', mgr);
    await mgr.getByRole('button', { name: 'Fermer la modification en lot' }).click();

    // La confirmation de suppression de la variante (sans confirmer).
    await openScope(/Android Mobile/);
    await openTab('Variante');
    await mgr.getByRole('button', { name: 'Supprimer cette variante…' }).click();
    await mgr.getByRole('button', { name: 'Confirmer la suppression' }).waitFor();
    await scan('Gestionnaire — variante : confirmation de suppression', mgr);

    // Import, export et historique : journal non vide, aperçu d'une sauvegarde, puis d'un paquet producteur.
    await openScope('Import, export et historique');
    await mgr.getByRole('table', { name: 'Dernières opérations' }).waitFor();
    await scan('Gestionnaire — import, export et historique', mgr);
    const [backup] = await Promise.all([mgr.waitForEvent('download'), mgr.getByRole('button', { name: 'Télécharger une sauvegarde complète' }).click()]);
    const backupFile = path.join(OUT, `a11y-${backup.suggestedFilename()}`);
    await backup.saveAs(backupFile);
    await mgr.getByLabel('Fichier de sauvegarde complète (.json)').setInputFiles(backupFile);
    await mgr.getByRole('button', { name: 'Vérifier la sauvegarde' }).click();
    await mgr.getByRole('button', { name: 'Restaurer cette sauvegarde' }).waitFor();
    await scan('Gestionnaire — sauvegarde complète (aperçu de restauration)', mgr);
    await mgr.getByLabel('Paquet producteur (.convergence-paquet)').setInputFiles(packageFile);
    await mgr.getByRole('button', { name: 'Vérifier le paquet' }).click();
    await mgr.getByRole('heading', { name: /Paquet de « Producteur SAS » : signature valide/ }).waitFor();
    await scan('Gestionnaire — importer un paquet producteur (aperçu)', mgr);

    expect(serious(scans.slice(from))).toEqual([]);
    // Une quarantaine de vues passées à axe-core sur une machine partagée : plus que le délai par défaut.
  }, 240_000);

  it('clavier : chaque action de la vue produit atteinte par Tab, focus visible, aucun tabindex positif, changements annoncés', async () => {
    await openScope(PRODUCER);
    const tabs = await productTabs();
    expect(tabs.length).toBeGreaterThan(4);
    // Les onglets au clavier (motif ARIA) : le premier a le focus, puis →, un onglet après l'autre.
    await mgr.getByRole('tab', { name: tabs[0], exact: true }).click();
    for (const [i, tab] of tabs.entries()) {
      if (i > 0) await mgr.keyboard.press('ArrowRight');
      await expect.poll(() => mgr.evaluate(() => document.activeElement?.getAttribute('role') === 'tab' && document.activeElement.textContent?.trim())).toBe(tab);
      await expect.poll(() => mgr.getByRole('tabpanel').getByText(/^Chargement/).count()).toBe(0);
      await tabWalk(`onglet « ${tab} »`);
      // Chaque contenu replié, ouvert au clavier (Entrée), est parcouru à son tour.
      const done = new Set<string>();
      for (let guard = 0; guard < 20; guard++) {
        const toggles = mgr.getByRole('tabpanel').locator('button[aria-expanded="false"]');
        const texts = (await toggles.allTextContents()).map((x) => x.trim());
        const k = texts.findIndex((x) => !done.has(x));
        if (k < 0) break;
        done.add(texts[k]!);
        const toggle = toggles.nth(k);
        const id = await toggle.getAttribute('id');
        await toggle.focus();
        await mgr.keyboard.press('Enter');
        await expect.poll(() => mgr.getByRole('tabpanel').getByText(/^Chargement/).count()).toBe(0);
        await tabWalk(`onglet « ${tab} », « ${texts[k]} » ouvert`);
        const same = id ? mgr.locator(`[id="${id}"]`) : null;
        if (same && (await same.count()) && (await same.getAttribute('aria-expanded')) === 'true') {
          await same.focus();
          await mgr.keyboard.press('Enter');
        }
      }
      // Retour sur l'onglet, pour passer au suivant par la flèche.
      await mgr.getByRole('tab', { name: tab, exact: true }).focus();
    }

    // Une action au clavier est annoncée dans la région d'état, présente avant l'annonce (lue par les lecteurs d'écran).
    await mgr.getByRole('tab', { name: 'Import / export', exact: true }).focus();
    await mgr.keyboard.press('Enter');
    const region = await status().elementHandle();
    expect(await region?.getAttribute('aria-live')).toBe('polite');
    await mgr.getByRole('button', { name: /^Exporter « .* » en Excel$/ }).focus();
    const [download] = await Promise.all([mgr.waitForEvent('download'), mgr.keyboard.press('Enter')]);
    await expect.poll(() => region?.textContent()).toBe(`Fichier « ${download.suggestedFilename()} » prêt au téléchargement.`);
    // « Annuler la dernière opération » au clavier : annoncé, dans la même région.
    await mgr.getByRole('button', { name: 'Annuler la dernière opération' }).focus();
    await mgr.keyboard.press('Enter');
    await expect.poll(() => region?.textContent()).toMatch(/^Opération annulée : /);
    expect(await status().elementHandle().then((e) => e?.evaluate((x, r) => x === r, region))).toBe(true);
  }, 240_000);
});
