/**
 * Ce qu'un paquet contient et ne contient pas, pour l'aperçu du producteur (avant signature) comme pour
 * celui du distributeur et `convergence-helper paquet verifier` : comptes par questionnaire, critères à
 * spécificité « Oui » (le distributeur y répond lui-même), et les 16 critères que le guide ANS dit
 * susceptibles de différer en marque blanche (liste unique : lib/domain/white-label.ts).
 */
import { QUESTIONNAIRE_LABELS } from '../../domain/questionnaires';
import { WHITE_LABEL_REVIEW_CRITERIA } from '../../domain/white-label';
import { PACKAGE_QUESTIONNAIRES } from './format';
import type { PackageQuestionnaire, UnsignedPackage } from './format';

export interface PackageSummary {
  questionnaires: { questionnaire: PackageQuestionnaire; label: string; criteria: number }[];
  /** Critères présents. */
  criteria: number;
  /** Niveaux, conformités ou « documents déposés » partagés. */
  values: number;
  comments: number;
  specificites: number;
  /** Critères à spécificité « Oui » : à répondre par le distributeur. */
  specificiteOui: { key: string; questionnaire: PackageQuestionnaire; id: string; title?: string }[];
  evidence: { described: number; withContent: number; contentBytes: number };
  /** Ce que le paquet ne contient pas. */
  omitted: { confidentialComments: number; evidenceContents: number };
  /** Les 16 critères du guide ANS, chacun avec sa présence dans le paquet. */
  whiteLabelReview: { key: string; questionnaire: PackageQuestionnaire; id: string; title: string; inPackage: boolean }[];
}

type Summarizable = Pick<UnsignedPackage, 'questionnaires' | 'answers' | 'criteria' | 'omitted'>;

/** Octets d'un contenu base64 sans le décoder. */
const base64Bytes = (b64: string) => (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

export function summarizePackage(pkg: Summarizable): PackageSummary {
  const titles = new Map(pkg.criteria.map((c) => [c.key, c.title]));
  const keys = new Set(pkg.answers.map((a) => a.key));
  const s: PackageSummary = {
    questionnaires: pkg.questionnaires.map((q) => ({ questionnaire: q, label: QUESTIONNAIRE_LABELS[q], criteria: pkg.answers.filter((a) => a.questionnaire === q).length })),
    criteria: pkg.answers.length,
    values: 0,
    comments: 0,
    specificites: 0,
    specificiteOui: [],
    evidence: { described: 0, withContent: 0, contentBytes: 0 },
    omitted: { confidentialComments: pkg.omitted.confidentialComments, evidenceContents: 0 },
    whiteLabelReview: WHITE_LABEL_REVIEW_CRITERIA.map((c) => {
      const key = `${c.questionnaire}/${c.id}`;
      return { key, questionnaire: c.questionnaire as PackageQuestionnaire, id: c.id, title: c.title, inPackage: keys.has(key) };
    }),
  };
  for (const a of pkg.answers) {
    if (a.value) s.values++;
    if (a.comment) s.comments++;
    if (a.specificite) s.specificites++;
    if (a.specificite === 'oui') s.specificiteOui.push({ key: a.key, questionnaire: a.questionnaire, id: a.id, ...(titles.get(a.key) ? { title: titles.get(a.key) } : {}) });
    for (const e of a.evidence ?? []) {
      s.evidence.described++;
      if (e.content !== undefined) {
        s.evidence.withContent++;
        s.evidence.contentBytes += base64Bytes(e.content);
      } else s.omitted.evidenceContents++;
    }
  }
  const order = (q: PackageQuestionnaire) => PACKAGE_QUESTIONNAIRES.indexOf(q);
  s.specificiteOui.sort((x, y) => order(x.questionnaire) - order(y.questionnaire) || x.id.localeCompare(y.id, 'fr', { numeric: true }));
  return s;
}
