/**
 * Variantes d'affichage du produit (`?fil=`, `?produit=`, `?retard=`), pour vérifier que l'extension reconnaît
 * le produit sur des pages écrites autrement. Fonctions pures, sans Preact ni DOM.
 */

export const DEMARCHE = 'Référencement Mon espace santé guidé (nouveau)';
/** Titre de l'onglet sans variante (celui d'index.html, constant). */
export const DEFAULT_TITLE = 'Convergence (simulateur) — Agence du Numérique en Santé';
/** Libellé du maillon qui remplace le produit dans le fil (modes titre, document, absent). */
export const DEMARCHE_CRUMB = 'Démarche';
export const MAX_RETARD = 60_000;

export const FIL_MODES = ['liste', 'texte', 'sans-suffixe'] as const;
export const PRODUIT_MODES = ['fil', 'titre', 'document', 'absent'] as const;
export type FilMode = (typeof FIL_MODES)[number];
export type ProduitMode = (typeof PRODUIT_MODES)[number];

export interface Display {
  /** liste : <nav> + <ol> (défaut) ; texte : <p> en texte simple ; sans-suffixe : maillon produit sans « Référencement … : » */
  fil: FilMode;
  /** fil : produit dans le fil et les titres (défaut) ; titre : seulement dans un titre ; document : seulement dans document.title ; absent : nulle part sur les questionnaires */
  produit: ProduitMode;
  /** millisecondes avant l'affichage du produit (0 : immédiat) */
  retard: number;
}

export const DEFAULT_DISPLAY: Readonly<Display> = Object.freeze({ fil: 'liste', produit: 'fil', retard: 0 });

export interface Crumb {
  label: string;
  href?: string;
}

/** Catégorie de page, pour la variante `produit=absent`. */
export type PageKind = 'demarche' | 'etape' | 'questionnaire';
/** Où le produit s'affiche effectivement sur une page donnée. */
export type Placement = 'fil' | 'titre' | 'document' | 'aucun';

const isFil = (v: unknown): v is FilMode => (FIL_MODES as readonly unknown[]).includes(v);
const isProduit = (v: unknown): v is ProduitMode => (PRODUIT_MODES as readonly unknown[]).includes(v);
const isRetard = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_RETARD;

/** Affichage complet et valide à partir de l'état (les anciens états n'ont pas de champ `display`). */
export function displayOf(d: Partial<Display> | null | undefined): Display {
  return {
    fil: isFil(d?.fil) ? d.fil : DEFAULT_DISPLAY.fil,
    produit: isProduit(d?.produit) ? d.produit : DEFAULT_DISPLAY.produit,
    retard: isRetard(d?.retard) ? d.retard : DEFAULT_DISPLAY.retard,
  };
}

export function isDefaultDisplay(d: Display): boolean {
  return d.fil === DEFAULT_DISPLAY.fil && d.produit === DEFAULT_DISPLAY.produit && d.retard === DEFAULT_DISPLAY.retard;
}

export const DISPLAY_PARAMS = ['fil', 'produit', 'retard'] as const;

/** Lit `?fil=`, `?produit=`, `?retard=` ; les valeurs inconnues sont ignorées et signalées. */
export function parseDisplayParams(params: URLSearchParams): { display: Partial<Display>; errors: string[] } {
  const display: Partial<Display> = {};
  const errors: string[] = [];
  const fil = params.get('fil');
  if (fil !== null) {
    if (isFil(fil)) display.fil = fil;
    else errors.push(`?fil=${fil} inconnu (valeurs : ${FIL_MODES.join(', ')})`);
  }
  const produit = params.get('produit');
  if (produit !== null) {
    if (isProduit(produit)) display.produit = produit;
    else errors.push(`?produit=${produit} inconnu (valeurs : ${PRODUIT_MODES.join(', ')})`);
  }
  const retard = params.get('retard');
  if (retard !== null) {
    const n = /^\d+$/.test(retard) ? Number(retard) : NaN;
    if (isRetard(n)) display.retard = n;
    else errors.push(`?retard=${retard} invalide (entier de 0 à ${MAX_RETARD} ms)`);
  }
  return { display, errors };
}

export function productPlacement(d: Display, kind: PageKind): Placement {
  if (d.produit === 'absent') return kind === 'questionnaire' ? 'aucun' : 'fil';
  return d.produit;
}

/** Séparateur du fil en texte simple. */
export function textSeparator(style: 'a' | 'b'): string {
  return style === 'b' ? ' / ' : ' › ';
}

/** Libellé du maillon produit (fil en liste : avec « Référencement … : » comme aujourd'hui). */
export function productCrumbLabel(d: Display, kind: PageKind, name: string): string {
  if (d.fil !== 'liste') return name;
  return kind === 'demarche' ? `${DEMARCHE} : ${name}` : `${name} : ${DEMARCHE}`;
}

/**
 * Fil d'Ariane d'une page de la démarche. `name` null : produit pas encore affiché (retard) → maillon absent.
 * Modes titre / document / absent (questionnaires) : maillon « Démarche ».
 */
export function demarcheCrumbs(d: Display, kind: PageKind, productId: number, name: string | null, rest: Crumb[]): Crumb[] {
  const href = `/produits/${productId}/demarches/mes`;
  const head: Crumb[] = [
    { label: 'Mon espace santé', href: '/parcours/mon-espace-sante' },
    { label: DEMARCHE, href: '/parcours/mon-espace-sante#demarche' },
  ];
  let mid: Crumb[];
  if (productPlacement(d, kind) === 'fil') mid = name === null ? [] : [{ label: productCrumbLabel(d, kind, name), href }];
  else mid = [{ label: DEMARCHE_CRUMB, href }];
  return [...head, ...mid, ...rest];
}

/** h1 des pages dont le titre porte le produit (démarche, fiche, convention, liste, dossier). */
export function demarcheTitle(d: Display, kind: PageKind, name: string | null): string {
  const pl = productPlacement(d, kind);
  if (name === null || (pl !== 'fil' && pl !== 'titre')) return DEMARCHE;
  return kind === 'demarche' ? `${DEMARCHE} : ${name}` : `${name} : ${DEMARCHE}`;
}

/** Ligne de titre « Produit - v0.1 - 3100 » ajoutée aux pages dont le h1 ne porte pas le produit (mode titre). */
export function productHeading(d: Display, kind: PageKind, name: string | null): string | null {
  return name !== null && productPlacement(d, kind) === 'titre' ? name : null;
}

/** Le produit peut-il figurer ailleurs dans le corps (pastille, fiche du dossier, outils du simulateur) ? */
export function productInBody(d: Display, kind: PageKind, name: string | null): boolean {
  return name !== null && productPlacement(d, kind) === 'fil';
}

/** document.title : constant (celui d'index.html) sauf en mode document : « Page — Produit - v0.1 - 3100 — Convergence ». */
export function documentTitle(d: Display, kind: PageKind, pageTitle: string, name: string | null): string {
  if (productPlacement(d, kind) !== 'document') return DEFAULT_TITLE;
  return name === null ? `${pageTitle} — Convergence` : `${pageTitle} — ${name} — Convergence`;
}
