// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../simulator/src/App.tsx';
import { getState, resetTo } from '../../simulator/src/store.ts';
import { COMPLEMENTAIRE_IDS, INTEROPERABILITE, INTEROPERABILITE_GRAND, ORIENTATION_ALL_APPLICABLE } from '../../simulator/src/data/index.ts';
import { INTERETS } from '../../simulator/src/data/forms.ts';
import { COMMENT_TOO_SHORT, applicableLevelCriteria, levelConditionText, levelMissing, questionnaireProgress } from '../../simulator/src/rules.ts';
import type { Style } from '../../simulator/src/types.ts';

/**
 * Motifs des vraies pages qui rendent dangereux d'enchaîner des gestes dans la même tâche : gestionnaires qui
 * lisent l'état du DERNIER RENDU, section rendue un rendu après la réponse qui la révèle. Ces tests prouvent
 * qu'un script naïf (gestes sans laisser la page se rendre) se trompe vraiment, pour que ces pièges ne
 * deviennent jamais inoffensifs sans qu'on le voie. Les clics « naïfs » sont faits hors de act() : le rendu
 * de Preact attend alors une micro-tâche, comme dans le navigateur.
 */

let root: HTMLElement | null = null;
function mount(path: string, scenario: string, style: Style = 'a'): HTMLElement {
  localStorage.clear();
  resetTo(scenario, style);
  history.replaceState(null, '', path);
  const el = document.createElement('div');
  document.body.appendChild(el);
  act(() => render(<App />, el));
  root = el;
  return el;
}
afterEach(() => {
  if (root) {
    const el = root;
    act(() => render(null, el));
    el.remove();
    root = null;
  }
});

/** Laisse passer la micro-tâche du rendu de Preact. */
const microtask = () => Promise.resolve();
/** Laisse passer rendus et effets (après l'image suivante, ou 35 ms au plus chez Preact). */
const effects = () => new Promise((r) => setTimeout(r, 120));

const demarche = () => {
  const d = getState().products.find((p) => p.id === 3100)?.demarche;
  if (!d) throw new Error('démarche 3100 absente');
  return d;
};
const interop = () => demarche().questionnaires.interoperabilite;

function checkbox(el: HTMLElement, scope: string, label: string): HTMLInputElement {
  const box = [...el.querySelectorAll<HTMLInputElement>(`${scope} input[type=checkbox]`)].find((b) => b.parentElement?.textContent?.trim().endsWith(label));
  if (!box) throw new Error(`case « ${label} » absente`);
  return box;
}

describe('cases à cocher : la liste part du dernier rendu', () => {
  const ORIENTATION = '/produits/3100/demarches/mes/questionnaires/orientation';

  it('orientation : deux cases cochées dans la même tâche, la première est perdue', async () => {
    const el = mount(ORIENTATION, 'nominal');
    const web = checkbox(el, '#orientation-q4', 'Web');
    const android = checkbox(el, '#orientation-q4', 'Android');
    web.click();
    android.click();
    await microtask();
    expect(demarche().orientation.answers['4']).toEqual(['Android']);
    expect(web.checked).toBe(false); // le rendu suivant décoche la case perdue
  });

  it('orientation : une case par tâche, la page rendue entre les deux, les deux sont gardées', () => {
    const el = mount(ORIENTATION, 'nominal');
    act(() => checkbox(el, '#orientation-q4', 'Web').click());
    act(() => checkbox(el, '#orientation-q4', 'Android').click());
    expect(demarche().orientation.answers['4']).toEqual(['Web', 'Android']);
    // … et la question 5 révélée par « Android » est affichée.
    expect(el.querySelector('#orientation-q5')).not.toBeNull();
  });

  it('formulaire produit : deux dispositifs cochés dans la même tâche, le premier est perdu', async () => {
    const el = mount('/produits/nouveau', 'vierge');
    const [a, b] = INTERETS as [string, string];
    checkbox(el, 'form', a).click();
    checkbox(el, 'form', b).click();
    await microtask();
    expect(getState().productDraft.interets).toEqual([b]);
    act(() => checkbox(el, 'form', a).click());
    expect(getState().productDraft.interets).toEqual([b, a]);
  });
});

