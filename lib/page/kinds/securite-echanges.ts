import { pageText } from '../model/text';
import { definePage } from './define';
import { evaluationTitle } from '../read/evaluation-title';
import { depositProblems } from '../guard/rules';
import { readDepositsPage } from '../read/families';

export const securiteEchanges = definePage('securite-echanges', {
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /echanges de donnees/.test(t.norm)) return { score: 85, because: pageText('indiceTitre', { titre: t.raw }) };
    return null;
  },
  read: (ctx) => readDepositsPage(ctx, 'securite-echanges'),
  guard: (ctx) => depositProblems(ctx.root, 'securite-echanges'),
});
