/**
 * Caches d'une lecture de page : une lecture parcourt des milliers de contrôles, et les mêmes questions
 * (cet élément est-il masqué ? quels libellés visent cet identifiant ?) reviennent pour chacun. Les caches
 * ne vivent que le temps d'une lecture (withDomCache), la page pouvant changer entre deux.
 */
let hidden: Map<Element, boolean> | null = null;
let labelsById: Map<string, HTMLLabelElement[]> | null = null;
let labelsDoc: Document | null = null;

export function withDomCache<T>(doc: Document, read: () => T): T {
  if (hidden) return read(); // déjà dans une lecture
  hidden = new Map();
  labelsById = null; // indexés à la première demande : la reconnaissance seule n'en a pas besoin
  labelsDoc = doc;
  try {
    return read();
  } finally {
    hidden = null;
    labelsById = null;
    labelsDoc = null;
  }
}

function labelIndex(): Map<string, HTMLLabelElement[]> | null {
  if (!labelsById && labelsDoc) {
    labelsById = new Map();
    for (const l of Array.from(labelsDoc.querySelectorAll<HTMLLabelElement>('label[for]'))) {
      const id = l.htmlFor;
      const list = labelsById.get(id);
      if (list) list.push(l);
      else labelsById.set(id, [l]);
    }
  }
  return labelsById;
}

/** Masquage d'un élément, mémorisé pour lui et ses ancêtres pendant la lecture. */
export function cachedHidden(el: Element, own: (e: Element) => boolean): boolean | undefined {
  if (!hidden) return undefined;
  const path: Element[] = [];
  let result = false;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const known = hidden.get(cur);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(cur);
    if (own(cur)) {
      result = true;
      break;
    }
  }
  // Tout le chemin parcouru partage le résultat : masqué si un ancêtre l'est.
  for (const p of path) hidden.set(p, result);
  return result;
}

/** Les libellés d'un contrôle (label englobant, label[for]) depuis l'index de la lecture ; null hors lecture. */
export function cachedLabels(el: Element): HTMLLabelElement[] | null {
  const labelsById = labelIndex();
  if (!labelsById) return null;
  const out: HTMLLabelElement[] = [];
  const wrapping = el.closest('label');
  if (wrapping) out.push(wrapping);
  if (el.id) for (const l of labelsById.get(el.id) ?? []) if (l !== wrapping) out.push(l);
  return out;
}
