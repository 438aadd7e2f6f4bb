/** En-tête des pages de la démarche selon la variante d'affichage (fil, titre, document.title, retard). */
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_DISPLAY, DEFAULT_TITLE, demarcheCrumbs, demarcheTitle, documentTitle, productHeading, productInBody, productPlacement,
  type Crumb, type Display, type PageKind, type Placement,
} from '../display.ts';
import { productName } from '../rules.ts';
import type { Product, Style } from '../types.ts';

export interface DisplayContextValue {
  display: Display;
  style: Style;
}

/** Fourni par App ; valeur par défaut = affichage d'origine (pages rendues seules dans les tests). */
export const DisplayContext = createContext<DisplayContextValue>({ display: { ...DEFAULT_DISPLAY }, style: 'a' });

export function useDisplay(): DisplayContextValue {
  return useContext(DisplayContext);
}

/** Vrai `ms` millisecondes après le montage (immédiatement si ms ≤ 0). */
export function useLate(ms: number): boolean {
  const [ready, setReady] = useState(ms <= 0);
  useEffect(() => {
    if (ready) return undefined;
    const t = setTimeout(() => setReady(true), ms);
    return () => clearTimeout(t);
  }, []); // minuterie lancée une seule fois, au montage
  return ready;
}

/** Pose document.title et rétablit le titre par défaut au démontage (changement de page). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => () => {
    document.title = DEFAULT_TITLE;
  }, []);
}

export interface ProductHead {
  display: Display;
  style: Style;
  placement: Placement;
  /** nom du produit, ou null tant qu'il n'est pas affiché (retard) */
  name: string | null;
  crumbs: (...rest: Crumb[]) => Crumb[];
  /** h1 des pages dont le titre porte le produit */
  title: string;
  /** ligne de titre du produit (mode titre), sinon null */
  heading: string | null;
  /** le produit peut-il apparaître ailleurs dans le corps de la page */
  inBody: boolean;
}

/** À appeler par chaque page de la démarche ; `pageTitle` sert au document.title (sans le produit). */
export function useProductHead(p: Product, kind: PageKind, pageTitle: string): ProductHead {
  const { display, style } = useDisplay();
  const ready = useLate(display.retard);
  const name = ready ? productName(p) : null;
  useDocumentTitle(documentTitle(display, kind, pageTitle, name));
  return {
    display,
    style,
    placement: productPlacement(display, kind),
    name,
    crumbs: (...rest) => demarcheCrumbs(display, kind, p.id, name, rest),
    title: demarcheTitle(display, kind, name),
    heading: productHeading(display, kind, name),
    inBody: productInBody(display, kind, name),
  };
}

/**
 * h1 de la page, précédé du produit en mode titre : style a, un <h2 class="produit-titre"> au-dessus du h1 ;
 * style b, une première ligne <span class="produit-ligne"> dans le h1. Sans produit : le h1 d'origine.
 */
export function PageTitle({ head, children }: { head: ProductHead; children: ComponentChildren }): JSX.Element {
  if (head.heading === null) return <h1>{children}</h1>;
  if (head.style === 'b') {
    return (
      <h1>
        <span class="produit-ligne">{head.heading}</span> {children}
      </h1>
    );
  }
  return (
    <>
      <h2 class="produit-titre">{head.heading}</h2>
      <h1>{children}</h1>
    </>
  );
}
