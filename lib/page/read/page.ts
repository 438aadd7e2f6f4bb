import type { PageText } from '../text';
/**
 * Le modèle d'une page Convergence : ce que l'extension lit pour enregistrer, remplir et vérifier.
 * Le type de page vient de la reconnaissance (detect.ts) ; sa lecture, de son module (lib/page/registry.ts).
 */
import type { QuestionnaireId } from '../../domain/questionnaires';
import type { PageRecognition } from '../detect';
import type { PageCriterion, PageEvidenceZone } from '../model';
import { PAGE_REGISTRY } from '../registry';
import { collectSignals } from '../signals';
import type { FormField } from './form';
import { readPageProduct, type PageProduct } from './product';
import { withDomCache } from '../dom/cache';

export type FormKind = 'orientation' | 'produit' | 'fiche-administrative' | 'marque-blanche';

export type PageModel =
  | { type: 'criteria'; questionnaire: QuestionnaireId; title: string; criteria: PageCriterion[]; unreadable: string[] }
  | { type: 'deposits'; questionnaire: QuestionnaireId; title: string; zones: PageEvidenceZone[] }
  | { type: 'form'; form: FormKind; fields: FormField[] }
  | { type: 'none' };

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
