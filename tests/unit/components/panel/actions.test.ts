import { beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import { panelActions, type PanelView } from '../../../../components/panel/actions';
import type { Send } from '../../../../lib/messages/client';

// « Remplir la page » dans le panneau : les critères de la page partent avec le seul message à l'arrière-plan
// (page.fillSource) ; un critère retenu n'est pas envoyé au remplissage et le rapport dit pourquoi.

beforeAll(() => forceLanguage('fr'));

const PAGE_CRITERIA = [{ questionnaire: 'urbanisation', id: 'U01.1', acceptableLevels: ['3'] }];
const HELD = {
  criterionKey: 'urbanisation/U01.1', questionnaire: 'urbanisation', criterionId: 'U01.1', aspects: ['minimum'],
  before: { title: 'a', acceptableLevels: ['1', '2', '3'], expectedEvidence: [] }, after: { title: 'a', acceptableLevels: ['3'], expectedEvidence: [] },
  at: null, source: null, answer: null, hold: { code: 'minimum', level: '1', acceptable: ['2', '3'] },
};

function harness() {
  const background: { type: string; payload: Record<string, unknown> }[] = [];
  const page: { type: string; payload: Record<string, unknown> }[] = [];
  const send = (async (type: string, payload: Record<string, unknown>) => {
    background.push({ type, payload });
    return { answers: [], review: [], product: null, company: null, sourceName: 'Produit v0.1', held: [HELD] };
  }) as unknown as Send;
  const toPage = (async (type: string, payload: Record<string, unknown>) => {
    page.push({ type, payload });
    if (type === 'panel.capture') return { model: 'criteria', title: 'Urbanisation', criteria: PAGE_CRITERIA, answers: [], empty: [] };
    return { report: [], explanation: { code: 'source-vide' } };
  }) as unknown as Send;
  const view = () => ({ summary: { type: 'criteria' } }) as unknown as PanelView;
  return { api: panelActions(send, toPage, view), background, page };
}

describe('panneau : remplir une page dont un critère a changé', () => {
  it('un seul message à l\'arrière-plan, avec les critères lus ; « ✗ critère modifié » et sa raison dans le rapport', async () => {
    const { api, background, page } = harness();
    const r = await api.fill({ productId: 'p', variantId: '' });
    expect(background.map((m) => m.type)).toEqual(['page.fillSource']);
    expect(background[0]!.payload).toMatchObject({ criteria: PAGE_CRITERIA });
    expect(page.map((m) => m.type)).toEqual(['panel.capture', 'panel.fill']);
    expect(r.report).toEqual([expect.objectContaining({ key: 'U01.1#niveau', status: 'refused', modified: 'niveau 1 enregistré, minimum désormais 2' })]);
    // Le rapport parle de lui-même : pas de « source sans réponse ».
    expect(r.explanation).toBeNull();
  });

  it('la notice du panneau : critères lus sur la page, portée donnée, rien d\'écrit', async () => {
    const { api, background } = harness();
    await api.referentialChanges!({ productId: 'p', variantId: '' });
    expect(background).toEqual([{ type: 'referential.page', payload: { criteria: PAGE_CRITERIA, scope: { productId: 'p', variantId: '' } } }]);
  });
});
