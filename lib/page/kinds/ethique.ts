import type { PageModule } from '../module';
import { evaluationTitle } from './evaluation-title';

export const ethique: PageModule = {
  kind: 'ethique',
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /^ethique/.test(t.norm)) return { score: 80, because: `titre « ${t.raw} »` };
    return null;
  },
};
