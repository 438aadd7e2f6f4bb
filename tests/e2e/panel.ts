// Le panneau de l'extension vu comme une personne le voit : ses boutons, sa liste de sources, ses messages ;
// et l'état du framework du simulateur (pas seulement le DOM). Partagé par les suites de bout en bout.
import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { t } from '../../components/strings';
import { ORIGIN } from './harness.mjs';

export type SimAnswers = Record<string, { level?: string; conformity?: string; comment?: string }>;
export interface SimState {
  products: {
    id: number;
    form: Record<string, unknown>;
    demarche: null | {
      ficheAdmin: { values: Record<string, string> };
      orientation: { answers: Record<string, string | string[]> };
      questionnaires: Record<string, { answers: SimAnswers; files: Record<string, { name: string }[]>; validated: null | { answers: SimAnswers } }>;
    };
  }[];
  productDraft: Record<string, unknown>;
  lastRefusal: null | { questionnaire?: string; reasons?: string[] };
}

/**
 * Le panneau : une page de l'extension dans un cadre placé dans une racine fantôme fermée. Les tests y
 * entrent comme une personne : par le cadre (Playwright voit les cadres, pas la racine fermée) et de vrais
 * clics. Lève une erreur tant que le cadre n'est pas là (expect.poll réessaie).
 */
