import type { PageSignals } from '../signals';

/** Le produit tel que Convergence l'affiche : « Produit - v0.1 - 3100 » (nom - version - n°). */
export interface PageProduct {
  name: string;
  version: string;
  number: string;
}

const PRODUCT = /^(.+?)\s+[-–]\s+(\S+)\s+[-–]\s+(\d{1,12})$/;

/** Lit « Nom - version - n° » dans un texte, éventuellement entouré de « … : Référencement … ». */
export function parsePageProduct(text: string): PageProduct | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  for (const part of [...clean.split(/\s*:\s+/), clean]) {
    const m = PRODUCT.exec(part.trim());
    if (m?.[1] && m[2] && m[3]) return { name: m[1].trim(), version: m[2].trim(), number: m[3] };
  }
  return null;
}

/** Le produit de la page : titre principal, sinon fil d'Ariane, sinon un autre titre. */
export function readPageProduct(s: PageSignals): PageProduct | null {
  const candidates = [s.mainHeadingRaw, ...s.breadcrumbRaw, ...s.headings.map((h) => h.raw)];
  for (const c of candidates) {
    const p = parsePageProduct(c);
    if (p) return p;
  }
  return null;
}
