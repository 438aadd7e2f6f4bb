// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../simulator/src/App.tsx';
import { getState, resetTo } from '../../simulator/src/store.ts';

/**
 * Les champs sont contrôlés : modifier .checked / .value sans événement ne change pas l'état ;
 * seuls les vrais événements (change, input) le modifient.
 */
describe('entrées contrôlées', () => {
  let root: HTMLElement;
  beforeEach(() => {
    localStorage.clear();
    resetTo('questionnaires', 'a');
    history.replaceState(null, '', '/produits/3100/demarches/mes/questionnaires/interoperabilite');
    root = document.createElement('div');
    document.body.appendChild(root);
    act(() => render(<App />, root));
  });
  afterEach(() => {
    act(() => render(null, root));
    root.remove();
  });

  const answers = () => getState().products[0]?.demarche?.questionnaires.interoperabilite.answers ?? {};

  it('affiche le questionnaire avec ses critères', () => {
    expect(root.querySelector('h1')?.textContent).toBe("Questionnaire d'évaluation : Interopérabilité");
    expect(root.querySelectorAll('article.criterion').length).toBe(9);
  });

  it('ignore .checked et .value posés sans événement', () => {
    const radio = root.querySelector<HTMLInputElement>('article.criterion input[type=radio]');
    const textarea = root.querySelector<HTMLTextAreaElement>('article.criterion textarea');
    if (!radio || !textarea) throw new Error('champs absents');
    radio.checked = true;
    textarea.value = 'saisie sans événement';
    expect(answers()).toEqual({});
  });

  it('enregistre les vrais événements change et input', () => {
    const radio = root.querySelector<HTMLInputElement>('article.criterion input[type=radio]');
    const textarea = root.querySelector<HTMLTextAreaElement>('article.criterion textarea');
    if (!radio || !textarea) throw new Error('champs absents');
    act(() => {
      radio.click();
    });
    act(() => {
      textarea.value = 'Commentaire réel';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(answers()['A06.1.1']).toMatchObject({ level: '0', comment: 'Commentaire réel' });
  });

  it('« Valider » refuse un questionnaire incomplet et reste sur la page', () => {
    const valider = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Valider');
    act(() => valider?.click());
    expect(location.pathname).toBe('/produits/3100/demarches/mes/questionnaires/interoperabilite');
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Le questionnaire ne peut pas être validé');
    expect(getState().lastRefusal?.reasons.length).toBe(9);
  });
});
