import { describe, expect, it } from 'vitest';
import { buildJourney, observeList, type JourneyObservations } from '../../../../lib/rules/journey';
import { assessReadiness } from '../../../../lib/rules/readiness';
import { crit, level } from '../../support/db';

const AT = '2025-03-12T09:00:00.000Z';
const seen = (status: string, done: boolean, at = AT) => ({ status, at, done, applicable: true });

/** Un rapport réel (lib/rules/readiness.ts) : Sécurité a 3 critères obligatoires sous le minimum. */
function report() {
  const sec = ['04.03', '09.02', '09.04'].map((id) => crit({ questionnaire: 'securite', id, title: id, obligation: 'obligation', acceptableLevels: ['2', '3'] }));
  const interop = crit({ questionnaire: 'interoperabilite', id: 'A06.1.1', title: 'CI-SIS', obligation: 'obligation', acceptableLevels: ['2', '3'] });
  return assessReadiness({
    criteria: [...sec, interop],
    answers: [
      ...sec.map((c) => ({ criterionKey: c.key, value: level('1'), evidence: [] })),
      { criterionKey: interop.key, value: level('2'), evidence: [] },
    ],
    applicableQuestionnaires: ['interoperabilite', 'securite'],
    today: '2025-03-12',
    mode: 'plateforme',
  });
}

describe('parcours d\'un produit', () => {
  it('rien de vu : chaque étape « pas encore vue » (null), prochaine étape : ouvrir Convergence', () => {
    const j = buildJourney({ observations: {}, readiness: null });
    expect(j.steps.map((s) => s.id)).toEqual(['fiche-administrative', 'convention', 'orientation', 'dossier', 'candidature']);
    expect(j.steps.every((s) => s.seen === null)).toBe(true);
    expect(j.next).toEqual({ code: 'ouvrir-convergence' });
    expect(j.lastSeenAt).toBeNull();
  });

  it('les questionnaires viennent de la liste vue, dans l\'ordre de la plateforme, avec la préparation de la bibliothèque', () => {
    const obs = observeList({}, [
      { questionnaire: 'securite', status: 'À compléter', termine: false, applicable: true, count: { done: 3, total: 22 } },
      { questionnaire: 'orientation', status: 'Terminé', termine: true, applicable: true },
      { questionnaire: 'interoperabilite', status: 'Terminé', termine: true, applicable: true },
      { questionnaire: 'securite-echanges', status: 'Non applicable', termine: false, applicable: false },
    ], AT);
    const j = buildJourney({ observations: obs, readiness: report() });
    expect(j.steps.map((s) => s.id)).toEqual(['fiche-administrative', 'convention', 'orientation', 'interoperabilite', 'securite', 'securite-echanges', 'dossier', 'candidature']);
    const sec = j.steps.find((s) => s.id === 'securite')!;
    expect(sec.seen).toEqual({ status: 'À compléter', at: AT, done: false, applicable: true, count: { done: 3, total: 22 } });
    expect(sec.readiness).toMatchObject({ answered: 3, total: 3, belowMinimum: 3, complete: true, atteint: false });
    // Fiche et convention jamais vues : restent null, mais la liste vue plus loin dit qu'elles sont passées.
    expect(j.steps[0]!.seen).toBeNull();
    expect(j.nextStepId).toBe('securite');
    expect(j.next).toMatchObject({ code: 'completer', questionnaire: 'securite', belowMinimum: 3 });
  });

  it('questionnaire prêt dans la bibliothèque mais pas terminé sur Convergence : le valider', () => {
    const obs = observeList({}, [
      { questionnaire: 'orientation', status: 'Terminé', termine: true, applicable: true },
      { questionnaire: 'interoperabilite', status: 'Brouillon', termine: false, applicable: true },
    ], AT);
    const j = buildJourney({ observations: obs, readiness: report() });
    expect(j.next).toEqual({ code: 'valider', questionnaire: 'interoperabilite' });
  });

  it('tout terminé sur la liste, dossier jamais vu : générer le dossier ; candidature vue faite : terminé', () => {
    const list = observeList({}, [
      { questionnaire: 'orientation', status: 'Terminé', termine: true, applicable: true },
      { questionnaire: 'interoperabilite', status: 'Terminé', termine: true, applicable: true },
    ], AT);
    expect(buildJourney({ observations: list, readiness: null }).next).toEqual({ code: 'dossier' });
    const all: JourneyObservations = { ...list, dossier: seen('1 dossier', true), candidature: seen('Candidature', true) };
    expect(buildJourney({ observations: all, readiness: null }).next).toEqual({ code: 'termine' });
  });

  it('convention vue en attente : l\'attendre, avec le statut affiché', () => {
    const j = buildJourney({ observations: { fiche: seen('Transmise', true), convention: seen('Convention à signer', false) }, readiness: null });
    expect(j.nextStepId).toBe('convention');
    expect(j.next).toEqual({ code: 'convention-attente', status: 'Convention à signer' });
  });

  it('une nouvelle lecture de la liste ne change que les questionnaires montrés, avec leur nouvelle date', () => {
    const first = observeList({}, [{ questionnaire: 'securite', status: 'À compléter', termine: false, applicable: true }], AT);
    const later = '2025-03-20T10:00:00.000Z';
    const second = observeList(first, [{ questionnaire: 'ethique', status: 'Terminé', termine: true, applicable: true }], later);
    expect(second.questionnaires?.securite?.at).toBe(AT);
    expect(second.questionnaires?.ethique).toMatchObject({ status: 'Terminé', at: later });
    expect(buildJourney({ observations: second, readiness: null }).lastSeenAt).toBe(later);
  });
});
