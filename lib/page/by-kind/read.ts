/**
 * Lire une page reconnue : les signaux, le produit affiché, puis le modèle que lit le module du type de page
 * (lib/page/kinds). Le type vient de la reconnaissance (recognise.ts).
 */
import type { PageText } from '../model/text';
import type { PageRecognition } from './recognise';
import type { PageModel } from '../model/page';
import { PAGE_REGISTRY } from '../kinds';
import { collectSignals } from '../read/signals';
import { readPageProduct, type PageProduct } from '../read/product';
import { withDomCache } from '../dom/cache';

interface PageReading {
  model: PageModel;
  product: PageProduct | null;
  /** Ce qui n'a pas pu être lu (français), à afficher tel quel. */
  problems: PageText[];
}

/** La zone de contenu de la page (hors interface de l'extension, hors bandeaux). */
function contentRoot(doc: Document): Element {
  return doc.querySelector('main,[role="main"]') ?? doc.body;
}

export function readPage(doc: Document, recognition: PageRecognition): PageReading {
  return withDomCache(doc, () => readPageNow(doc, recognition));
}

function readPageNow(doc: Document, recognition: PageRecognition): PageReading {
  const signals = collectSignals(doc);
  const product = readPageProduct(signals);
  if (!recognition.recognised) return { model: { type: 'none' }, product, problems: [] };
  const read = PAGE_REGISTRY[recognition.kind].read;
  if (!read) return { model: { type: 'none' }, product, problems: [] };
  const { model, problems } = read({ doc, root: contentRoot(doc), signals });
  return { model, product, problems };
}
