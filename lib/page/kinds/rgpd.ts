import { pageText } from '../text';
import { definePage } from '../module';
import { evaluationTitle } from './evaluation-title';
import { depositProblems } from '../guard/rules';
import { readDepositsPage } from './families';

export const rgpd = definePage('rgpd', {
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /^rgpd/.test(t.norm)) return { score: 80, because: pageText('indiceTitre', { titre: t.raw }) };
    return null;
  },
  read: (ctx) => readDepositsPage(ctx, 'rgpd'),
  guard: (ctx) => depositProblems(ctx.root, 'rgpd'),
});
