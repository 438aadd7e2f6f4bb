import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/strings';
import {
  COMPLEMENTAIRE_IDS, COMPLEMENTAIRE_TRIGGER, INTEROPERABILITE_GRAND, LEVEL_ORDER, ORIENTATION_ALL_APPLICABLE, ORIENTATION_QUESTIONS,
} from '../simulator/src/data/index.ts';
import { launchExtension, type Harness } from './harness.mjs';
import { panel, panelMessages, waitPanel } from './panel';

// Remplissage et état du framework de la page, sur les pièges qui rendent dangereux d'enchaîner des gestes
// sans laisser la page se rendre (voir tests/simulator/README.md, « Pièges de rendu ») : commentaire vérifié
// à la sortie du champ d'après le dernier rendu, section rendue un rendu après la réponse qui la révèle,
// cases à cocher dont la liste part du dernier rendu. On vérifie l'état du simulateur, pas seulement le DOM.

const GRAND = '/produits/3100/demarches/mes/questionnaires/interoperabilite';
const ORIENTATION = '/produits/3100/demarches/mes/questionnaires/orientation';
const LIBRARY = 'Produit v0.1';
const SLOW = 300_000; // 254 critères × 2 gestes, puis l'annulation : bien plus que les 60 s par défaut

interface Answer { level?: string; comment?: string }
interface Questionnaire { answers: Record<string, Answer>; commentErrors?: Record<string, string> }
interface Sim {
  products: { id: number; demarche: null | { orientation: { answers: Record<string, string | string[]> }; questionnaires: Record<string, Questionnaire> } }[];
}
const sim = (p: Page) => p.evaluate(() => (window as unknown as { __convergenceSim: { getState(): unknown } }).__convergenceSim.getState()) as Promise<Sim>;
async function demarche3100(p: Page) {
  const d = (await sim(p)).products.find((x) => x.id === 3100)?.demarche;
  if (!d) throw new Error('démarche 3100 absente');
  return d;
}
const interop = async (p: Page) => (await demarche3100(p)).questionnaires.interoperabilite!;

/**
 * Bibliothèque : un niveau (tous les niveaux proposés tour à tour) et un commentaire d'au moins 10 caractères
 * pour chacun des 254 critères, section complémentaire comprise ; A20.1.1 au niveau 2, qui la révèle.
 */
const WANT = INTEROPERABILITE_GRAND.criteria.map((c, i) => {
  const offered = LEVEL_ORDER.filter((k) => c.levels[k] !== undefined);
  const level = c.id === COMPLEMENTAIRE_TRIGGER.criterion ? '2' : offered[i % offered.length]!;
  return { id: c.id, level, comment: `Bibliothèque : réponse au critère ${c.id}, voir la documentation.` };
});
const ALL_IDS = WANT.map((w) => w.id);

/** Orientation de la bibliothèque : tout applicable, dont des cases multiples (3, 4, 8, 11.1) et des questions révélées. */
const ORIENTATION_ANSWERS = Object.entries(ORIENTATION_ALL_APPLICABLE).map(([id, v]) => {
  const q = ORIENTATION_QUESTIONS.find((x) => x.id === id);
  const value = q?.type === 'text' ? { kind: 'texte', text: v as string } : { kind: 'choix', choices: Array.isArray(v) ? v : [v] };
  return { questionnaire: 'orientation', criterionId: `Q${id}`, value };
});

/** « Remplir la page » depuis la bibliothèque, jusqu'au rapport affiché (long : 254 critères). */
async function fillPage(p: Page): Promise<Record<string, number>> {
  const select = (await waitPanel(p)).getByLabel(t('sourceLabel'));
  const find = async () => (await select.locator('option').allTextContents()).find((o) => o.startsWith(LIBRARY));
  await expect.poll(find, { timeout: 10_000 }).toBeTruthy();
  await select.selectOption({ label: (await find())! });
  await panel(p).getByRole('button', { name: t('fill') }).click();
  const summary = panel(p).locator('.ac-report summary');
  await summary.waitFor({ timeout: SLOW - 60_000 });
  await expect.poll(async () => panel(p).getByRole('button', { name: t('fill') }).isEnabled(), { timeout: 30_000 }).toBe(true);
  const text = (await summary.textContent()) ?? '';
  const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  return { filled: n(/✓ (\d+)/), unchanged: n(/= (\d+)/), conflict: n(/⚠ (\d+)/), missing: n(/✗ (\d+)/) };
}

