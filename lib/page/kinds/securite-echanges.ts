import type { PageModule } from '../module';
import { evaluationTitle } from './evaluation-title';

export const securiteEchanges: PageModule = {
  kind: 'securite-echanges',
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /echanges de donnees/.test(t.norm)) return { score: 85, because: `titre « ${t.raw} »` };
    return null;
  },
};
