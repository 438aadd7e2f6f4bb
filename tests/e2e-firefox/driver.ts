// Le panneau, la fenêtre de la garde et les pages du simulateur dans Firefox, vus comme une personne les voit,
// par Puppeteer sur WebDriver BiDi. Les cadres de l'extension (panel.html, garde.html) sont dans des racines
// fantômes fermées : la page ne les voit pas, mais BiDi (avec --remote-allow-system-access) entre dans chaque
// cadre ; les clics sont de vrais gestes (input.performActions), donc de confiance pour l'extension.
// « Enregistrer » et « Remplir » sont ceux de la suite Chromium (tests/e2e/panel.ts), sur ce pilote.
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { t } from '../../components/strings';
import { captureWith, fillWith, panelMessagesWith, type FillCounts, type PanelDriver, type SimState, type SimTab } from '../e2e/panel';
import { ORIGIN } from './harness';

export { demarche, type SimState } from '../e2e/panel';

/**
 * Le cadre d'une page de l'extension dans la page. Firefox ne rapporte pas toujours la navigation des cadres de
 * l'extension (leur adresse reste « about:blank » pour Puppeteer) : on demande son adresse au cadre lui-même.
 */
async function extensionFrame(p: Page, file: 'panel.html' | 'garde.html'): Promise<Frame | undefined> {
  const re = new RegExp(`^moz-extension://[^/]+/${file.replace('.', '\\.')}(?:[?#]|$)`);
  for (const f of p.frames()) {
    if (f === p.mainFrame() || f.detached) continue;
    if (re.test(f.url())) return f;
    const href = await f.evaluate(() => location.href).catch(() => '');
    if (re.test(href)) return f;
  }
  return undefined;
}

export async function panelFrame(p: Page): Promise<Frame> {
  const f = await extensionFrame(p, 'panel.html');
  if (!f) throw new Error('Panneau absent de la page (cadre panel.html introuvable).');
  return f;
}

/** Attend le panneau de la page et sa première lecture (son statut affiché). */
export async function waitPanel(p: Page): Promise<Frame> {
  await expect
    .poll(async () => {
      const f = await extensionFrame(p, 'panel.html');
      return !!f && (await f.evaluate(() => !!document.querySelector('[role="status"]')).catch(() => false));
    }, { timeout: 15_000 })
    .toBe(true);
  return panelFrame(p);
}

/**
 * Le bouton (ou l'onglet) de ce nom dans un cadre, comparé comme getByRole de Playwright : nom accessible
 * (aria-label, sinon valeur ou texte) exact d'abord, sinon le premier qui le contient sans tenir compte de la
 * casse ; une expression régulière est essayée telle quelle. Null s'il n'y en a pas.
 */
async function buttonIn(frame: Frame, name: string | RegExp): Promise<ElementHandle<HTMLElement> | null> {
  const pattern = typeof name === 'string' ? null : { source: name.source, flags: name.flags };
  const handle = await frame.evaluateHandle(
    (wanted, re) => {
      const nameOf = (b: Element) => (b.getAttribute('aria-label') || (b as HTMLInputElement).value || b.textContent || '').replace(/\s+/g, ' ').trim();
      const buttons = Array.from(document.querySelectorAll<HTMLElement>('button, input[type="submit"], input[type="button"], [role="button"], [role="tab"]'));
      if (re) {
        const r = new RegExp(re.source, re.flags);
        return buttons.find((b) => r.test(nameOf(b))) ?? null;
      }
      const lower = wanted.toLowerCase();
      return buttons.find((b) => nameOf(b) === wanted) ?? buttons.find((b) => nameOf(b).toLowerCase().includes(lower)) ?? null;
    },
    typeof name === 'string' ? name : '',
    pattern,
  );
  const el = handle.asElement() as ElementHandle<HTMLElement> | null;
  if (!el) await handle.dispose();
  return el;
}

/** Un vrai clic sur le bouton de ce nom (attendu jusqu'à ce qu'il existe). */
export async function clickButton(frame: Frame, name: string | RegExp): Promise<void> {
  let el: ElementHandle<HTMLElement> | null = null;
  await expect.poll(async () => !!(el = await buttonIn(frame, name)), { timeout: 10_000, message: `bouton « ${name} »` }).toBe(true);
  await el!.click();
  await el!.dispose();
}