/** Commentaire d'un critère dans chaque balisage. */
const commentBox = (p: Page, style: 'a' | 'b', id: string) =>
  p.locator(style === 'a' ? `#commentaire-${id.replace(/[^A-Za-z0-9]/g, '-')}` : `textarea[aria-label="Commentaire du critère ${id}"]`);

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
  const options = await h.openOptions();
  // (pas de fonction nommée dans evaluate : tsx y ajouterait une aide __name absente de la page)
  const saved = await options.evaluate(async ([want, orientation]) => {
    const pageProduct = { name: 'Produit', version: 'v0.1', number: '3100' };
    await chrome.runtime.sendMessage({ type: 'page.link', payload: { pageProduct, author: 'e2e' } });
    const answers = [
      ...want.map((a) => ({ questionnaire: 'interoperabilite', criterionId: a.id, value: { kind: 'niveau', level: a.level }, comment: a.comment })),
      ...orientation,
    ];
    return chrome.runtime.sendMessage({ type: 'page.capture', payload: { pageProduct, captured: { model: 'criteria', title: 'e2e', criteria: [], answers, empty: [] } } });
  }, [WANT, ORIENTATION_ANSWERS] as const);
  expect(saved).toMatchObject({ ok: true, data: { outcome: { code: 'enregistre', created: WANT.length + ORIENTATION_ANSWERS.length } } });
  await options.close();
});
afterAll(async () => {
  await h?.close();
});

