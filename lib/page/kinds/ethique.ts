import { pageText } from '../model/text';
import { definePage } from './define';
import { evaluationTitle } from '../read/evaluation-title';
import { criteriaPageProblems } from '../guard/rules';
import { readCriteriaPage } from '../read/families';

export const ethique = definePage('ethique', {
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /^ethique/.test(t.norm)) return { score: 80, because: pageText('indiceTitre', { titre: t.raw }) };
    return null;
  },
  // Le titre suffit à reconnaître l'Éthique même si son libellé exact n'est pas connu.
  read: (ctx) => readCriteriaPage(ctx, 'ethique'),
  guard: (ctx) => criteriaPageProblems(ctx.root, { fallback: 'ethique', known: ctx.known }),
});
