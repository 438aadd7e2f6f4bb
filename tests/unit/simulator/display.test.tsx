// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../simulator/src/App.tsx';
import { getState, loadState, resetTo, STORAGE_KEY, update } from '../../simulator/src/store.ts';
import { buildScenario, SCENARIO_DESCRIPTIONS, SCENARIOS } from '../../simulator/src/scenarios.ts';
import { applicableQuestionnaires } from '../../simulator/src/rules.ts';
import {
  DEFAULT_DISPLAY, DEFAULT_TITLE, DEMARCHE, demarcheCrumbs, demarcheTitle, displayOf, documentTitle, parseDisplayParams,
  productHeading, productPlacement, type Display,
} from '../../simulator/src/display.ts';
import type { Style } from '../../simulator/src/types.ts';

const P1 = 'Dossia - v3.1 - 4101';
const P2 = 'Dossia iOS Mobile - v3.1 - 4102';
const B1 = '/produits/4101/demarches/mes';
const Q = `${B1}/questionnaires`;
const D = (p: Partial<Display>): Display => ({ ...DEFAULT_DISPLAY, ...p });

describe('variantes d\'affichage : fonctions pures', () => {
  it('lit ?fil=, ?produit=, ?retard= et signale les valeurs inconnues', () => {
    expect(parseDisplayParams(new URLSearchParams('fil=texte&produit=document&retard=1500'))).toEqual({
      display: { fil: 'texte', produit: 'document', retard: 1500 }, errors: [],
    });
    expect(parseDisplayParams(new URLSearchParams('scenario=pret')).display).toEqual({});
    const bad = parseDisplayParams(new URLSearchParams('fil=nav&produit=x&retard=-3'));
    expect(bad.display).toEqual({});
    expect(bad.errors).toHaveLength(3);
    expect(displayOf(undefined)).toEqual(DEFAULT_DISPLAY);
    expect(displayOf({ fil: 'texte', retard: 1.5 } as Partial<Display>)).toEqual(D({ fil: 'texte' }));
  });

  it('fil d\'Ariane par mode', () => {
    const labels = (d: Display, kind: 'demarche' | 'etape' | 'questionnaire', name: string | null = P1) =>
      demarcheCrumbs(d, kind, 4101, name, [{ label: 'Questionnaires' }]).map((c) => c.label);
    expect(labels(D({}), 'questionnaire')).toEqual(['Mon espace santé', DEMARCHE, `${P1} : ${DEMARCHE}`, 'Questionnaires']);
    expect(labels(D({}), 'demarche')).toEqual(['Mon espace santé', DEMARCHE, `${DEMARCHE} : ${P1}`, 'Questionnaires']);
    expect(labels(D({ fil: 'sans-suffixe' }), 'etape')[2]).toBe(P1);
    expect(labels(D({ fil: 'texte' }), 'questionnaire')[2]).toBe(P1);
    for (const produit of ['titre', 'document'] as const) expect(labels(D({ produit }), 'etape')[2]).toBe('Démarche');
    expect(labels(D({ produit: 'absent' }), 'questionnaire')[2]).toBe('Démarche');
    expect(labels(D({ produit: 'absent' }), 'etape')[2]).toBe(`${P1} : ${DEMARCHE}`);
    // retard : maillon produit absent tant que le produit n'est pas affiché
    expect(labels(D({ retard: 500 }), 'questionnaire', null)).toEqual(['Mon espace santé', DEMARCHE, 'Questionnaires']);
  });

  it('titres et document.title par mode', () => {
    expect(demarcheTitle(D({}), 'etape', P1)).toBe(`${P1} : ${DEMARCHE}`);
    expect(demarcheTitle(D({ produit: 'document' }), 'etape', P1)).toBe(DEMARCHE);
    expect(demarcheTitle(D({}), 'etape', null)).toBe(DEMARCHE);
    expect(productHeading(D({ produit: 'titre' }), 'questionnaire', P1)).toBe(P1);
    expect(productHeading(D({}), 'questionnaire', P1)).toBeNull();
    expect(productPlacement(D({ produit: 'absent' }), 'questionnaire')).toBe('aucun');
    const t = "Questionnaire d'évaluation : Interopérabilité";
    expect(documentTitle(D({}), 'questionnaire', t, P1)).toBe(DEFAULT_TITLE);
    expect(documentTitle(D({ produit: 'titre' }), 'questionnaire', t, P1)).toBe(DEFAULT_TITLE);
    expect(documentTitle(D({ produit: 'document' }), 'questionnaire', t, P1)).toBe(`${t} — ${P1} — Convergence`);
    expect(documentTitle(D({ produit: 'document' }), 'questionnaire', t, null)).toBe(`${t} — Convergence`);
  });
});

