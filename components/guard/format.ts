import { formatLevel, formatLevelList } from '../../lib/domain/levels';
import type { GuardAction, GuardProblem } from '../../lib/page/guard/types';
import { t } from './strings';

export interface ProblemText {
  /** Ce qui ne va pas, en nommant le critère, la question ou le champ. */
  text: string;
  /** Titre du critère (ou de la question) quand il n'est pas déjà dans le texte. */
  detail?: string;
  /** Ce qu'il faut faire. */
  action: string;
}

/** Le texte d'un problème, dans la langue de l'interface. */
export function problemText(p: GuardProblem, action: GuardAction): ProblemText {
  const acceptable = p.acceptable && p.acceptable.length > 0 ? formatLevelList(p.acceptable) + (p.acceptableFromLibrary ? t('fromLibrary') : '') : '';
  const detail = p.title || undefined;
  switch (p.code) {
    case 'sous-minimum':
      return {
        text: t('sousMinimum', { ref: p.ref, current: p.level ? formatLevel(p.level, p.scale ?? 'niveau') : '?', acceptable }),
        detail,
        action: t('sousMinimumAction'),
      };
    case 'non-repondu':
      if (p.questionnaire === 'ethique' || p.acceptable === undefined) {
        return { text: t('nonReponduConformite', { ref: p.ref }), detail, action: t('nonReponduConformiteAction') };
      }
      return {
        text: acceptable ? t('nonReponduNiveau', { ref: p.ref, acceptable }) : t('nonReponduNiveauSansMin', { ref: p.ref }),
        detail,
        action: t('nonReponduNiveauAction'),
      };
    case 'option-non-repondu':
      return { text: t('optionNonRepondu', { ref: p.ref }), detail, action: t('optionNonReponduAction') };
    case 'specificite-non-repondue':
      return { text: t('specificite', { ref: p.ref }), detail, action: t('specificiteAction') };
    case 'non-conforme':
      return { text: t('nonConforme', { ref: p.ref }), detail, action: t('nonConformeAction') };
    case 'preuve-manquante':
      return { text: t('preuveManquante', { ref: p.ref, missing: (p.missing ?? []).map((m) => `« ${m} »`).join(', ') }), detail, action: t('preuveManquanteAction') };
    case 'document-manquant':
      return { text: t('documentManquant', { ref: p.ref }), action: t('documentManquantAction', { ref: p.ref }) };
    case 'question-sans-reponse':
      return {
        text: p.title ? t('questionSansReponse', { ref: p.ref, title: p.title }) : t('questionSansReponseSansTitre', { ref: p.ref }),
        action: t('questionSansReponseAction'),
      };
    case 'champ-vide':
      return { text: t('champVide', { ref: p.ref }), action: t('champVideAction') };
    case 'champ-invalide':
      return { text: t('champInvalide', { ref: p.ref, value: p.status ?? '' }), action: t('champInvalideAction') };
    case 'questionnaire-non-termine':
      return {
        text: t('nonTermine', { ref: p.ref, status: p.status ?? '', count: p.count ? t('nonTermineCount', { done: p.count.done, total: p.count.total }) : '' }),
        action: action === 'generer-dossier' ? t('nonTermineGenerer') : t('nonTermineCandidater'),
      };
    case 'dossier-non-choisi':
      return { text: t('dossierNonChoisi', { ref: p.ref }), action: t('dossierNonChoisiAction') };
  }
}

/** Le texte d'un repère « sous le niveau minimum ». */
export function markerText(p: Pick<GuardProblem, 'acceptable' | 'level' | 'scale'>): string {
  return t('markerBelow', {
    acceptable: formatLevelList(p.acceptable ?? []),
    current: p.level ? formatLevel(p.level, p.scale ?? 'niveau') : '?',
  });
}
