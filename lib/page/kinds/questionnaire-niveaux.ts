import type { PageModule } from '../module';
import { evaluationTitle } from './evaluation-title';

export const questionnaireNiveaux: PageModule = {
  kind: 'questionnaire-niveaux',
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /^(interoperabilite|urbanisation|maturite securite|securite)$/.test(t.norm)) {
      return { score: 80, because: `titre « ${t.raw} »` };
    }
    // Questionnaire inconnu mais structuré en niveaux : sélection du niveau de maturité.
    if (t && s.text.includes('selectionnez le niveau de maturite')) {
      return { score: 60, because: 'questionnaire d\'évaluation avec sélection du niveau de maturité' };
    }
    return null;
  },
};
