/**
 * Pourquoi un remplissage n'a rien changé : jamais un rapport de zéros sans raison. Pur : le modèle de
 * la page, le rapport et les réponses de la source en entrée ; le panneau traduit le code.
 */
import type { QuestionnaireId } from '../../domain/questionnaires';
import type { Answer } from '../../domain/schemas';
import type { FillReportEntry } from './engine';
import type { PageModel } from '../model/page';

export type FillExplanation =
  /** Aucun champ lisible à remplir sur la page. */
  | { code: 'page-vide' }
  /** La source n'a encore aucune réponse. */
  | { code: 'source-vide' }
  /** La source a des réponses, mais pas pour ce questionnaire. */
  | { code: 'questionnaire-absent'; questionnaire: QuestionnaireId; others: QuestionnaireId[] }
  /** Formulaire produit ou fiche administrative : la source n'en a pas. */
  | { code: 'formulaire-absent'; form: 'produit' | 'fiche-administrative' }
  /** Tout est déjà identique sur la page. */
  | { code: 'tout-inchange'; unchanged: number }
  /** Rien d'écrit : des valeurs déjà saisies diffèrent (jamais écrasées), d'autres sont identiques ou introuvables. */
  | { code: 'rien-ecrit'; conflict: number; unchanged: number; missing: number };

/** Rend null quand au moins un champ a été rempli : le rapport parle alors de lui-même. */
export function explainFill(
  model: PageModel,
  report: readonly FillReportEntry[],
  src: { answers: readonly Answer[]; hasProduct: boolean; hasCompany: boolean },
): FillExplanation | null {
  if (report.some((e) => e.status === 'filled')) return null;
  if (report.length > 0) {
    const count = (s: FillReportEntry['status'][]) => report.filter((e) => s.includes(e.status)).length;
    const unchanged = count(['unchanged']);
    if (unchanged === report.length) return { code: 'tout-inchange', unchanged };
    return { code: 'rien-ecrit', conflict: count(['conflict']), unchanged, missing: count(['refused', 'not-found']) };
  }
  // Rapport vide : la source n'avait rien pour cette page.
  if (model.type === 'none' || (model.type === 'criteria' && model.criteria.length === 0) || (model.type === 'form' && model.fields.length === 0)) {
    return { code: 'page-vide' };
  }
  if (model.type === 'form' && model.form === 'produit' && !src.hasProduct) return { code: 'formulaire-absent', form: 'produit' };
  if (model.type === 'form' && model.form === 'fiche-administrative' && !src.hasCompany) return { code: 'formulaire-absent', form: 'fiche-administrative' };
  if (src.answers.length === 0) return { code: 'source-vide' };
  const questionnaire: QuestionnaireId | null =
    model.type === 'criteria' || model.type === 'deposits' ? model.questionnaire : model.type === 'form' && model.form === 'orientation' ? 'orientation' : null;
  if (questionnaire) {
    const others = [...new Set(src.answers.map((a) => a.questionnaire))].filter((q) => q !== questionnaire);
    return { code: 'questionnaire-absent', questionnaire, others };
  }
  return { code: 'source-vide' };
}