describe('scénario « variantes »', () => {
  it('4101 : trois questionnaires à niveaux validés ; 4102 : même démarche, questionnaires vides', () => {
    expect(SCENARIOS).toContain('variantes');
    expect(SCENARIO_DESCRIPTIONS.variantes).toContain(P2);
    const s = buildScenario('variantes');
    expect(s.products.map((p) => `${p.form.nom} - ${p.form.version} - ${p.id}`)).toEqual([P1, P2]);
    expect(s.nextProductId).toBe(4103);
    const [p1, p2] = s.products;
    const d1 = p1?.demarche;
    const d2 = p2?.demarche;
    if (!d1 || !d2) throw new Error('démarches absentes');
    for (const k of ['interoperabilite', 'urbanisation', 'maturite-securite'] as const) {
      const q = d1.questionnaires[k];
      expect(q.validated).not.toBeNull();
      const answers = Object.values(q.answers);
      expect(answers.length).toBeGreaterThan(0);
      for (const a of answers) {
        expect(a.level).toBeDefined();
        expect(a.comment).not.toBe('');
      }
      expect(d2.questionnaires[k].answers).toEqual({});
      expect(d2.questionnaires[k].validated).toBeNull();
    }
    expect(d1.questionnaires.ethique.validated).toBeNull();
    expect(d2.convention).toBe(d1.convention);
    expect(d2.ficheAdmin.status).toBe('transmise');
    expect(d2.orientation.validatedAnswers).toEqual(d1.orientation.validatedAnswers);
    expect(applicableQuestionnaires(d2.orientation.validatedAnswers)).toContain('interoperabilite');
  });
});

