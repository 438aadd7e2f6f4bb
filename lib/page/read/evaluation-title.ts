import type { PageSignals } from '../model/signals';

/** Le nom du questionnaire dans un titre « Questionnaire d'évaluation : X » : normalisé et tel qu'affiché. */
export function evaluationTitle(s: PageSignals): { norm: string; raw: string } | undefined {
  for (const h of s.headings) {
    const m = /^questionnaire d'evaluation ?: ?(.+)$/.exec(h.text);
    if (m?.[1]) return { norm: m[1].trim(), raw: h.raw };
  }
  return undefined;
}