describe.each(['a', 'b'] as const)('remplissage et état du framework, balisage %s', (style) => {
  let page: Page;

  it('grand questionnaire : les 249 critères puis la section complémentaire révélée, chaque niveau et commentaire dans l\'état', { timeout: SLOW }, async () => {
    page = await h.openSim(GRAND, { scenario: 'grand', style });
    expect(Object.keys((await interop(page)).answers)).toEqual([]);
    const counts = await fillPage(page);
    const got = (await interop(page)).answers;
    for (const w of WANT) {
      expect(got[w.id]?.level, `${w.id} niveau`).toBe(w.level);
      expect(got[w.id]?.comment, `${w.id} commentaire`).toBe(w.comment);
    }
    expect(counts).toEqual({ filled: WANT.length * 2, unchanged: 0, conflict: 0, missing: 0 });
    // La section est affichée et compte dans l'avancement de la page.
    await expect.poll(async () => page.locator('.q-progress').textContent()).toContain(`${WANT.length}/${WANT.length} critères évalués`);
    for (const id of COMPLEMENTAIRE_IDS) expect(await commentBox(page, style, id).count(), id).toBe(1);
  });

  it('aucune erreur de validation de commentaire ne reste après le remplissage (état et page)', async () => {
    // Chaque commentaire rempli a au moins 10 caractères : une erreur restante a été calculée sur le commentaire
    // d'avant la saisie (sortie du champ dans la même tâche que la saisie, avant le rendu de la page).
    const errors = (await interop(page)).commentErrors ?? {};
    const shownErrors = await page.locator('textarea[aria-invalid="true"]').count();
    await page.close();
    expect(Object.keys(errors).length, `erreurs périmées : ${Object.keys(errors).slice(0, 5).join(', ')}…`).toBe(0);
    expect(shownErrors).toBe(0);
  });

  const PERSON = ['A06.1.1', 'A20.1.5', 'A31.1.20'];
  const personText = (id: string) => `Saisi par une personne pour ${id}, à garder.`;

  it('conflits : les commentaires saisis par une personne avant le remplissage restent, et le rapport le dit', { timeout: SLOW }, async () => {
    page = await h.openSim(GRAND, { scenario: 'grand', style });
    await waitPanel(page);
    for (const id of PERSON) {
      await commentBox(page, style, id).click();
      await page.keyboard.type(personText(id));
      await page.keyboard.press('Tab');
    }
    const before = await interop(page);
    for (const id of PERSON) {
      expect(before.answers[id]?.comment).toBe(personText(id));
      expect(before.commentErrors?.[id], `${id} : la saisie d'une personne est vérifiée sur le bon texte`).toBeUndefined();
    }

    const counts = await fillPage(page);
    expect(counts.conflict).toBe(PERSON.length);
    const got = (await interop(page)).answers;
    for (const id of PERSON) expect(got[id]?.comment, id).toBe(personText(id));
    for (const w of WANT.filter((x) => !PERSON.includes(x.id))) expect(got[w.id]?.comment, w.id).toBe(w.comment);
    for (const w of WANT) expect(got[w.id]?.level, w.id).toBe(w.level);

    const rows = panel(page).locator('tr[data-status="conflict"]');
    expect(await rows.count()).toBe(PERSON.length);
    const labels = (await rows.locator('th').allTextContents()).map((s) => s.trim()).sort();
    expect(labels).toEqual(PERSON.map((id) => `${id} — commentaire`).sort());
    for (const text of await rows.locator('td:nth-child(2)').allTextContents()) expect(text).toContain(t('statusConflict'));
  });

  it('« Annuler le remplissage » rend à l\'état les valeurs d\'avant pour ce que le remplissage a écrit ; les choix non décochables sont nommés', { timeout: SLOW }, async () => {
    await panel(page).getByRole('button', { name: t('undoFill') }).click();
    await expect.poll(async () => (await panel(page).locator('.ac-messages').textContent()) ?? '', { timeout: SLOW - 60_000 }).toMatch(/Remplissage annulé/);
    const messages = await panelMessages(page);
    expect(messages).toContain(t('undoDone', { restored: WANT.length - PERSON.length }));
    expect(messages).toMatch(/ne peuvent pas être décochés/);
    const got = (await interop(page)).answers;
    for (const id of ALL_IDS) {
      // Commentaires remplis : vides comme avant ; ceux de la personne : intacts.
      expect(got[id]?.comment ?? '', id).toBe(PERSON.includes(id) ? personText(id) : '');
    }
    // Un bouton radio ne se décoche pas : les niveaux restent, et le panneau le dit.
    for (const w of WANT) expect(got[w.id]?.level, w.id).toBe(w.level);
    await page.close();
  });

  it('orientation : chaque case d\'une question à choix multiples enregistrée, questions révélées remplies', { timeout: SLOW }, async () => {
    page = await h.openSim(ORIENTATION, { scenario: 'nominal', style });
    expect((await demarche3100(page)).orientation.answers).toEqual({});
    const counts = await fillPage(page);
    expect(counts.conflict).toBe(0);
    expect(counts.missing).toBe(0);
    const got = (await demarche3100(page)).orientation.answers;
    const multiple = Object.entries(ORIENTATION_ALL_APPLICABLE).filter(([, v]) => Array.isArray(v) && v.length > 1);
    expect(multiple.map(([id]) => id)).toEqual(['3', '4', '8', '11.1']);
    for (const [id, v] of multiple) expect(got[id], `question ${id}`).toEqual(v);
    // Questions révélées par une réponse (absentes de la page avant elle) : 1.1, 1.2, 5, 6.1, 6.2, 7.1, 7.2, 11.1, 17.1.
    const revealed = ORIENTATION_QUESTIONS.filter((q) => q.revealedBy && ORIENTATION_ALL_APPLICABLE[q.id] !== undefined).map((q) => q.id);
    expect(revealed.length).toBeGreaterThanOrEqual(9);
    for (const id of revealed) expect(got[id], `question révélée ${id}`).toEqual(ORIENTATION_ALL_APPLICABLE[id]);
    expect(got).toEqual(ORIENTATION_ALL_APPLICABLE);
    await page.close();
  });
});

describe('réseau', () => {
  it('aucune requête hors du simulateur pendant tout ce qui précède', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