describe('variantes d\'affichage : pages rendues', () => {
  let root: HTMLElement | null = null;
  function unmount(): void {
    const r = root;
    if (!r) return;
    act(() => render(null, r));
    r.remove();
    root = null;
  }
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  function show(path: string, display: Partial<Display>, style: Style = 'a'): HTMLElement {
    unmount();
    localStorage.clear();
    resetTo('variantes', style, display);
    history.replaceState(null, '', path);
    const r = document.createElement('div');
    document.body.appendChild(r);
    act(() => render(<App />, r));
    root = r;
    return r;
  }
  const main = (r: HTMLElement) => r.querySelector('main') as HTMLElement;
  const QUESTIONNAIRE_PAGES = [
    `${Q}/orientation`, `${Q}/interoperabilite`, `${Q}/urbanisation`, `${Q}/maturite-securite`, `${Q}/ethique`, `${Q}/rgpd`,
    `${Q}/securite-echanges`, `${Q}/interoperabilite/resultats`,
  ];

  it('sans variante : fil en <nav> + <li>, maillon « Produit : Référencement … », titre constant', () => {
    for (const style of ['a', 'b'] as const) {
      const r = show(`${Q}/interoperabilite`, {}, style);
      const items = [...r.querySelectorAll('nav[aria-label="Fil d\'Ariane"] li')].map((li) => li.textContent?.replace(/^ > /, ''));
      expect(items[2]).toBe(`${P1} : ${DEMARCHE}`);
      expect(document.title).toBe(DEFAULT_TITLE);
      expect(r.querySelector('h1')?.textContent).toBe("Questionnaire d'évaluation : Interopérabilité");
      expect(r.querySelector('details.sim-tools legend')?.textContent).toContain(P1);
    }
  });

  it('?fil=texte : <p> sans nav ni liste ni aria-label, séparateur › (a) ou / (b)', () => {
    const expected = { a: ' › ', b: ' / ' };
    for (const style of ['a', 'b'] as const) {
      const r = show(`${Q}/interoperabilite`, { fil: 'texte' }, style);
      expect(r.querySelector('nav[aria-label="Fil d\'Ariane"], .breadcrumb')).toBeNull();
      const p = r.querySelector('p.chemin');
      expect(p?.hasAttribute('aria-label')).toBe(false);
      expect(p?.querySelector('li, ol, ul')).toBeNull();
      expect(p?.textContent).toBe(['Mon espace santé', DEMARCHE, P1, 'Questionnaires', "Questionnaire d'évaluation : Interopérabilité"].join(expected[style]));
      expect(p?.textContent).not.toContain('>');
    }
    // aussi sur les pages hors démarche
    expect(show('/produits', { fil: 'texte' }).querySelector('p.chemin')?.textContent).toBe('Vos produits › Votre catalogue produits');
  });

  it('?fil=sans-suffixe : fil en liste, maillon produit réduit au nom', () => {
    const r = show(`${Q}/interoperabilite`, { fil: 'sans-suffixe' }, 'b');
    const items = [...r.querySelectorAll('nav[aria-label="Fil d\'Ariane"] li')].map((li) => li.textContent?.replace(/^ > /, ''));
    expect(items[2]).toBe(P1);
    const r2 = show(B1, { fil: 'sans-suffixe' });
    expect(r2.querySelector('nav[aria-label="Fil d\'Ariane"] li:last-child span[aria-current="page"]')?.textContent).toBe(P1);
  });

  it('?produit=titre : produit seulement dans un titre (h2 en a, ligne du h1 en b), fil « Démarche »', () => {
    let r = show(`${Q}/interoperabilite`, { produit: 'titre' }, 'a');
    expect(r.querySelector('h2.produit-titre')?.textContent).toBe(P1);
    expect(r.querySelector('h1')?.textContent).toBe("Questionnaire d'évaluation : Interopérabilité");
    expect(r.querySelector('nav[aria-label="Fil d\'Ariane"] li:nth-child(3)')?.textContent).toBe(' > Démarche');
    expect(main(r).textContent?.split(P1)).toHaveLength(2);
    expect(r.textContent?.split('Dossia')).toHaveLength(2);
    expect(document.title).toBe(DEFAULT_TITLE);
    r = show(`${Q}/ethique`, { produit: 'titre' }, 'b');
    expect(r.querySelector('h1 .produit-ligne')?.textContent).toBe(P1);
    expect(r.querySelector('h1')?.textContent).toBe(`${P1} Questionnaire d'évaluation : Éthique Mon espace santé`);
    expect(r.textContent?.split('Dossia')).toHaveLength(2);
    // liste : le h1 porte déjà le produit
    r = show(Q, { produit: 'titre' });
    expect(r.querySelector('h1')?.textContent).toBe(`${P1} : ${DEMARCHE}`);
    expect(r.querySelector('nav[aria-label="Fil d\'Ariane"]')?.textContent).not.toContain('Dossia');
  });

  it('?produit=document : produit seulement dans document.title', () => {
    for (const style of ['a', 'b'] as const) {
      const r = show(`${Q}/interoperabilite`, { produit: 'document' }, style);
      expect(r.textContent).not.toContain('Dossia');
      expect(document.title).toBe(`Questionnaire d'évaluation : Interopérabilité — ${P1} — Convergence`);
      expect(r.querySelectorAll('article.criterion, div.criterion.b').length).toBe(9);
    }
    // (la fiche administrative garde ses champs « Nom du produit » / « Version », pas le libellé du produit)
    for (const path of [B1, Q, `${B1}/convention`, `${B1}/fiche-administrative`, `${B1}/dossiers`]) {
      const r = show(path, { produit: 'document' });
      expect(r.textContent, path).not.toContain(P1);
      expect(r.textContent, path).not.toContain('- 4101');
      expect(document.title, path).toContain(P1);
    }
    // en quittant la page, le titre par défaut revient
    unmount();
    expect(document.title).toBe(DEFAULT_TITLE);
  });

  it('?produit=absent : nulle part sur les questionnaires, visible sur la liste et la démarche', () => {
    for (const style of ['a', 'b'] as const) {
      for (const path of QUESTIONNAIRE_PAGES) {
        const r = show(path, { produit: 'absent' }, style);
        expect(r.querySelector('h1'), path).not.toBeNull();
        expect(r.textContent, `${style} ${path}`).not.toContain('Dossia');
        expect(document.title, path).not.toContain('Dossia');
      }
      expect(show(Q, { produit: 'absent' }, style).querySelector('nav[aria-label="Fil d\'Ariane"]')?.textContent).toContain(`${P1} : ${DEMARCHE}`);
      expect(show(B1, { produit: 'absent' }, style).querySelector('h1')?.textContent).toBe(`${DEMARCHE} : ${P1}`);
    }
  });

  it('?retard=MS : critères immédiats, produit affiché MS ms après le montage', () => {
    vi.useFakeTimers();
    const r = show(`${Q}/interoperabilite`, { retard: 800 });
    expect(r.querySelectorAll('article.criterion').length).toBe(9);
    expect(r.textContent).not.toContain('Dossia');
    act(() => {
      vi.advanceTimersByTime(799);
    });
    expect(main(r).textContent).not.toContain('Dossia');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(r.querySelector('nav[aria-label="Fil d\'Ariane"] li:nth-child(3)')?.textContent).toBe(` > ${P1} : ${DEMARCHE}`);
    // combiné avec produit=titre, style b
    const r2 = show(`${Q}/urbanisation`, { retard: 300, produit: 'titre' }, 'b');
    expect(r2.querySelector('.produit-ligne')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(300);
    });
    expect(r2.querySelector('h1 .produit-ligne')?.textContent).toBe(P1);
  });

  it('l\'affichage est mémorisé dans l\'état et survit à un rechargement ; un nouveau scénario le remet par défaut', () => {
    resetTo('variantes', 'b', { fil: 'texte', retard: 200 });
    update((s) => {
      s.lastRefusal = null;
    });
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as { display?: Display };
    expect(saved.display).toEqual(D({ fil: 'texte', retard: 200 }));
    resetTo('vierge');
    expect(getState().display).toEqual(DEFAULT_DISPLAY);
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...saved }));
    loadState();
    expect(getState().display).toEqual(D({ fil: 'texte', retard: 200 }));
    // ancien état sans champ display : affichage par défaut
    const old = { ...saved };
    delete old.display;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(old));
    loadState();
    expect(displayOf(getState().display)).toEqual(DEFAULT_DISPLAY);
    expect(show(`${Q}/interoperabilite`, {}).querySelector('nav[aria-label="Fil d\'Ariane"]')).not.toBeNull();
  });
});
