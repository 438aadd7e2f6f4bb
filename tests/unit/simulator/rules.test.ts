import { describe, expect, it } from 'vitest';
import {
  ETHIQUE, INTEROPERABILITE, INTEROPERABILITE_GRAND, MATURITE_SECURITE, ORIENTATION_ALL_APPLICABLE, ORIENTATION_SIMPLE_WEB,
  RGPD, SECURITE_ECHANGES, URBANISATION,
} from '../../simulator/src/data/index.ts';
import {
  acceptableLevels, acceptableSentence, applicableEthique, applicableLevelCriteria, applicableQuestionnaires, candidatureErrors,
  dossierGenerationErrors, ethiqueKey, ethiqueMissing, depositMissing, ficheErrors, ficheProgress, isLevelAcceptable, levelMissing,
  makeDossierRef, minimumText, orientationMissing, orientationProgress, productFormErrors, pruneOrientation, toggleOption,
  visibleQuestions, whiteLabelErrors,
} from '../../simulator/src/rules.ts';
import { buildScenario, emptyProductForm, emptyQuestionnaire, fillAndValidate, newDemarche, SCENARIOS } from '../../simulator/src/scenarios.ts';
import { SCENARIOS as SERVED } from '../../simulator/serve.mjs';
import type { CriterionAnswer } from '../../simulator/src/types.ts';