/** Le panneau d'une page Firefox, pour les parcours partagés (tests/e2e/panel.ts). */
export function firefoxPanel(p: Page): PanelDriver {
  /** La liste « Source des réponses », par le texte de son étiquette. */
  const sourceSelect = async (): Promise<ElementHandle<HTMLSelectElement>> => {
    const handle = await (await panelFrame(p)).evaluateHandle((label) => {
      const l = Array.from(document.querySelectorAll('label')).find((x) => (x.textContent ?? '').includes(label));
      return (l?.control ?? l?.querySelector('select') ?? null) as HTMLSelectElement | null;
    }, t('sourceLabel'));
    const select = handle.asElement() as ElementHandle<HTMLSelectElement> | null;
    if (!select) throw new Error(`Liste « ${t('sourceLabel')} » introuvable dans le panneau.`);
    return select;
  };
  return {
    ready: async () => void (await waitPanel(p)),
    click: async (name) => clickButton(await panelFrame(p), name),
    enabled: async (name) => {
      const el = await buttonIn(await panelFrame(p), name);
      if (!el) return false;
      const on = await el.evaluate((b) => !(b as HTMLButtonElement).disabled);
      await el.dispose();
      return on;
    },
    sources: async () => {
      const select = await sourceSelect();
      const texts = await select.evaluate((s) => Array.from(s.options).map((o) => o.textContent ?? ''));
      await select.dispose();
      return texts;
    },
    chooseSource: async (label) => {
      const select = await sourceSelect();
      const value = await select.evaluate((s, text) => Array.from(s.options).find((o) => o.textContent === text)?.value, label);
      if (value === undefined) throw new Error(`Source « ${label} » absente de la liste.`);
      // Comme selectOption de Playwright : l'option choisie, puis « input » et « change ».
      await select.select(value);
      await select.dispose();
    },
    text: (selector) => panelText(p, selector),
  };
}

export const capture = (p: Page): Promise<string> => captureWith(firefoxPanel(p));
export const fill = (p: Page, source?: string | RegExp): Promise<FillCounts> => fillWith(firefoxPanel(p), source);
export const panelMessages = (p: Page): Promise<string> => panelMessagesWith(firefoxPanel(p));

/** Le texte d'un élément du panneau (null s'il n'y est pas). */
export const panelText = async (p: Page, selector: string): Promise<string | null> => (await panelFrame(p)).evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

/** L'état du framework du simulateur (monde principal de la page), pas seulement le DOM. */
export const state = (p: Page): Promise<SimState> => p.evaluate(() => (window as unknown as { __convergenceSim: { getState(): SimState } }).__convergenceSim.getState());

/** Va à une page du même état de simulateur (sans le réinitialiser), dans le balisage voulu. */
export async function goto(p: Page, pathname: string, style?: 'a' | 'b'): Promise<void> {
  await p.goto(`${ORIGIN}${pathname}${style ? `?style=${style}` : ''}`);
  await waitPanel(p);
}

/** L'onglet pour les parcours partagés avec la suite Chromium (tests/e2e/scenarios.ts). */
export const firefoxTab = (p: Page): SimTab => ({ goto: (path, style) => goto(p, path, style), capture: () => capture(p), fill: (source) => fill(p, source), state: () => state(p) });

/** Un vrai clic sur un bouton de la page Convergence elle-même (« Valider »…). */
export async function clickPageButton(p: Page, name: string): Promise<void> {
  await clickButton(p.mainFrame(), name);
}

/** La fenêtre de la garde (cadre garde.html) si elle est ouverte. */
export async function guardFrame(p: Page): Promise<Frame | undefined> {
  const f = await extensionFrame(p, 'garde.html');
  if (!f) return undefined;
  return (await f.evaluate(() => !!document.querySelector('[role="alertdialog"]')).catch(() => false)) ? f : undefined;
}

export async function guardOpen(p: Page): Promise<boolean> {
  return !!(await guardFrame(p));
}

/** Attend la fenêtre de la garde et rend les identifiants des problèmes qu'elle liste, dans l'ordre. */
export async function guardRefs(p: Page): Promise<(string | null)[]> {
  await expect.poll(() => guardOpen(p), { timeout: 15_000 }).toBe(true);
  return (await guardFrame(p))!.evaluate(() => Array.from(document.querySelectorAll('[role="alertdialog"] li')).map((li) => li.getAttribute('data-ref')));
}

/** Un vrai clic sur un bouton de la fenêtre de la garde. */
export async function clickGuard(p: Page, name: string): Promise<void> {
  await expect.poll(() => guardOpen(p), { timeout: 15_000 }).toBe(true);
  await clickButton((await guardFrame(p))!, name);
}
