import type { PageSignals } from '../signals';

/** Le nom du questionnaire dans un titre « Questionnaire d'évaluation : X » (normalisé), ou undefined. */
export function evaluationTitle(s: PageSignals): string | undefined {
  for (const h of s.headings) {
    const m = /^questionnaire d'evaluation ?: ?(.+)$/.exec(h.text);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}
