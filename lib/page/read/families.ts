import { pageText } from '../model/text';
/**
 * Lectures communes à plusieurs types de pages (questionnaires à critères, pages de dépôt, formulaires),
 * appelées par leurs modules. Les lecteurs eux-mêmes sont dans lib/page/read.
 */
import { questionnaireFromLabel, type QuestionnaireId } from '../../domain/questionnaires';
import { readQuestionnaire } from './criteria';
import { readDepositZones } from './zones';
import { evaluationTitle } from './evaluation-title';
import type { FormField, FormKind, KindReading, ReadContext } from '../model/page';

/** Le titre du questionnaire affiché (« Questionnaire d'évaluation : X »), sinon le titre principal. */
function shownTitle(ctx: ReadContext): string {
  return evaluationTitle(ctx.signals)?.raw ?? ctx.signals.mainHeadingRaw;
}

/** Questionnaire à critères (à niveaux, Éthique) : les critères et ce qui n'a pas pu en être lu. */
export function readCriteriaPage(ctx: ReadContext, fallback: QuestionnaireId | null): KindReading {
  const title = shownTitle(ctx);
  const q = readQuestionnaire(ctx.root, title);
  const questionnaire = q.questionnaire ?? fallback;
  if (!questionnaire) {
    return { model: { type: 'none' }, problems: [pageText('questionnaireInconnu', { titre: title })] };
  }
  const problems = q.criteria.flatMap((c) => c.problems);
  if (q.criteria.length === 0) problems.push(pageText('aucunCritere'));
  for (const id of q.unreadable) problems.push(pageText('identifiantSansReponse', { id }));
  for (const id of q.unsupported) problems.push(pageText('controleNonLu', { id }));
  return { model: { type: 'criteria', questionnaire, title, criteria: q.criteria, unreadable: q.unreadable }, problems };
}

/** Page de dépôt (RGPD, Sécurité échanges) : ses zones, lues par le lecteur unique (read/zones.ts). */
export function readDepositsPage(ctx: ReadContext, kind: 'rgpd' | 'securite-echanges'): KindReading {
  const title = shownTitle(ctx);
  const zones = readDepositZones(ctx.root);
  const questionnaire = questionnaireFromLabel(title) ?? kind;
  return { model: { type: 'deposits', questionnaire, title, zones }, problems: zones.length === 0 ? [pageText('aucuneZone')] : [] };
}

export function formReading(form: FormKind, fields: FormField[]): KindReading {
  return { model: { type: 'form', form, fields }, problems: [] };
}

/** La fenêtre modale ouverte, s'il y en a une. */
export function openDialog(doc: Document): Element | null {
  return doc.querySelector('[role="dialog"]:not([hidden]),dialog[open]');
}
