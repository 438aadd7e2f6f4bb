import type { PageKind } from './kinds';
import type { PageSignals } from './signals';

/** Résultat d'un détecteur : un score (plus il est haut, plus la page est typique) et ce qui l'a convaincu. */
export interface Detection {
  score: number;
  because: string;
}

/** Un module par type de page. La lecture détaillée (issue « sur la page ») s'ajoute ici. */
export interface PageModule {
  kind: PageKind;
  detect(signals: PageSignals): Detection | null;
}

/** Aide : vrai si l'un des titres visibles commence par ou contient le fragment (déjà normalisé). */
export function headingMatches(s: PageSignals, re: RegExp): string | undefined {
  return s.headings.find((h) => re.test(h.text))?.raw;
}

export function hasButton(s: PageSignals, re: RegExp): boolean {
  return s.buttons.some((b) => re.test(b));
}