export function panel(p: Page): Frame {
  const frame = p.frames().find((f) => /\/panel\.html(?:[?#]|$)/.test(f.url()) && !f.isDetached());
  if (!frame) throw new Error('Panneau absent de la page (cadre panel.html introuvable).');
  return frame;
}

/** Attend le panneau de la page et sa première lecture. */
export async function waitPanel(p: Page): Promise<Frame> {
  await expect.poll(() => p.frames().some((f) => /\/panel\.html(?:[?#]|$)/.test(f.url())), { timeout: 15_000 }).toBe(true);
  const frame = panel(p);
  await frame.getByRole('status').first().waitFor({ timeout: 15_000 });
  return frame;
}

/** La fenêtre de la garde une fois ouverte (son cadre attaché). */
export async function openedGuardDialog(p: Page): Promise<Locator> {
  await expect.poll(() => guardDialog(p).count(), { timeout: 15_000 }).toBe(1);
  return guardDialog(p);
}

/** La fenêtre de la garde (cadre garde.html), ou un repère qui ne trouve rien quand elle est fermée. */
export function guardDialog(p: Page): Locator {
  const frame = p.frames().find((f) => /\/garde\.html(?:[?#]|$)/.test(f.url()) && !f.isDetached() && f.parentFrame() !== null);
  return frame ? frame.getByRole('alertdialog') : p.locator('assistant-convergence-garde-fermee');
}
export const state = (p: Page) => p.evaluate(() => (window as unknown as { __convergenceSim: { getState(): unknown } }).__convergenceSim.getState()) as Promise<SimState>;
export const demarche = (s: SimState, id: number) => {
  const d = s.products.find((x) => x.id === id)?.demarche;
  if (!d) throw new Error(`produit ${id} sans démarche`);
  return d;
};

/** Va à une page du même état de simulateur (sans le réinitialiser), dans le balisage voulu. */
export async function goto(p: Page, path: string, style?: 'a' | 'b') {
  await p.goto(`${ORIGIN}${path}${style ? `?style=${style}` : ''}`);
  await waitPanel(p);
}

/**
 * Ce que les parcours demandent au panneau, quel que soit le pilote : Playwright pour Chromium (ci-dessous),
 * Puppeteer sur WebDriver BiDi pour Firefox (tests/e2e-firefox/driver.ts). « Enregistrer » et « Remplir » sont
 * écrits une seule fois, sur ce contrat : les deux navigateurs sont jugés par les mêmes attentes.
 */
export interface PanelDriver {
  /** Attend le panneau de la page et sa première lecture. */
  ready(): Promise<void>;
  /** Un vrai clic (geste de confiance) sur le bouton de ce nom. */
  click(button: string): Promise<void>;
  enabled(button: string): Promise<boolean>;
  /** Les libellés de la liste « Source des réponses ». */
  sources(): Promise<string[]>;
  chooseSource(label: string): Promise<void>;
  /** Le texte du premier élément du panneau qui répond au sélecteur, null s'il n'y en a pas. */
  text(selector: string): Promise<string | null>;
}

export type FillCounts = Record<'filled' | 'unchanged' | 'conflict' | 'missing', number>;

/** Les comptes du résumé du rapport de remplissage (« ✓ 12 = 3 ⚠ 1 ✗ 0 »). */
export function fillCounts(summary: string): FillCounts {
  const n = (re: RegExp) => Number(re.exec(summary)?.[1] ?? NaN);
  return { filled: n(/✓ (\d+)/), unchanged: n(/= (\d+)/), conflict: n(/⚠ (\d+)/), missing: n(/✗ (\d+)/) };
}

/** Le texte des messages du panneau une fois l'action finie (le panneau les vide au début de chaque action). */
export async function panelMessagesWith(d: PanelDriver): Promise<string> {
  await expect.poll(async () => (await d.text('.ac-messages')) ?? '', { timeout: 15_000 }).not.toBe('');
  await expect.poll(() => d.enabled(t('capture')), { timeout: 15_000 }).toBe(true);
  return (await d.text('.ac-messages')) ?? '';
}

export async function captureWith(d: PanelDriver): Promise<string> {
  await d.ready();
  await d.click(t('capture'));
  return panelMessagesWith(d);
}

export async function fillWith(d: PanelDriver, source?: string | RegExp): Promise<FillCounts> {
  await d.ready();
  if (source) {
    const find = async () => (await d.sources()).find((o) => (typeof source === 'string' ? o.startsWith(source) : source.test(o)));
    // La liste des sources arrive de l'arrière-plan juste après l'affichage du panneau.
    await expect.poll(find, { timeout: 10_000 }).toBeTruthy();
    await d.chooseSource((await find())!);
  }
  await d.click(t('fill'));
  // Le remplissage relit d'abord la page (critères modifiés) : sur une machine chargée, plus de 20 s ont été vues.
  await expect.poll(() => d.text('.ac-report summary'), { timeout: 40_000 }).not.toBeNull();
  await expect.poll(() => d.enabled(t('fill'))).toBe(true);
  return fillCounts((await d.text('.ac-report summary')) ?? '');
}

/** Le panneau d'une page Playwright (Chromium) : on y entre par son cadre. */
export function playwrightPanel(p: Page): PanelDriver {
  const button = (name: string) => panel(p).getByRole('button', { name });
  const select = () => panel(p).getByLabel(t('sourceLabel'));
  return {
    ready: async () => void (await waitPanel(p)),
    click: (name) => button(name).click(),
    enabled: (name) => button(name).isEnabled(),
    sources: () => select().locator('option').allTextContents(),
    chooseSource: async (label) => void (await select().selectOption({ label })),
    text: async (selector) => {
      const found = panel(p).locator(selector);
      return (await found.count()) ? await found.first().textContent() : null;
    },
  };
}

export const panelMessages = (p: Page): Promise<string> => panelMessagesWith(playwrightPanel(p));
export const capture = (p: Page): Promise<string> => captureWith(playwrightPanel(p));
export const fill = (p: Page, source?: string | RegExp): Promise<FillCounts> => fillWith(playwrightPanel(p), source);

/** Un onglet du simulateur, vu par les parcours partagés des deux suites (tests/e2e/scenarios.ts). */
export interface SimTab {
  goto(path: string, style?: 'a' | 'b'): Promise<void>;
  capture(): Promise<string>;
  fill(source?: string | RegExp): Promise<FillCounts>;
  state(): Promise<SimState>;
}

export const playwrightTab = (p: Page): SimTab => ({ goto: (path, style) => goto(p, path, style), capture: () => capture(p), fill: (source) => fill(p, source), state: () => state(p) });

/** Ce que le script hostile de la page a obtenu (voir hostilePageScript). */
export interface HostileResult {
  seen: string;
  elements: number;
  frames: number;
  runtime: boolean;
}

/**
 * Le script hostile, à passer tel quel à page.evaluate (Playwright comme Puppeteer) : dans le monde de la page,
 * il parcourt le DOM et les racines fantômes qu'il peut ouvrir, lit tout le texte et les valeurs, envoie des
 * événements synthétiques à tout ce qu'il trouve (clics, saisies, touches, changements de listes), et poste des
 * messages forgés à la fenêtre et aux cadres. Autonome (aucune référence extérieure) : il est sérialisé.
 */
export async function hostilePageScript(): Promise<HostileResult> {
  const seen: string[] = [];
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot | Element) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el instanceof HTMLIFrameElement) {
        try {
          const d = el.contentDocument;
          if (d) {
            seen.push(d.documentElement.textContent ?? '');
            walk(d);
          }
        } catch {
          /* autre origine : illisible */
        }
      }
    }
  };
  walk(document);
  for (const el of all) {
    seen.push(el.textContent ?? '', (el as HTMLInputElement).value ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    if (el instanceof HTMLSelectElement) seen.push(...Array.from(el.options).map((o) => o.textContent ?? ''));
  }
  const options = { bubbles: true, cancelable: true, composed: true };
  for (const el of all) {
    if (el.closest('main form, main button[type="submit"]') && /Valider|Enregistrer et demander/.test(el.textContent ?? '')) continue;
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) el.dispatchEvent(new MouseEvent(type, options));
    for (const key of ['Enter', ' ', 'ArrowDown']) el.dispatchEvent(new KeyboardEvent('keydown', { ...options, key }));
    if (el instanceof HTMLSelectElement && el.options.length > 1) {
      el.selectedIndex = el.options.length - 1;
      el.dispatchEvent(new Event('change', options));
    }
    el.dispatchEvent(new Event('input', options));
    el.dispatchEvent(new Event('change', options));
  }
  // Messages forgés vers la fenêtre et chaque cadre (le panneau, la fenêtre de la garde s'ils y étaient).
  const forged = [
    { type: 'panel.fill', payload: { answers: [], review: [], words: { level: 'n', comment: 'c', specificite: 's', review: 'r' } } },
    { type: 'panel.capture', payload: {} },
    { type: 'answers.resolved', payload: { productId: 'x', variantId: '' } },
    { type: 'page.link', payload: { pageProduct: { name: 'Pirate', version: 'v1', number: '6666' }, author: 'pirate' } },
    { type: 'guard.choice', payload: { choice: 'forcer' } },
  ];
  for (const m of forged) {
    window.postMessage(m, '*');
    for (let i = 0; i < window.frames.length; i++) window.frames[i]?.postMessage(m, '*');
  }
  await new Promise((r) => setTimeout(r, 1500));
  const g = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: { runtime?: { sendMessage?: unknown } } };
  const runtime = typeof g.chrome?.runtime?.sendMessage === 'function' || typeof g.browser?.runtime?.sendMessage === 'function';
  return { seen: seen.join('\n'), elements: all.length, frames: window.frames.length, runtime };
}
