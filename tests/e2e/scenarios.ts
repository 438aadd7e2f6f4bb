// Parcours et attentes partagés par la suite Chromium (playwright-core) et la suite Firefox (puppeteer-core) :
// écrits une fois, pour que les deux navigateurs soient jugés sur les mêmes gestes et les mêmes attentes.
// Chaque suite fournit son onglet (SimTab, panel.ts) ; les fonctions passées à evaluate sont autonomes (sérialisées).
import { expect } from 'vitest';
import { t } from '../../components/strings';
import { ETHIQUE } from '../simulator/src/data/index.ts';
import { demarche, type HostileResult, type SimAnswers, type SimTab } from './panel';

const LEVEL_QUESTIONNAIRES = ['interoperabilite', 'urbanisation', 'maturite-securite'];

/** Questionnaires à niveaux : capture de chacun sur 3100 (balisage a), puis remplissage de 3101 (balisage b). */
export async function captureLevelsThenFill(tab: SimTab): Promise<void> {
  const sim0 = await tab.state();
  for (const q of LEVEL_QUESTIONNAIRES) {
    await tab.goto(`/produits/3100/demarches/mes/questionnaires/${q}`, 'a');
    const expected = Object.keys(demarche(sim0, 3100).questionnaires[q]!.validated!.answers).length;
    expect(await tab.capture()).toContain(t('captureDone', { library: 'Produit v0.1', created: expected, changed: 0, unchanged: 0, empty: 0 }));
  }
  for (const q of LEVEL_QUESTIONNAIRES) {
    await tab.goto(`/produits/3101/demarches/mes/questionnaires/${q}`, 'b');
    const counts = await tab.fill('Produit v0.1');
    const want = demarche(sim0, 3100).questionnaires[q]!.validated!.answers;
    expect(counts, q).toEqual({ filled: Object.keys(want).length * 2, unchanged: 0, conflict: 0, missing: 0 });
    const got = demarche(await tab.state(), 3101).questionnaires[q]!.answers;
    for (const [id, a] of Object.entries(want)) {
      expect(got[id]?.level, `${q} ${id}`).toBe(a.level);
      expect(got[id]?.comment, `${q} ${id}`).toBe(a.comment);
    }
  }
}

/** Éthique : capture sur 3100 (balisage b), remplissage de 3101 (balisage a) ; conformités et commentaires identiques. */
export async function captureEthiqueThenFill(tab: SimTab): Promise<void> {
  await tab.goto('/produits/3100/demarches/mes/questionnaires/ethique', 'b');
  expect(await tab.capture()).toMatch(/11 nouvelle\(s\)/);
  await tab.goto('/produits/3101/demarches/mes/questionnaires/ethique', 'a');
  await tab.fill('Produit v0.1');
  const s = await tab.state();
  const want = demarche(s, 3100).questionnaires.ethique!.validated!.answers;
  const got = demarche(s, 3101).questionnaires.ethique!.answers;
  for (const c of ETHIQUE.criteria) {
    expect(got[c.id]?.conformity, c.id).toBe(want[c.id]?.conformity);
    expect(got[c.id]?.comment, c.id).toBe(want[c.id]?.comment);
  }
}

// Script hostile contre la bibliothèque : un produit d'une autre entreprise, avec un commentaire secret.
export const SECRET_PRODUCT = 'Solution Confidentielle Zeta';
export const SECRET_COMMENT = 'Commentaire secret 7f3a-91c2 : sauvegardes chiffrées hors site';

/** Dans le gestionnaire : crée le produit secret et son commentaire (à passer à evaluate avec [nom, commentaire]). */
export async function createSecretProduct([name, comment]: readonly [string, string]): Promise<unknown> {
  const p = (await chrome.runtime.sendMessage({ type: 'product.create', payload: { author: 'e2e', product: { name, version: '2', type: 'socle', responsable: '', description: '' } } })) as { data: { id: string } };
  return chrome.runtime.sendMessage({
    type: 'answers.edit',
    payload: { productId: p.data.id, variantId: '', questionnaire: 'urbanisation', criterionId: 'B01.1', comment, author: 'e2e' },
  });
}

/** Dans le gestionnaire : toute la bibliothèque (produits et journal), pour voir que rien n'a changé. */
export async function librarySnapshot(): Promise<string> {
  const products = await chrome.runtime.sendMessage({ type: 'products.list', payload: {} });
  const operations = await chrome.runtime.sendMessage({ type: 'operations.list', payload: { limit: 200 } });
  return JSON.stringify({ products, operations });
}

/** Dans la page : un clic simulé (sans geste de confiance) sur « Valider ». */
export function clickValiderByScript(): void {
  const button = Array.from(document.querySelectorAll<HTMLElement>('button, input[type="submit"], [role="button"]')).find(
    (b) => ((b as HTMLInputElement).value || b.textContent || '').trim() === 'Valider',
  );
  if (!button) throw new Error('bouton « Valider » introuvable');
  button.click();
}

/** Le script hostile a parcouru la page sans rien lire de la bibliothèque ni voir l'API de l'extension. */
export function expectNothingSeen(result: HostileResult): void {
  expect(result.elements).toBeGreaterThan(50);
  expect(result.runtime).toBe(false);
  expect(result.seen).not.toContain(SECRET_PRODUCT);
  expect(result.seen).not.toContain(SECRET_COMMENT);
  expect(result.seen).not.toContain('Produit v0.1');
  expect(result.seen).not.toContain(t('sourceLabel'));
}

/** Après le script hostile : aucun commentaire ajouté à la page, et rien du commentaire secret. */
export function expectNoCommentWritten(before: SimAnswers, after: SimAnswers): void {
  expect(Object.values(after).filter((a) => a.comment).length).toBe(Object.values(before).filter((a) => a.comment).length);
  expect(JSON.stringify(after)).not.toContain(SECRET_COMMENT);
}

/** Après un vrai remplissage : chaque commentaire de la source est sur la page. */
export function expectCommentsFilled(filled: SimAnswers, want: SimAnswers): void {
  for (const [id, a] of Object.entries(want)) expect(filled[id]?.comment, id).toBe(a.comment);
}
