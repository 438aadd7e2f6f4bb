import { describe, expect, it } from 'vitest';
import { assessReadiness } from '../../../../lib/rules/readiness';
import type { ReadinessInput } from '../../../../lib/rules/readiness';
import type { AnswerFacts } from '../../../../lib/rules/types';
import type { Criterion } from '../../../../lib/domain/schemas';
import { isBelowMinimum, isMandatory, natureOf } from '../../../../lib/rules/criterion-predicates';
import { CONFORME, crit, freshRepo, level, NON_CONFORME, PROV, seedProduct } from '../../support/db';

const TODAY = '2025-06-01';

const interop = crit({ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] });
const interopOpt = crit({ questionnaire: 'interoperabilite', id: 'A08.5.22', title: 'Producteur CDA', obligation: 'option' });
const urba = crit({ questionnaire: 'urbanisation', id: 'U1.1', title: 'Urbanisation', obligation: 'obligation', acceptableLevels: ['2', '3'] });
const secu = crit({ questionnaire: 'securite', id: '04.03', title: 'Identification électronique', obligation: 'obligation', acceptableLevels: ['1', '2', '3'], scale: 'maturite' });
const eth = crit({ questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', obligation: 'obligation', expectedEvidence: ['Politique de confidentialité', 'CGU'] });
const ethOpt = crit({ questionnaire: 'ethique', id: 'DEV.1.1', title: 'Écoscore', obligation: 'option' });
const orient = crit({ questionnaire: 'orientation', id: 'Q1', title: 'Dispositif médical ?', obligation: 'obligation' });
const rgpdZones = ['Questionnaire RGPD', 'CGU et mentions', 'AIPD'].map((t, i) => crit({ questionnaire: 'rgpd', id: `RGPD.${i + 1}`, title: t, obligation: 'obligation', expectedEvidence: [t] }));
const secEch = crit({ questionnaire: 'securite-echanges', id: 'SEC.1', title: 'Questionnaire et preuves Sécurité', obligation: 'obligation', expectedEvidence: ['Conteneur ZED'] });

const ALL: Criterion[] = [orient, interop, interopOpt, urba, secu, eth, ethOpt, ...rgpdZones, secEch];

function facts(key: string, value: AnswerFacts['value'], extra: Partial<AnswerFacts> = {}): AnswerFacts {
  return { criterionKey: key, value, evidence: [], ...extra };
}

function fullAnswers(): AnswerFacts[] {
  return [
    facts(orient.key, { kind: 'choix', choices: ['Non'] }),
    facts(interop.key, level('2')),
    facts(interopOpt.key, level('0')),
    facts(urba.key, level('3')),
    facts(secu.key, level('1')),
    facts(eth.key, CONFORME, { evidence: [{ evidenceType: 'Politique de confidentialité' }, { evidenceType: 'CGU' }] }),
    facts(ethOpt.key, CONFORME, { evidence: [{ evidenceType: '', name: 'ecoscore.pdf' }] }),
    ...rgpdZones.map((z) => facts(z.key, { kind: 'preuves' }, { evidence: [{ evidenceType: z.title }] })),
    facts(secEch.key, { kind: 'preuves' }, { evidence: [{ evidenceType: 'Conteneur ZED' }] }),
  ];
}

function run(answers: AnswerFacts[], over: Partial<ReadinessInput> = {}) {
  return assessReadiness({
    criteria: ALL,
    answers,
    applicableQuestionnaires: ['orientation', 'interoperabilite', 'urbanisation', 'securite', 'ethique', 'rgpd', 'securite-echanges'],
    today: TODAY,
    mode: 'plateforme',
    ...over,
  });
}

function replace(list: AnswerFacts[], key: string, f: AnswerFacts | null): AnswerFacts[] {
  const out = list.filter((a) => a.criterionKey !== key);
  return f ? [...out, f] : out;
}

describe('règles de préparation', () => {
  it('un produit complet et conforme est prêt : les deux verdicts', () => {
    const r = run(fullAnswers());
    expect(r.findings).toEqual([]);
    expect(r.dossierGenerable.ok).toBe(true);
    expect(r.pretACandidater.ok).toBe(true);
    expect(r.questionnaires.every((q) => q.complete && q.atteint)).toBe(true);
  });

  it('critère obligatoire sans réponse : bloquant ; optionnel : avertissement ; l’un et l’autre empêchent de terminer', () => {
    let answers = replace(fullAnswers(), interop.key, null);
    let r = run(answers);
    const f = r.findings.find((x) => x.criterionId === 'A08.5.23');
    expect(f).toMatchObject({ severity: 'bloquant', code: 'non-repondu', questionnaire: 'interoperabilite' });
    expect(f?.message).toContain('A08.5.23');
    expect(r.dossierGenerable.ok).toBe(false);
    expect(r.dossierGenerable.reasons.join()).toContain('Interopérabilité');
    answers = replace(fullAnswers(), interopOpt.key, null);
    r = run(answers);
    expect(r.findings.find((x) => x.criterionId === 'A08.5.22')?.severity).toBe('avertissement');
    expect(r.questionnaires.find((q) => q.questionnaire === 'interoperabilite')?.complete).toBe(false);
  });

  it('critère obligatoire sous son minimum : le constat nomme le minimum et le niveau actuel, pour savoir quoi viser', () => {
    const r = run(replace(fullAnswers(), interop.key, facts(interop.key, level('1'))));
    const f = r.findings.find((x) => x.code === 'sous-minimum');
    expect(f?.severity).toBe('bloquant');
    expect(f?.message).toContain('A08.5.23');
    expect(f?.message).toContain('Niveau 1');
    expect(f?.message).toContain('Niveau 2');
    expect(f?.message).toContain('NA, 2, 3');
    const q = r.questionnaires.find((x) => x.questionnaire === 'interoperabilite');
    expect(q?.complete).toBe(true);
    expect(q?.atteint).toBe(false);
    expect(r.dossierGenerable.ok).toBe(true);
    expect(r.pretACandidater.ok).toBe(false);
    // NA est acceptable ici.
    expect(run(replace(fullAnswers(), interop.key, facts(interop.key, level('NA')))).findings).toEqual([]);
  });

  it('reprend les mots de l’échelle de maturité', () => {
    const r = run(replace(fullAnswers(), secu.key, facts(secu.key, level('0'))));
    expect(r.findings[0]?.message).toContain('Maturité très faible');
  });

  it('« Conforme » sans un fichier par type de preuve attendu : bloquant', () => {
    const r = run(replace(fullAnswers(), eth.key, facts(eth.key, CONFORME, { evidence: [{ evidenceType: 'CGU' }] })));
    const f = r.findings.find((x) => x.code === 'preuve-manquante');
    expect(f?.severity).toBe('bloquant');
    expect(f?.message).toContain('ETH.1.1');
    expect(f?.message).toContain('Politique de confidentialité');
    expect(r.questionnaires.find((q) => q.questionnaire === 'ethique')?.complete).toBe(false);
  });

  it('les preuves confidentielles du producteur couvrent leurs types', () => {
    const r = run(replace(fullAnswers(), eth.key, facts(eth.key, CONFORME, { inheritedEvidenceTypes: ['Politique de confidentialité', 'CGU'] })));
    expect(r.findings).toEqual([]);
  });

  it('« Conforme », preuves attendues inconnues et aucune fournie : avertissement', () => {
    const r = run(replace(fullAnswers(), ethOpt.key, facts(ethOpt.key, CONFORME)));
    expect(r.findings).toMatchObject([{ severity: 'avertissement', code: 'preuve-non-renseignee', criterionId: 'DEV.1.1' }]);
  });

  it('« Non conforme » : bloquant si obligatoire, avertissement si optionnel', () => {
    const r = run(replace(replace(fullAnswers(), eth.key, facts(eth.key, NON_CONFORME)), ethOpt.key, facts(ethOpt.key, NON_CONFORME)));
    expect(r.findings.find((x) => x.criterionId === 'ETH.1.1')).toMatchObject({ severity: 'bloquant', code: 'non-conforme' });
    expect(r.findings.find((x) => x.criterionId === 'DEV.1.1')).toMatchObject({ severity: 'avertissement', code: 'non-conforme' });
    expect(r.questionnaires.find((q) => q.questionnaire === 'ethique')?.atteint).toBe(false);
  });

  it('nature inconnue : la règle prudente de la page (minimum connu, critère de conformité) vaut aussi pour les réponses enregistrées', () => {
    // Sans nature lue, « option » n'est qu'une valeur par défaut (obligationKnown: false).
    const unknownLevel = crit({ questionnaire: 'interoperabilite', id: 'A09.1.1', title: 'Annuaire', acceptableLevels: ['2', '3'] });
    const unknownConf = crit({ questionnaire: 'ethique', id: 'ETH.1.7', title: 'Conservation' });
    const unknownNoMin = crit({ questionnaire: 'interoperabilite', id: 'A09.1.2', title: 'Mise à jour' });
    expect([unknownLevel, unknownConf, unknownNoMin].map((c) => c.obligationKnown)).toEqual([false, false, false]);
    // Le même prédicat que pour un critère lu sur la page sans badge (lib/page/guard/mandatory.ts).
    expect([unknownLevel, unknownConf, unknownNoMin].map((c) => isMandatory(natureOf(c)))).toEqual([true, true, false]);
    expect(isBelowMinimum(natureOf(unknownLevel), '1')).toBe(true);
    expect(isMandatory({ obligation: null, kind: 'niveau', acceptableLevels: ['2', '3'] })).toBe(true);

    const r = assessReadiness({
      criteria: [unknownLevel, unknownConf, unknownNoMin],
      answers: [facts(unknownLevel.key, level('1'))],
      applicableQuestionnaires: ['interoperabilite', 'ethique'],
      today: TODAY,
      mode: 'plateforme',
    });
    const by = (id: string) => r.findings.find((f) => f.criterionId === id);
    expect(by('A09.1.1')).toMatchObject({ severity: 'bloquant', code: 'sous-minimum' });
    expect(by('ETH.1.7')).toMatchObject({ severity: 'bloquant', code: 'non-repondu' });
    expect(by('ETH.1.7')?.message).toContain('de nature inconnue');
    expect(by('ETH.1.7')?.message).toContain('traité comme obligatoire');
    expect(by('A09.1.2')).toMatchObject({ severity: 'avertissement', code: 'non-repondu' });
  });

  it('questionnaires de preuves seules : types de document manquants', () => {
    const r = run(replace(fullAnswers(), rgpdZones[2]!.key, null));
    const f = r.findings.find((x) => x.code === 'document-manquant');
    expect(f).toMatchObject({ severity: 'bloquant', questionnaire: 'rgpd', criterionId: 'RGPD.3' });
    expect(f?.action).toContain('AIPD');
    const q = r.questionnaires.find((x) => x.questionnaire === 'rgpd');
    expect(q).toMatchObject({ total: 3, answered: 2, complete: false });
    expect(r.dossierGenerable.ok).toBe(true);
    expect(r.pretACandidater.ok).toBe(false);
  });

  it('questionnaires de preuves seules : zones du guide tant que la page n’a pas été apprise', () => {
    const r = run(fullAnswers(), { criteria: ALL.filter((c) => c.questionnaire !== 'rgpd') });
    const rgpd = r.questionnaires.find((q) => q.questionnaire === 'rgpd');
    expect(rgpd?.total).toBe(3);
    expect(rgpd?.findings.filter((f) => f.code === 'document-manquant')).toHaveLength(3);
  });

  it('orientation incomplète', () => {
    const r = run(replace(fullAnswers(), orient.key, null));
    expect(r.findings[0]).toMatchObject({ severity: 'bloquant', code: 'orientation-incomplete', questionnaire: 'orientation', criterionId: 'Q1' });
    expect(r.pretACandidater.ok).toBe(false);
  });

  it('réponses à revoir (date de revue passée) : avertissements', () => {
    const r = run(replace(fullAnswers(), urba.key, facts(urba.key, level('3'), { validUntil: '2025-05-31' })));
    expect(r.findings).toMatchObject([{ severity: 'avertissement', code: 'reponse-perimee', criterionId: 'U1.1' }]);
    expect(r.findings[0]?.message).toContain('31/05/2025');
    expect(run(replace(fullAnswers(), urba.key, facts(urba.key, level('3'), { validUntil: TODAY }))).findings).toEqual([]);
    expect(r.pretACandidater.ok).toBe(true);
  });

  it('critère à revoir en marque blanche : avertissement', () => {
    const r = run(replace(fullAnswers(), secu.key, facts(secu.key, level('2'), { reviewFlag: true })));
    expect(r.findings).toMatchObject([{ severity: 'avertissement', code: 'a-verifier-marque-blanche', criterionId: '04.03' }]);
  });

  it('les points bloquants d’abord ; chaque constat dit quoi faire, en français', () => {
    let answers = replace(fullAnswers(), urba.key, facts(urba.key, level('3'), { validUntil: '2020-01-01' }));
    answers = replace(answers, interop.key, facts(interop.key, level('0')));
    const r = run(answers);
    expect(r.findings.map((f) => f.severity)).toEqual(['bloquant', 'avertissement']);
    for (const f of r.findings) expect(f.action.length).toBeGreaterThan(10);
    expect(r.blockers).toBe(1);
    expect(r.warnings).toBe(1);
  });

  it('mode fichier : questionnaire absent = avertissement (le fichier peut n’en couvrir qu’une partie)', () => {
    const r = assessReadiness({ criteria: [interop], answers: [facts(interop.key, level('3'))], applicableQuestionnaires: ['interoperabilite', 'urbanisation'], today: TODAY, mode: 'fichier' });
    expect(r.findings).toMatchObject([{ severity: 'avertissement', code: 'questionnaire-absent', questionnaire: 'urbanisation' }]);
    expect(r.dossierGenerable.ok).toBe(false);
  });

  it('mode fichier : « Conforme » sans colonne « Preuves » = avertissement, pas blocage', () => {
    const r = assessReadiness({ criteria: [eth], answers: [facts(eth.key, CONFORME, { evidenceStated: false })], applicableQuestionnaires: ['ethique'], today: TODAY, mode: 'fichier' });
    expect(r.findings).toMatchObject([{ severity: 'avertissement', code: 'preuve-non-renseignee' }]);
  });

  it('depuis les données enregistrées, par le Repository', async () => {
    const { repo } = freshRepo(new Date('2025-06-01T08:00:00Z'));
    await seedProduct(repo, 'p1');
    await repo.learnCriteria(ALL.map((c) => ({ ...c })).map(({ key: _k, source: _s, updatedAt: _u, ...input }) => input), PROV, 't');
    await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('1') }], PROV, { kind: 'capture', label: 'c', author: 't' });
    const r = await repo.readiness('p1');
    expect(r.findings.find((f) => f.criterionId === 'A08.5.23')?.code).toBe('sous-minimum');
    expect(r.findings.find((f) => f.criterionId === 'U1.1')?.code).toBe('non-repondu');
    expect(r.pretACandidater.ok).toBe(false);
    await repo.updateProduct('p1', { excludedCriteria: [urba.key] }, 't');
    expect((await repo.readiness('p1')).findings.find((f) => f.criterionId === 'U1.1')).toBeUndefined();
  });
});
