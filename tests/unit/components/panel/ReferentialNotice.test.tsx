// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import { ReferentialNotice } from '../../../../components/panel/ReferentialNotice';
import { freshRepo } from '../../support/db';
import { cleanup, container, mount, root, waitFor } from '../../support/manager';
import { urbanisation } from '../../support/referential';

// Le composant « Critères modifiés » rendu dans le vrai gestionnaire (jsdom), sur les vrais gestionnaires de
// messages et une base fake-indexeddb ; la notice du panneau rendue seule.

beforeAll(() => forceLanguage('fr'));
afterEach(cleanup);

const U = urbanisation;

describe('onglet « Réponses » : critères modifiés par Convergence', () => {
  it('ancien et nouveau côte à côte ; « J\'ai revu » l\'annonce et retire la liste', async () => {
    const { repo, tick } = freshRepo();
    const created = await repo.createProduct({ name: 'Dossia', version: 'v3.1', type: 'socle', responsable: '', description: '' }, 'test');
    const productId = created.result.id;
    const at = () => repo['clock']().toISOString();
    await repo.learnCriteria([U()], { kind: 'page', ref: 'Urbanisation — visite 1', at: at() }, 'test');
    await repo.saveAnswers(productId, '', [{ questionnaire: 'urbanisation', criterionId: 'U01.1', value: { kind: 'niveau', level: '2' } }], { kind: 'page', ref: 'Urbanisation', at: at() }, { kind: 'capture', label: 'Capture', author: 'test' });
    tick(60_000);
    await repo.learnCriteria([U({ acceptableLevels: ['3'], title: 'Identification par Pro Santé Connect' })], { kind: 'page', ref: 'Urbanisation — visite 2', at: at() }, 'test');

    await mount(repo);
    const open = await waitFor(() => [...root.querySelectorAll('nav button')].find((b) => /^Dossia/.test(b.textContent ?? '')) as HTMLElement | undefined, 'produit listé');
    await act(() => open.click());

    const section = await waitFor(() => root.querySelector('section.mgr-referential'), 'section des critères modifiés');
    expect(section.querySelector('h3')?.textContent).toBe('Critères modifiés par Convergence depuis vos réponses (1)');
    const cells = (aspect: string) => [...section.querySelectorAll(`tr[data-aspect="${aspect}"] td`)].map((td) => td.textContent);
    expect(cells('intitule')).toEqual(['Identification électronique des usagers (FranceConnect)', 'Identification par Pro Santé Connect']);
    expect(cells('minimum')).toEqual(['2, 3', '3']);
    expect(section.textContent).toContain('Votre réponse : Niveau 2 — Non rempli : niveau 2 enregistré, minimum désormais 3');
    expect(section.textContent).toContain('Urbanisation — visite 2');
    // Avant AnswersView : en tête de l'onglet « Réponses ».
    const answers = root.querySelector('.mgr-answers');
    expect(answers && section.compareDocumentPosition(answers) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const button = section.querySelector<HTMLButtonElement>('button[aria-label="J\'ai revu le critère U01.1"]');
    await act(() => button!.click());
    await waitFor(() => !root.querySelector('section.mgr-referential'), 'liste retirée');
    await waitFor(() => root.querySelector('[role="status"]')?.textContent?.includes('Critère U01.1 revu'), 'annonce');
    expect((await repo.resolvedAnswers(productId))[0]).toMatchObject({ reviewFlag: false });
  });

  it('panneau : « N critère(s) modifié(s) depuis vos réponses », ce qui a changé et pourquoi non rempli ; rien sans changement', async () => {
    container();
    const item = {
      criterionKey: 'urbanisation/U01.1', questionnaire: 'urbanisation' as const, criterionId: 'U01.1', aspects: ['minimum' as const, 'intitule' as const],
      before: { title: 'a', acceptableLevels: ['2' as const, '3' as const], expectedEvidence: [] }, after: { title: 'b', acceptableLevels: ['3' as const], expectedEvidence: [] },
      at: null, source: null, answer: null, hold: { code: 'minimum' as const, level: '1' as const, acceptable: ['2' as const, '3' as const] },
    };
    await act(() => render(<ReferentialNotice items={[item]} />, root));
    expect(root.querySelector('h3')?.textContent).toBe('1 critère(s) modifié(s) depuis vos réponses');
    expect(root.querySelector('li')?.textContent).toBe('U01.1 : minimum, intitulé — Non rempli : niveau 1 enregistré, minimum désormais 2');
    await act(() => render(<ReferentialNotice items={[]} />, root));
    expect(root.textContent).toBe('');
  });
});
