import { pageText } from '../model/text';
import { definePage } from './define';
import { evaluationTitle } from '../read/evaluation-title';
import { depositProblems } from '../guard/rules';
import { readDepositsPage } from '../read/families';

export const rgpd = definePage('rgpd', {
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /^rgpd/.test(t.norm)) return { score: 80, because: pageText('indiceTitre', { titre: t.raw }) };
    return null;
  },
  read: (ctx) => readDepositsPage(ctx, 'rgpd'),
  guard: (ctx) => depositProblems(ctx.root, 'rgpd'),
});
