import { pageText } from '../model/text';
import { definePage } from './define';
import { evaluationTitle } from '../read/evaluation-title';
import { criteriaPageProblems } from '../guard/rules';
import { readCriteriaPage } from '../read/families';

export const questionnaireNiveaux = definePage('questionnaire-niveaux', {
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /^(interoperabilite|urbanisation|maturite securite|securite)$/.test(t.norm)) {
      return { score: 80, because: pageText('indiceTitre', { titre: t.raw }) };
    }
    // Questionnaire inconnu mais structuré en niveaux : sélection du niveau de maturité.
    if (t && s.text.includes('selectionnez le niveau de maturite')) {
      return { score: 60, because: pageText('indiceNiveauxMaturite') };
    }
    return null;
  },
  read: (ctx) => readCriteriaPage(ctx, null),
  guard: (ctx) => criteriaPageProblems(ctx.root, { known: ctx.known }),
});
