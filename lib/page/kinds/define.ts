import type { GuardContext, GuardProblem } from '../guard/types';
import { PAGE_KIND_LABELS, type PageKind } from '../model/kinds';
import type { PageText } from '../model/text';
import type { KindReading, ReadContext } from '../model/page';
import type { PageSignals } from '../model/signals';

/** Résultat d'un détecteur : un score (plus il est haut, plus la page est typique) et ce qui l'a convaincu. */
interface Detection {
  score: number;
  because: PageText;
}

/**
 * Un type de page : un fichier dans lib/page/kinds/, une ligne dans lib/page/kinds/index.ts (et son libellé dans
 * lib/page/model/kinds.ts). Sans `read`, la page n'a pas de modèle ; sans `guard`, « Valider » y passe sans règle.
 */
export interface PageModule<K extends PageKind = PageKind> {
  kind: K;
  label: string;
  detect(signals: PageSignals): Detection | null;
  read?(ctx: ReadContext): KindReading;
  /** Les problèmes de la page pour un bouton qui soumet (« Valider », « Enregistrer et demander validation »). */
  guard?(ctx: GuardContext): GuardProblem[];
}

/** Déclare le module d'un type de page ; son libellé vient de la liste des types (model/kinds.ts). */
export function definePage<K extends PageKind>(kind: K, parts: Omit<PageModule<K>, 'kind' | 'label'>): PageModule<K> {
  return { kind, label: PAGE_KIND_LABELS[kind], ...parts };
}

/** Aide : vrai si l'un des titres visibles commence par ou contient le fragment (déjà normalisé). */
export function headingMatches(s: PageSignals, re: RegExp): string | undefined {
  return s.headings.find((h) => re.test(h.text))?.raw;
}

export function hasButton(s: PageSignals, re: RegExp): boolean {
  return s.buttons.some((b) => re.test(b));
}
