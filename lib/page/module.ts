import type { GuardContext, GuardProblem } from './guard/types';
import { PAGE_KIND_LABELS, type PageKind } from './kinds';
import type { PageModel } from './read/page';
import type { PageSignals } from './signals';
import type { PageText } from './text';

/** Résultat d'un détecteur : un score (plus il est haut, plus la page est typique) et ce qui l'a convaincu. */
interface Detection {
  score: number;
  because: PageText;
}

/** Ce que reçoit la lecture détaillée d'une page reconnue. */
export interface ReadContext {
  doc: Document;
  /** La zone de contenu (main), hors interface de l'extension. */
  root: Element;
  /** Les signaux déjà collectés pour la reconnaissance. */
  signals: PageSignals;
}

/** La lecture d'une page : son modèle, et ce qui n'a pas pu être lu (traduit par l'interface). */
export interface KindReading {
  model: PageModel;
  problems: PageText[];
}

/**
 * Un type de page : un fichier dans lib/page/kinds/, une ligne dans lib/page/registry.ts (et son libellé dans
 * lib/page/kinds.ts). Sans `read`, la page n'a pas de modèle ; sans `guard`, « Valider » y passe sans règle.
 */
export interface PageModule<K extends PageKind = PageKind> {
  kind: K;
  label: string;
  detect(signals: PageSignals): Detection | null;
  read?(ctx: ReadContext): KindReading;
  /** Les problèmes de la page pour un bouton qui soumet (« Valider », « Enregistrer et demander validation »). */
  guard?(ctx: GuardContext): GuardProblem[];
}

/** Déclare le module d'un type de page ; son libellé vient de la liste des types (kinds.ts). */
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