const crit = (def: { criteria: { id: string }[] }, id: string) => {
  const c = def.criteria.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe('données', () => {
  it('respecte les nombres de critères attendus', () => {
    expect(INTEROPERABILITE.criteria.length).toBeGreaterThanOrEqual(8);
    expect(new Set(INTEROPERABILITE.criteria.map((c) => c.section)).size).toBeGreaterThan(2);
    expect(URBANISATION.criteria.length).toBeGreaterThanOrEqual(5);
    expect(MATURITE_SECURITE.criteria.length).toBeGreaterThanOrEqual(21);
    expect(MATURITE_SECURITE.criteria.length).toBeLessThanOrEqual(23);
    expect(ETHIQUE.criteria.map((c) => c.id)).toEqual(['QUA.1.5', 'ACC.1.1', 'ACC.1.5', 'ACC.1.6', 'ACC.1.7', 'ETH.1.1', 'ETH.1.4', 'ETH.1.7', 'ETH.1.8', 'DEV.1.1', 'DEV.1.2']);
    expect(RGPD.zones).toHaveLength(3);
    expect(SECURITE_ECHANGES.zones).toHaveLength(1);
    expect(INTEROPERABILITE_GRAND.criteria.length).toBeGreaterThanOrEqual(220);
    expect(new Set(INTEROPERABILITE_GRAND.criteria.map((c) => c.id)).size).toBe(INTEROPERABILITE_GRAND.criteria.length);
  });
  it('A08.5.23 : NA, 2 et 3 acceptables, avec la phrase du guide', () => {
    const c = crit(INTEROPERABILITE, 'A08.5.23') as (typeof INTEROPERABILITE.criteria)[number];
    expect(acceptableLevels(c)).toEqual(['NA', '2', '3']);
    expect(minimumText(c)).toBe('Les niveaux Non applicable (NA), 2 et 3 sont acceptables pour ce critère');
    expect(acceptableSentence(['NA', '2', '3'])).toBe('Les niveaux Non applicable (NA), 2 et 3 sont acceptables pour ce critère');
    const opt = crit(INTEROPERABILITE, 'A08.5.22') as (typeof INTEROPERABILITE.criteria)[number];
    expect(opt.nature).toBe('Option');
    expect(minimumText(opt)).toBe('Aucun niveau minimum requis pour cette démarche');
    const ins = crit(INTEROPERABILITE, 'A07.1.1') as (typeof INTEROPERABILITE.criteria)[number];
    expect(minimumText(ins)).toBe('Niveau minimum requis : Niveau 2');
    expect(isLevelAcceptable(ins, '1')).toBe(false);
    expect(isLevelAcceptable(ins, '3')).toBe(true);
  });
  it('certains critères Éthique attendent deux types de preuve', () => {
    expect(ETHIQUE.criteria.filter((c) => c.evidence.length === 2).map((c) => c.id)).toEqual(['ACC.1.1', 'ETH.1.4', 'DEV.1.2']);
  });
});

describe('questionnaire d\'orientation', () => {
  it('compte 22 questions obligatoires au départ', () => {
    const p = orientationProgress({});
    expect(p.total).toBe(22);
    expect(p.answered).toBe(0);
    expect(p.remaining[0]).toBe('1. Le service, pour lequel vous can...');
    expect(p.remaining.some((r) => r.startsWith('5.'))).toBe(false);
  });
  it('révèle les questions en chaîne (1 → 1.1 → 1.2, 7 → 7.1 → 7.2 / 7.3)', () => {
    const ids = (a: Record<string, string | string[]>) => visibleQuestions(a).map((q) => q.id);
    expect(ids({ '1': 'Oui' })).toContain('1.1');
    expect(ids({ '1': 'Oui' })).not.toContain('1.2');
    expect(ids({ '1': 'Oui', '1.1': 'Classe I' })).not.toContain('1.2');
    expect(ids({ '1': 'Oui', '1.1': 'Classe IIb' })).toContain('1.2');
    expect(ids({ '1': 'Non', '1.1': 'Classe IIb' })).not.toContain('1.2');
    expect(ids({ '7': 'Oui', '7.1': 'Oui' })).toContain('7.2');
    expect(ids({ '7': 'Oui', '7.1': 'Non' })).toContain('7.3');
    expect(ids({ '4': ['Web'] })).not.toContain('5');
    expect(ids({ '4': ['Web', 'iOS'] })).toContain('5');
    expect(ids({ '6': 'Oui' })).toEqual(expect.arrayContaining(['6.1', '6.2']));
    expect(visibleQuestions(ORIENTATION_ALL_APPLICABLE).length).toBeLessThanOrEqual(35);
  });
  it('efface les réponses des questions masquées', () => {
    expect(pruneOrientation({ '1': 'Non', '1.1': 'Classe IIa', '1.2': '0459', '2': 'Oui' })).toEqual({ '1': 'Non', '2': 'Oui' });
  });
  it('refuse la validation tant qu\'une question visible est sans réponse', () => {
    expect(orientationMissing(ORIENTATION_ALL_APPLICABLE)).toEqual([]);
    expect(orientationMissing(ORIENTATION_SIMPLE_WEB)).toEqual([]);
    const { '7.2': _omit, ...partial } = ORIENTATION_ALL_APPLICABLE;
    expect(orientationMissing(partial)).toHaveLength(1);
  });
  it('« Aucune réponse correspondante » est exclusive', () => {
    expect(toggleOption(['Web', 'iOS'], 'Aucune réponse correspondante', true, 'Aucune réponse correspondante')).toEqual(['Aucune réponse correspondante']);
    expect(toggleOption(['Aucune réponse correspondante'], 'Web', true, 'Aucune réponse correspondante')).toEqual(['Web']);
  });
  it('décide des questionnaires et critères applicables', () => {
    expect(applicableQuestionnaires(null)).toEqual([]);
    expect(applicableQuestionnaires(ORIENTATION_ALL_APPLICABLE)).toHaveLength(6);
    expect(applicableQuestionnaires(ORIENTATION_SIMPLE_WEB)).not.toContain('securite-echanges');
    expect(applicableLevelCriteria(INTEROPERABILITE, ORIENTATION_ALL_APPLICABLE)).toHaveLength(INTEROPERABILITE.criteria.length);
    expect(applicableLevelCriteria(INTEROPERABILITE, ORIENTATION_SIMPLE_WEB).map((c) => c.id)).not.toContain('A08.5.22');
    expect(applicableEthique(ORIENTATION_ALL_APPLICABLE)).toHaveLength(11);
    expect(applicableEthique(ORIENTATION_SIMPLE_WEB).map((c) => c.id)).not.toContain('QUA.1.5');
  });
});

describe('complétude de « Valider »', () => {
  const o = ORIENTATION_ALL_APPLICABLE;
  it('questionnaire à niveaux : chaque critère applicable doit avoir un niveau (les minimums ne bloquent pas)', () => {
    const answers: Record<string, CriterionAnswer> = {};
    expect(levelMissing(URBANISATION, o, { answers })).toHaveLength(URBANISATION.criteria.length);
    for (const c of URBANISATION.criteria) answers[c.id] = { level: '0', comment: '' };
    expect(levelMissing(URBANISATION, o, { answers })).toEqual([]);
    expect(levelMissing(URBANISATION, o, { answers }, { role: 'producteur' })).toHaveLength(URBANISATION.criteria.length);
  });
  it('Éthique : réponse partout et une preuve par type attendu pour chaque critère Conforme', () => {
    const q = emptyQuestionnaire();
    expect(ethiqueMissing(o, q)).toHaveLength(11);
    for (const c of ETHIQUE.criteria) q.answers[c.id] = { conformite: 'Non conforme', comment: '' };
    expect(ethiqueMissing(o, q)).toEqual([]);
    q.answers['ACC.1.1'] = { conformite: 'Conforme', comment: '' };
    expect(ethiqueMissing(o, q)).toHaveLength(2);
    q.files[ethiqueKey('ACC.1.1', 'declaration')] = [{ name: 'a.pdf', size: 1, type: 'application/pdf', at: '' }];
    expect(ethiqueMissing(o, q)).toHaveLength(1);
    q.files[ethiqueKey('ACC.1.1', 'audit')] = [{ name: 'b.pdf', size: 1, type: 'application/pdf', at: '' }];
    expect(ethiqueMissing(o, q)).toEqual([]);
  });
  it('Éthique : les preuves de l\'éditeur producteur comptent pour une réponse récupérée', () => {
    const q = emptyQuestionnaire();
    for (const c of ETHIQUE.criteria) q.answers[c.id] = { conformite: 'Non conforme', comment: '' };
    q.answers['ETH.1.1'] = { conformite: 'Conforme', comment: '', fromProducer: true };
    expect(ethiqueMissing(o, q)).toHaveLength(1);
    const producerFiles = { [ethiqueKey('ETH.1.1', 'cgu')]: [{ name: 'p.pdf', size: 1, type: '', at: '' }] };
    expect(ethiqueMissing(o, q, { role: 'distributeur', producerFiles })).toEqual([]);
  });
  it('RGPD : chaque zone doit avoir un document', () => {
    const q = emptyQuestionnaire();
    expect(depositMissing(RGPD, q)).toHaveLength(3);
    q.files['questionnaire-rgpd'] = [{ name: 'q.pdf', size: 1, type: '', at: '' }];
    q.files.cgu = [{ name: 'c.pdf', size: 1, type: '', at: '' }];
    expect(depositMissing(RGPD, q)).toEqual(["Aucun document déposé pour « Analyse d'impact relative à la Protection des Données - AIPD »"]);
  });
});

describe('formulaires', () => {
  it('formulaire produit : champs obligatoires', () => {
    expect(Object.keys(productFormErrors(emptyProductForm())).sort()).toEqual(['description', 'interets', 'nom', 'responsable', 'type', 'version']);
  });
  it('fiche administrative : 14 questions, 2 reprises du produit', () => {
    const product = { form: { ...emptyProductForm(), nom: 'Produit', version: 'v0.1' } };
    expect(ficheProgress({}, product)).toMatchObject({ answered: 2, total: 14, percent: 14 });
    expect(ficheProgress({ denomination: 'X' }, product)).toMatchObject({ answered: 3, percent: 21 });
    expect(ficheErrors({ siret: '123' }, product)).toContain('Le SIRET doit comporter 14 chiffres.');
  });
  it('fenêtre marque blanche', () => {
    expect(whiteLabelErrors({ marqueBlanche: '', role: '', producerProductId: '', pourTiers: '' }, [])).toHaveLength(1);
    expect(whiteLabelErrors({ marqueBlanche: 'Non', role: '', producerProductId: '', pourTiers: '' }, [])).toEqual([]);
    expect(whiteLabelErrors({ marqueBlanche: 'Oui', role: 'distributeur', producerProductId: '99', pourTiers: '' }, [2726])).toHaveLength(2);
    expect(whiteLabelErrors({ marqueBlanche: 'Oui', role: 'distributeur', producerProductId: '2726', pourTiers: 'Non' }, [2726])).toEqual([]);
  });
});

describe('dossiers d\'évaluation', () => {
  it('référence N + 5 chiffres + aaaammjjhhmm (UTC)', () => {
    expect(makeDossierRef(83970, new Date('2024-07-08T16:27:00Z'))).toBe('N83970202407081627');
  });
  it('génération refusée sans Interopérabilité, Urbanisation et Maturité Sécurité validés', () => {
    const d = buildScenario('questionnaires').products[0]?.demarche;
    if (!d) throw new Error('démarche');
    expect(dossierGenerationErrors(d)).toHaveLength(3);
    const pret = buildScenario('pret').products[0]?.demarche;
    if (!pret) throw new Error('démarche');
    expect(dossierGenerationErrors(pret)).toEqual([]);
    expect(dossierGenerationErrors(newDemarche({ marqueBlanche: 'Non' }))).toHaveLength(1);
  });
  it('candidature : dossier complet et un seul dossier candidat à la fois', () => {
    const d = buildScenario('pret').products[0]?.demarche;
    if (!d) throw new Error('démarche');
    d.dossiers.push({ ref: 'N1', creator: 'x', createdAt: '', applicable: applicableQuestionnaires(d.orientation.validatedAnswers), orientation: {}, questionnaires: Object.fromEntries(Object.entries(d.questionnaires).map(([k, q]) => [k, q.validated])) });
    d.dossiers.push({ ref: 'N2', creator: 'x', createdAt: '', applicable: ['interoperabilite', 'ethique'], orientation: {}, questionnaires: { interoperabilite: d.questionnaires.interoperabilite.validated ?? undefined } });
    expect(candidatureErrors(d, '')).toHaveLength(1);
    expect(candidatureErrors(d, 'N2')).toHaveLength(1);
    expect(candidatureErrors(d, 'N1')).toEqual([]);
    d.candidature = { ref: 'N1', at: '' };
    expect(candidatureErrors(d, 'N1')[0]).toMatch(/annuler/);
  });
});

describe('scénarios', () => {
  it('se construisent tous et correspondent à la liste servie', () => {
    for (const name of SCENARIOS) expect(buildScenario(name).scenario).toBe(name);
    expect(SERVED.map((s) => s.name)).toEqual([...SCENARIOS]);
  });
  it('« pret » : tous les questionnaires applicables validés ; « distributeur » rattaché', () => {
    const s = buildScenario('pret');
    const d = s.products[0]?.demarche;
    expect(d && applicableQuestionnaires(d.orientation.validatedAnswers).every((k) => d.questionnaires[k].validated)).toBe(true);
    expect(s.products[1]?.demarche?.questionnaires.interoperabilite.validated).toBeNull();
    const dist = buildScenario('distributeur').products.find((p) => p.id === 2742);
    expect(dist?.demarche?.whiteLabel).toMatchObject({ role: 'distributeur', producerProductId: 2726, attachment: 'accepte' });
    const d2 = newDemarche({ marqueBlanche: 'Non' });
    d2.orientation.validatedAnswers = ORIENTATION_SIMPLE_WEB;
    fillAndValidate(d2);
    expect(d2.questionnaires['securite-echanges'].validated).toBeNull();
  });
});
