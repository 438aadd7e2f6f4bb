import { pageText } from '../text';
import { definePage } from '../module';
import { evaluationTitle } from './evaluation-title';
import { depositProblems } from '../guard/rules';
import { readDepositsPage } from './families';

export const securiteEchanges = definePage('securite-echanges', {
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /echanges de donnees/.test(t.norm)) return { score: 85, because: pageText('indiceTitre', { titre: t.raw }) };
    return null;
  },
  read: (ctx) => readDepositsPage(ctx, 'securite-echanges'),
  guard: (ctx) => depositProblems(ctx.root, 'securite-echanges'),
});
