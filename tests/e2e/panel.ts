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

/** Le texte des messages du panneau une fois l'action finie (le panneau les vide au début de chaque action). */
export async function panelMessages(p: Page): Promise<string> {
  const messages = panel(p).locator('.ac-messages');
  await expect.poll(async () => (await messages.textContent()) ?? '', { timeout: 15_000 }).not.toBe('');
  await expect.poll(async () => panel(p).getByRole('button', { name: t('capture') }).isEnabled(), { timeout: 15_000 }).toBe(true);
  return (await messages.textContent()) ?? '';
}

export async function capture(p: Page): Promise<string> {
  await (await waitPanel(p)).getByRole('button', { name: t('capture') }).click();
  return panelMessages(p);
}

export async function fill(p: Page, source?: string | RegExp): Promise<Record<string, number>> {
  const select = (await waitPanel(p)).getByLabel(t('sourceLabel'));
  if (source) {
    const find = async () => (await select.locator('option').allTextContents()).find((o) => (typeof source === 'string' ? o.startsWith(source) : source.test(o)));
    // La liste des sources arrive de l'arrière-plan juste après l'affichage du panneau.
    await expect.poll(find, { timeout: 10_000 }).toBeTruthy();
    const label = (await find())!;
    await select.selectOption({ label });
  }
  await panel(p).getByRole('button', { name: t('fill') }).click();
  const summary = panel(p).locator('.ac-report summary');
  await summary.waitFor({ timeout: 20_000 });
  await expect.poll(async () => panel(p).getByRole('button', { name: t('fill') }).isEnabled()).toBe(true);
  const text = (await summary.textContent()) ?? '';
  const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  return { filled: n(/✓ (\d+)/), identical: n(/= (\d+)/), conflict: n(/⚠ (\d+)/), missing: n(/✗ (\d+)/) };
}

