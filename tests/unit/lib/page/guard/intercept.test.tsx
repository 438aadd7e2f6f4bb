// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forceLanguage } from '../../../../../components/i18n';
import { render } from 'preact';
import { focusProblem } from '../../../../../components/guard/dialog';
import { GuardDialog } from '../../../../../components/guard/GuardDialog';
import { problemText } from '../../../../../components/guard/format';
import type { ContentHandlers } from '../../../../../entrypoints/content/feature';
import { recognisePage } from '../../../../../lib/page/by-kind/recognise';
import { interceptSubmits, type Blocked, type Interceptor } from '../../../../../lib/page/guard';
import type { GuardProblem } from '../../../../../lib/page/guard';
import { guard } from '../../../../../entrypoints/content/features/guard';
import type { FeatureContext } from '../../../../../entrypoints/content/feature';
import { LEVELS_A, LEVELS_B, load } from '../../../support/page-fixtures';
import { readPageProduct } from '../../../../../lib/page/read/product';
import { collectSignals } from '../../../../../lib/page/read/signals';

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
  it('alertdialog modal, titre et description liés, focus sur « Corriger », Échap ferme', () => {
    load('<main><div id="app"></div></main>');
    const onCorrect = vi.fn();
    const onForce = vi.fn();
    const onClose = vi.fn();
    const problems: GuardProblem[] = [PROBLEM, { code: 'option-non-repondu', ref: 'A06.1.2', title: 'Veille', target: null }];
    const items = problems.map((p) => ({ ref: p.ref, ...problemText(p, 'valider') }));
    const mount = document.getElementById('app') as HTMLElement;
    render(<GuardDialog buttonLabel="Valider" items={items} onCorrect={onCorrect} onForce={onForce} onClose={onClose} />, mount);
    const dialog = mount.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Avant « Valider » : 2 point(s) à corriger');
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Rien n\'a été envoyé');
    const texts = Array.from(mount.querySelectorAll('li')).map((li) => li.querySelector('.text')?.textContent);
    expect(texts).toEqual(['A08.5.23 — niveau actuel : Niveau 1 ; niveaux acceptables : NA, 2, 3', 'A06.1.2 — critère optionnel sans réponse']);
    expect(document.activeElement?.textContent).toBe('Corriger');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(onCorrect).not.toHaveBeenCalled();
    expect(onForce).not.toHaveBeenCalled();
    render(null, mount);
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

  let handlers: ContentHandlers = {};
  function start(html: string, trusted: (e: Event) => boolean = () => true) {
    const root = load(html);
    handlers = {};
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
      // jsdom ne produit pas d'événements « de confiance » : le test dit lesquels le sont.
      trusted,
      handle: (more: ContentHandlers) => {
        Object.assign(handlers, more);
        return () => undefined;
      },
    } as unknown as FeatureContext;
    stop = guard.start(f) as (() => void) | void;
    return root;
  }

  // Un cadre fermé est masqué aussitôt, retiré un instant après (le clic qui le ferme finit dans le cadre).
  const host = () => Array.from(document.querySelectorAll<HTMLElement>('assistant-convergence-garde')).find((h) => h.style.display !== 'none') ?? null;

  it('balisage a : Valider arrêté, fenêtre (cadre en racine fermée) avec les bons identifiants, « Valider quand même » une fois, « Corriger » sur le premier point', async () => {
    const root = start(LEVELS_A);
    const calls: string[] = [];
    const valider = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Valider') as HTMLButtonElement;
    valider.addEventListener('click', () => calls.push('valider'));
    valider.click();
    expect(calls).toEqual([]);
    // La page ne voit que l'hôte : racine fantôme fermée, contenu dans une page de l'extension.
    expect(host()).not.toBeNull();
    expect(host()?.shadowRoot).toBeNull();
    const shown = await handlers['guard.dialog']!({});
    expect(shown?.buttonLabel).toBe('Valider');
    expect(shown?.problems.map((p) => p.ref)).toEqual(['A08.5.23', 'A07.1.1', 'A06.1.2']);
    await handlers['guard.choice']!({ choice: 'forcer' });
    expect(calls).toEqual(['valider']);
    expect(host()).toBeNull();
    valider.click();
    expect(calls).toEqual(['valider']);
    await handlers['guard.choice']!({ choice: 'corriger' });
    const active = document.activeElement as HTMLInputElement;
    expect(active.checked).toBe(true);
    expect(active.closest('article')?.querySelector('h3')?.textContent).toContain('A08.5.23');
    expect(await handlers['guard.dialog']!({})).toBeNull();
  });

  it('un clic simulé par un script de la page passe sans rien ouvrir (seuls les gestes d\'une personne sont examinés)', () => {
    const root = start(LEVELS_A, (e) => e.isTrusted);
    const calls: string[] = [];
    const valider = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Valider') as HTMLButtonElement;
    valider.addEventListener('click', () => calls.push('valider'));
    valider.click();
    expect(calls).toEqual(['valider']);
    expect(host()).toBeNull();
  });

  it('repère « sous le niveau minimum » au chargement, retiré après un changement de niveau acceptable', () => {
    vi.useFakeTimers();
    const root = start(LEVELS_B);
    const marker = () => document.querySelector('assistant-convergence-repere');
    expect(marker()?.getAttribute('data-critere')).toBe('04.03');
    expect(marker()?.parentElement?.getAttribute('role')).toBe('radiogroup');
    // Racine fermée : la page ne lit pas le repère (son texte est vérifié dans l'arbre d'accessibilité, en e2e).
    expect(marker()?.shadowRoot).toBeNull();
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
