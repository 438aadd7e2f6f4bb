// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forceLanguage } from '../../../components/i18n';
import { focusProblem, openGuardDialog } from '../../../components/guard/dialog';
import { recognisePage } from '../../../lib/page/detect';
import { interceptSubmits, type Blocked, type Interceptor } from '../../../lib/page/guard';
import type { GuardProblem } from '../../../lib/page/guard';
import { guard } from '../../../entrypoints/content/features/guard';
import type { FeatureContext } from '../../../entrypoints/content/feature';
import { LEVELS_A, LEVELS_B, load } from './guard-fixtures';
import { readPageProduct } from '../../../lib/page/read/product';
import { collectSignals } from '../../../lib/page/signals';

const PROBLEM: GuardProblem = { code: 'sous-minimum', ref: 'A08.5.23', level: '1', acceptable: ['NA', '2', '3'], target: null };

beforeEach(() => forceLanguage('fr'));

describe('interception en phase de capture', () => {
  let problems: GuardProblem[];
  let blocked: Blocked[];
  let page: string[];
  let g: Interceptor;
  let listeners: AbortController;

  beforeEach(() => {
    listeners = new AbortController();
    load(`<main><div id="app">
      <button id="valider" type="button"><span>Valider</span></button>
      <button id="brouillon" type="button">Enregistrer comme brouillon</button>
      <form id="f"><input id="submit" type="submit" value="Valider"><input id="champ" type="text"></form>
      <div id="rb" role="button" tabindex="0">Candidater</div>
    </div></main>`);
    problems = [PROBLEM];
    blocked = [];
    page = [];
    // Les gestionnaires de la page : sur l'élément, et délégués au document (comme React).
    document.getElementById('valider')?.addEventListener('click', () => page.push('valider'));
    document.getElementById('brouillon')?.addEventListener('click', () => page.push('brouillon'));
    document.addEventListener('click', (e) => { if ((e.target as Element).closest('#valider')) page.push('document'); }, { signal: listeners.signal });
    document.getElementById('f')?.addEventListener('submit', (e) => { e.preventDefault(); page.push('submit'); });
    document.getElementById('rb')?.addEventListener('keydown', (e) => page.push(`keydown:${e.key}`));
    g = interceptSubmits(window, { kind: () => null, check: () => problems, onBlocked: (b) => blocked.push(b) });
  });
  afterEach(() => {
    g.stop();
    listeners.abort();
  });

  const click = (id: string) => document.getElementById(id)?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));

  it("arrête le clic avant TOUS les gestionnaires de la page quand la page a un problème", () => {
    const notCancelled = click('valider');
    expect(notCancelled).toBe(false);
    expect(page).toEqual([]);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.action).toBe('valider');
    expect(blocked[0]?.button.id).toBe('valider');
    expect(blocked[0]?.problems).toEqual([PROBLEM]);
  });

  it('laisse passer sans rien toucher quand la page est propre, et ignore les autres boutons', () => {
    problems = [];
    expect(click('valider')).toBe(true);
    expect(page).toEqual(['valider', 'document']);
    problems = [PROBLEM];
    click('brouillon');
    expect(page).toEqual(['valider', 'document', 'brouillon']);
    expect(blocked).toHaveLength(0);
  });

  it('« Valider quand même » rejoue le clic une seule fois', () => {
    click('valider');
    g.passThrough(blocked[0] as Blocked);
    expect(page).toEqual(['valider', 'document']);
    click('valider');
    expect(page).toEqual(['valider', 'document']);
    expect(blocked).toHaveLength(2);
  });

  it('bouton d’envoi de formulaire : le clic arrêté n’envoie pas le formulaire ; le rejeu l’envoie une fois', () => {
    click('submit');
    expect(page).toEqual([]);
    expect(blocked[0]?.trigger).toBe('click');
    g.passThrough(blocked[0] as Blocked);
    expect(page).toEqual(['submit']);
    click('submit');
    expect(page).toEqual(['submit']);
  });

  it('envoi du formulaire sans clic (Entrée dans un champ, requestSubmit) : arrêté, puis rejoué une fois', () => {
    (document.getElementById('f') as HTMLFormElement).requestSubmit();
    expect(page).toEqual([]);
    expect(blocked[0]?.trigger).toBe('submit');
    expect(blocked[0]?.button.id).toBe('submit');
    g.passThrough(blocked[0] as Blocked);
    expect(page).toEqual(['submit']);
    problems = [];
    (document.getElementById('f') as HTMLFormElement).requestSubmit();
    expect(page).toEqual(['submit', 'submit']);
  });

  it('Entrée sur un role="button" qui n’est pas un bouton natif : arrêtée, puis rejouée', () => {
    document.getElementById('rb')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(page).toEqual([]);
    expect(blocked[0]?.action).toBe('candidater');
    g.passThrough(blocked[0] as Blocked);
    expect(page).toEqual(['keydown:Enter']);
  });

  it('une erreur de vérification laisse passer (la page ne casse jamais)', () => {
    g.stop();
    const onError = vi.fn();
    g = interceptSubmits(window, { kind: () => null, check: () => { throw new Error('x'); }, onBlocked: (b) => blocked.push(b), onError });
    click('valider');
    expect(page).toEqual(['valider', 'document']);
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('boîte de dialogue', () => {
  it('alertdialog modal, titre et description liés, focus sur « Corriger », Échap rend le focus au bouton', () => {
    load('<main><button id="b">Valider</button><input id="cible" type="radio" name="x"></main>');
    const button = document.getElementById('b') as HTMLButtonElement;
    const onCorrect = vi.fn();
    const onForce = vi.fn();
    openGuardDialog(document, {
      buttonLabel: 'Valider', action: 'valider', returnFocus: button, onCorrect, onForce,
      problems: [PROBLEM, { code: 'option-non-repondu', ref: 'A06.1.2', title: 'Veille', target: null }],
    });
    const host = document.querySelector('assistant-convergence-garde') as HTMLElement;
    const shadow = host.shadowRoot as ShadowRoot;
    const dialog = shadow.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(shadow.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Avant « Valider » : 2 point(s) à corriger');
    expect(shadow.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Rien n\'a été envoyé');
    const items = Array.from(shadow.querySelectorAll('li')).map((li) => li.querySelector('.text')?.textContent);
    expect(items).toEqual(['A08.5.23 — niveau actuel : Niveau 1 ; niveaux acceptables : NA, 2, 3', 'A06.1.2 — critère optionnel sans réponse']);
    expect(shadow.activeElement?.textContent).toBe('Corriger');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('assistant-convergence-garde')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(onCorrect).not.toHaveBeenCalled();
    expect(onForce).not.toHaveBeenCalled();
  });

  it('focusProblem : défile et donne le focus, même à un élément non focalisable', () => {
    load('<main><dl><dt>SIRET *</dt><dd id="dd">—</dd></dl><input id="i"></main>');
    expect(focusProblem(document.getElementById('i'))).toBe(true);
    expect(focusProblem(document.getElementById('dd'))).toBe(true);
    expect(document.activeElement?.id).toBe('dd');
    expect(focusProblem(null)).toBe(false);
  });
});

describe('la fonction « garde » sur une page', () => {
  let stop: (() => void) | void;
  afterEach(() => {
    if (typeof stop === 'function') stop();
    vi.useRealTimers();
  });

  function start(html: string) {
    const root = load(html);
    const f = {
      doc: document,
      recognition: () => recognisePage(document),
      onPageChange: () => () => undefined,
      filling: () => false,
      send: async () => null,
      runFill: <T,>(fill: () => Promise<T>) => fill(),
      // Catalogue vide et produit lu sur la page : comme le script de contenu sans bibliothèque.
      known: () => undefined,
      product: () => readPageProduct(collectSignals(document)),
    } as unknown as FeatureContext;
    stop = guard.start(f) as (() => void) | void;
    return root;
  }

  it('balisage a : Valider arrêté, dialogue avec les bons identifiants, « Valider quand même » une fois, « Corriger » sur le premier point', () => {
    const root = start(LEVELS_A);
    const calls: string[] = [];
    const valider = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Valider') as HTMLButtonElement;
    valider.addEventListener('click', () => calls.push('valider'));
    valider.click();
    expect(calls).toEqual([]);
    const shadow = document.querySelector('assistant-convergence-garde')?.shadowRoot as ShadowRoot;
    expect(Array.from(shadow.querySelectorAll('li')).map((li) => li.getAttribute('data-ref'))).toEqual(['A08.5.23', 'A07.1.1', 'A06.1.2']);
    (Array.from(shadow.querySelectorAll('button')).find((b) => b.textContent === 'Valider quand même') as HTMLButtonElement).click();
    expect(calls).toEqual(['valider']);
    expect(document.querySelector('assistant-convergence-garde')).toBeNull();
    valider.click();
    expect(calls).toEqual(['valider']);
    const shadow2 = document.querySelector('assistant-convergence-garde')?.shadowRoot as ShadowRoot;
    (Array.from(shadow2.querySelectorAll('button')).find((b) => b.textContent === 'Corriger') as HTMLButtonElement).click();
    const active = document.activeElement as HTMLInputElement;
    expect(active.checked).toBe(true);
    expect(active.closest('article')?.querySelector('h3')?.textContent).toContain('A08.5.23');
  });

  it('repère « sous le niveau minimum » au chargement, retiré après un changement de niveau acceptable', () => {
    vi.useFakeTimers();
    const root = start(LEVELS_B);
    const marker = () => document.querySelector('assistant-convergence-repere');
    expect(marker()?.getAttribute('data-critere')).toBe('04.03');
    expect(marker()?.parentElement?.getAttribute('role')).toBe('radiogroup');
    expect(marker()?.shadowRoot?.textContent).toContain('Sous le niveau minimum (acceptables : 2, 3) — niveau choisi : Maturité faible');
    const group = root.querySelector('[role="group"]') as HTMLElement;
    const moyenne = Array.from(group.querySelectorAll('input')).find((i) => i.labels?.[0]?.textContent?.includes('Maturité moyenne')) as HTMLInputElement;
    moyenne.click();
    vi.advanceTimersByTime(50);
    expect(marker()).toBeNull();
    const faible = Array.from(group.querySelectorAll('input')).find((i) => i.labels?.[0]?.textContent?.includes('Maturité faible')) as HTMLInputElement;
    faible.click();
    vi.advanceTimersByTime(50);
    expect(marker()?.getAttribute('data-critere')).toBe('04.03');
  });

  it('page propre : le clic passe sans dialogue', () => {
    const root = start(LEVELS_B.replace(' checked>', '>'));
    void root;
    // 04.03 sans réponse reste un problème : on répond à tout.
    for (const g of Array.from(document.querySelectorAll('[role="radiogroup"]'))) (g.querySelectorAll('input')[4] as HTMLInputElement).checked = true;
    const submit = document.querySelector('input[type="submit"]') as HTMLInputElement;
    let submitted = 0;
    submit.form?.addEventListener('submit', (e) => { e.preventDefault(); submitted++; });
    submit.click();
    expect(submitted).toBe(1);
    expect(document.querySelector('assistant-convergence-garde')).toBeNull();
  });
});
