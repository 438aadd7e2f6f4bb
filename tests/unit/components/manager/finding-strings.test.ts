import { afterAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import { findingAction, findingMessage, verdictReasons } from '../../../../components/manager/finding-strings';
import { assessReadiness } from '../../../../lib/rules/readiness';
import type { AnswerFacts, Finding, FindingTextKey } from '../../../../lib/rules/types';
import { FINDING_TEXT_KEYS } from '../../../../lib/rules/types';
import { CONFORME, crit, level, NON_CONFORME } from '../../support/db';

// Chaque constat porte sa clé et ses paramètres : le gestionnaire en anglais le dit en anglais, entier
// (aucun paramètre manquant), et en français il garde mot pour mot le texte des règles.

const c = {
  doc: crit({ questionnaire: 'rgpd', id: 'RGPD.1', title: 'AIPD', kind: 'preuves', obligation: 'obligation', expectedEvidence: ['AIPD'] }),
  orient: crit({ questionnaire: 'orientation', id: 'Q1', title: 'Dispositif médical ?', obligation: 'obligation' }),
  oblig: crit({ questionnaire: 'interoperabilite', id: 'A1', title: 'Obligatoire', obligation: 'obligation', acceptableLevels: ['2', '3'] }),
  opt: crit({ questionnaire: 'interoperabilite', id: 'A2', title: 'Optionnel', obligation: 'option' }),
  // Sans « obligation » lue : nature inconnue (conformité : traitée comme obligatoire).
  unknownMandatory: crit({ questionnaire: 'interoperabilite', id: 'A3', title: 'Inconnu', kind: 'conformite' }),
  unknown: crit({ questionnaire: 'interoperabilite', id: 'A4', title: 'Inconnu sans minimum', kind: 'niveau' }),
  min: crit({ questionnaire: 'securite', id: '04.03', title: 'Identification', obligation: 'obligation', acceptableLevels: ['2', '3'] }),
  ncOblig: crit({ questionnaire: 'ethique', id: 'E1', title: 'Finalités', kind: 'conformite', obligation: 'obligation' }),
  ncOpt: crit({ questionnaire: 'ethique', id: 'E2', title: 'Écoscore', kind: 'conformite', obligation: 'option' }),
  ncUnknown: crit({ questionnaire: 'ethique', id: 'E3', title: 'Nature inconnue', kind: 'conformite' }),
  ncUnknownLevel: crit({ questionnaire: 'ethique', id: 'E7', title: 'Nature inconnue, niveaux', kind: 'niveau' }),
  noTypes: crit({ questionnaire: 'ethique', id: 'E4', title: 'Sans types', kind: 'conformite', obligation: 'obligation' }),
  notStated: crit({ questionnaire: 'ethique', id: 'E5', title: 'Non indiquées', kind: 'conformite', obligation: 'obligation', expectedEvidence: ['CGU'] }),
  missing: crit({ questionnaire: 'ethique', id: 'E6', title: 'Manquante', kind: 'conformite', obligation: 'obligation', expectedEvidence: ['Politique'] }),
  stale: crit({ questionnaire: 'urbanisation', id: 'U1', title: 'Périmée', obligation: 'obligation', acceptableLevels: ['1', '2', '3'] }),
  changed: crit({ questionnaire: 'urbanisation', id: 'U2', title: 'Modifié', obligation: 'option' }),
  update: crit({ questionnaire: 'urbanisation', id: 'U3', title: 'Mise à jour', obligation: 'option' }),
  list: crit({ questionnaire: 'urbanisation', id: 'U4', title: 'Liste', obligation: 'option' }),
  distrib: crit({ questionnaire: 'urbanisation', id: 'U5', title: 'Distributeur', obligation: 'option' }),
};

const f = (key: string, value: AnswerFacts['value'], extra: Partial<AnswerFacts> = {}): AnswerFacts => ({ criterionKey: key, value, evidence: [], ...extra });

function everyFinding() {
  const answers = [
    f(c.min.key, level('1')),
    f(c.ncOblig.key, NON_CONFORME),
    f(c.ncOpt.key, NON_CONFORME),
    f(c.ncUnknown.key, NON_CONFORME),
    f(c.ncUnknownLevel.key, NON_CONFORME),
    f(c.noTypes.key, CONFORME),
    f(c.notStated.key, CONFORME, { evidenceStated: false }),
    f(c.missing.key, CONFORME),
    f(c.stale.key, level('2'), { validUntil: '2020-01-01' }),
    f(c.changed.key, level('1'), { reviewFlag: true, reviewReason: 'referentiel' }),
    f(c.update.key, level('1'), { reviewFlag: true, reviewReason: 'mise-a-jour' }),
    f(c.list.key, level('1'), { reviewFlag: true, reviewReason: 'marque-blanche' }),
  ];
  const forFile = assessReadiness({ criteria: Object.values(c), answers, applicableQuestionnaires: ['securite-echanges'], today: '2025-06-01', mode: 'fichier', distributorMustAnswer: new Set([c.distrib.key]) });
  const forPlatform = assessReadiness({ criteria: [c.oblig], answers: [], applicableQuestionnaires: ['interoperabilite', 'urbanisation'], today: '2025-06-01', mode: 'plateforme' });
  return { forFile, forPlatform, findings: [...forFile.findings, ...forPlatform.findings] as Finding[] };
}

afterAll(() => forceLanguage('fr'));

describe('constats de préparation dans la langue de l’interface', () => {
  it('chaque clé de texte est produite par une règle, et chaque constat en porte une', () => {
    const { forFile, forPlatform, findings } = everyFinding();
    expect(findings.every((x) => x.text)).toBe(true);
    const keys = new Set<FindingTextKey>([
      ...findings.map((x) => x.text!.key),
      ...[forFile, forPlatform].flatMap((r) => [...(r.dossierGenerable.reasonTexts ?? []), ...(r.pretACandidater.reasonTexts ?? [])]).map((x) => x.key),
    ]);
    expect([...FINDING_TEXT_KEYS].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('en anglais : texte entier, sans paramètre manquant ni mot français des règles ; en français : le texte des règles', () => {
    const { forFile, findings } = everyFinding();
    forceLanguage('en');
    for (const x of findings) {
      const text = `${findingMessage(x)} ${findingAction(x)}`;
      expect(text, x.text!.key).not.toMatch(/undefined|«|critère|réponse|obligatoire/);
      expect(text).toContain(x.criterionId ?? '');
    }
    const min = findings.find((x) => x.code === 'sous-minimum')!;
    expect(findingMessage(min)).toBe('04.03: current level “Niveau 1” below the required minimum “Niveau 2” (acceptable levels: 2, 3).');
    expect(verdictReasons(forFile.pretACandidater).join(' ')).toMatch(/blocking issue\(s\) to fix\.$/);
    forceLanguage('fr');
    expect(findings.map(findingMessage)).toEqual(findings.map((x) => x.message));
    expect(verdictReasons(forFile.pretACandidater)).toEqual(forFile.pretACandidater.reasons);
  });
});
