import type { PageModule } from '../module';
import { evaluationTitle } from './evaluation-title';

export const rgpd: PageModule = {
  kind: 'rgpd',
  detect(s) {
    const t = evaluationTitle(s);
    if (t && /^rgpd/.test(t.norm)) return { score: 80, because: `titre « ${t.raw} »` };
    return null;
  },
};