describe.each(['a', 'b'] as const)('grand questionnaire, balisage %s', (style) => {
  const GRAND = '/produits/3100/demarches/mes/questionnaires/interoperabilite';
  const comment = (el: HTMLElement, id: string) => {
    const sel = style === 'a' ? `#commentaire-${id.replace(/[^A-Za-z0-9]/g, '-')}` : `textarea[aria-label="Commentaire du critère ${id}"]`;
    const t = el.querySelector<HTMLTextAreaElement>(sel);
    if (!t) throw new Error(`commentaire ${id} absent`);
    return t;
  };
  const radios = (el: HTMLElement, id: string) => {
    const name = `${style === 'a' ? 'niveau' : 'b-niveau'}-${id.replace(/[^A-Za-z0-9]/g, '-')}`;
    return [...el.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`)];
  };
  const level = (el: HTMLElement, id: string, k: string) => {
    const r = radios(el, id).find((x) => x.value === k || x.id.endsWith(`-niv-${k}`));
    if (!r) throw new Error(`niveau ${k} absent pour ${id}`);
    return r;
  };
  const type = (t: HTMLTextAreaElement, v: string) => {
    t.value = v;
    t.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const criteriaShown = (el: HTMLElement) => el.querySelectorAll(style === 'a' ? 'article.criterion' : 'div.criterion.b').length;
  const progress = (el: HTMLElement) => /(\d+\/\d+) critères évalués/.exec(el.querySelector('.q-progress')?.textContent ?? '')?.[1];
  const section = (el: HTMLElement) => [...el.querySelectorAll('h2')].some((h) => h.textContent === 'A32.1 Section complémentaire');

  it('commentaire saisi puis quitté dans la même tâche : erreur périmée gardée dans l\'état', async () => {
    const el = mount(GRAND, 'grand', style);
    const t = comment(el, 'A20.1.2');
    t.focus();
    type(t, 'Commentaire assez long pour être valide.');
    t.blur();
    await microtask();
    expect(interop().answers['A20.1.2']?.comment).toBe('Commentaire assez long pour être valide.');
    expect(interop().commentErrors?.['A20.1.2']).toBe(COMMENT_TOO_SHORT);
    expect(t.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector(`#${t.getAttribute('aria-describedby')}`)?.textContent).toBe(COMMENT_TOO_SHORT);
    // Une sortie du champ plus tard (le commentaire est rendu) efface l'erreur.
    act(() => t.focus());
    act(() => t.blur());
    expect(interop().commentErrors?.['A20.1.2']).toBeUndefined();
    expect(t.hasAttribute('aria-invalid')).toBe(false);
  });

  it('saisie puis sortie du champ après le rendu, comme une personne : vérifiée sur le bon texte', () => {
    const el = mount(GRAND, 'grand', style);
    const t = comment(el, 'A06.1.1');
    act(() => t.focus());
    act(() => type(t, 'Court'));
    act(() => t.blur());
    expect(interop().commentErrors).toEqual({ 'A06.1.1': COMMENT_TOO_SHORT });
    act(() => t.focus());
    act(() => type(t, 'Maintenant assez long.'));
    act(() => t.blur());
    expect(interop().commentErrors).toEqual({});
  });

  it('section complémentaire : absente au départ, rendue un rendu APRÈS le niveau 2 du critère A20.1.1', async () => {
    const el = mount(GRAND, 'grand', style);
    expect(criteriaShown(el)).toBe(249);
    expect(section(el)).toBe(false);
    expect(progress(el)).toBe('0/249');

    act(() => level(el, 'A20.1.1', '1').click());
    await effects();
    expect(section(el)).toBe(false); // niveau 1 : rien de révélé

    level(el, 'A20.1.1', '2').click();
    await microtask();
    // La réponse est rendue (avancement compris) mais la section ne l'est pas encore.
    expect(level(el, 'A20.1.1', '2').checked).toBe(true);
    expect(section(el)).toBe(false);
    expect(criteriaShown(el)).toBe(249);
    expect(progress(el)).toBe('1/249');
    // Un rendu plus tard : la section est là, et ses critères comptent dans l'avancement.
    await effects();
    expect(section(el)).toBe(true);
    expect(criteriaShown(el)).toBe(254);
    expect(progress(el)).toBe('1/254');
    for (const id of COMPLEMENTAIRE_IDS) expect(radios(el, id).length).toBeGreaterThan(0);

    // Redescendre au niveau 1 retire la section et ses critères de l'avancement.
    act(() => level(el, 'A20.1.1', '1').click());
    expect(section(el)).toBe(false);
    expect(progress(el)).toBe('1/249');
  });
});

describe('règles de la section complémentaire et du commentaire', () => {
  it('critères A32.1.1 à A32.1.5 comptés (avancement, « Valider ») seulement quand A20.1.1 a le niveau 2 ou 3', () => {
    const o = ORIENTATION_ALL_APPLICABLE;
    expect(COMPLEMENTAIRE_IDS).toEqual(['A32.1.1', 'A32.1.2', 'A32.1.3', 'A32.1.4', 'A32.1.5']);
    expect(applicableLevelCriteria(INTEROPERABILITE_GRAND, o)).toHaveLength(249);
    expect(applicableLevelCriteria(INTEROPERABILITE_GRAND, o, { 'A20.1.1': { level: '1', comment: '' } })).toHaveLength(249);
    expect(applicableLevelCriteria(INTEROPERABILITE_GRAND, o, { 'A20.1.1': { level: '3', comment: '' } })).toHaveLength(254);
    const answers = { 'A20.1.1': { level: '2' as const, comment: '' } };
    expect(questionnaireProgress('interoperabilite', o, { answers, files: {} }, true)).toMatchObject({ done: 1, total: 254 });
    expect(levelMissing(INTEROPERABILITE_GRAND, o, { answers }).some((m) => m.startsWith('A32.1.1 '))).toBe(true);
    const c = INTEROPERABILITE_GRAND.criteria.find((x) => x.id === 'A32.1.1');
    expect(c && levelConditionText(c)).toBe('Ce critère s\'affiche car vous avez choisi le niveau 2 ou 3 au critère A20.1.1.');
  });

  it('hors grand questionnaire, la sortie d\'un commentaire ne vérifie rien', () => {
    const el = mount('/produits/3100/demarches/mes/questionnaires/interoperabilite', 'questionnaires');
    expect(INTEROPERABILITE.criteria.length).toBe(9);
    const t = el.querySelector<HTMLTextAreaElement>('article.criterion textarea');
    if (!t) throw new Error('commentaire absent');
    act(() => t.focus());
    act(() => t.blur());
    expect(interop().commentErrors ?? {}).toEqual({});
  });
});
