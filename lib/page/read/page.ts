/**
 * Le modèle d'une page Convergence : ce que l'extension lit pour enregistrer, remplir et vérifier.
 * Un lecteur par famille de pages ; le type de page vient de la reconnaissance (detect.ts).
 */
import { questionnaireFromLabel, type QuestionnaireId } from '../../domain/questionnaires';
import type { PageRecognition } from '../detect';
import type { PageCriterion, PageEvidenceZone } from '../model';
import { collectSignals } from '../signals';
import { evaluationTitle } from '../kinds/evaluation-title';
import { readEvidenceZones, readQuestionnaire } from './criteria';
import { readFormFields, type FormField } from './form';
import { readPageProduct, type PageProduct } from './product';
import { withDomCache } from '../dom/cache';

export type FormKind = 'orientation' | 'produit' | 'fiche-administrative' | 'marque-blanche';

export type PageModel =
  | { type: 'criteria'; questionnaire: QuestionnaireId; title: string; criteria: PageCriterion[]; unreadable: string[] }
  | { type: 'deposits'; questionnaire: QuestionnaireId; title: string; zones: PageEvidenceZone[] }
  | { type: 'form'; form: FormKind; fields: FormField[] }
  | { type: 'none' };

export interface PageReading {
  model: PageModel;
  product: PageProduct | null;
  /** Ce qui n'a pas pu être lu (français), à afficher tel quel. */
  problems: string[];
}

/** La zone de contenu de la page (hors interface de l'extension, hors bandeaux). */
export function contentRoot(doc: Document): Element {
  return doc.querySelector('main,[role="main"]') ?? doc.body;
}

export function readPage(doc: Document, recognition: PageRecognition): PageReading {
  return withDomCache(doc, () => readPageNow(doc, recognition));
}

function readPageNow(doc: Document, recognition: PageRecognition): PageReading {
  const signals = collectSignals(doc);
  const product = readPageProduct(signals);
  if (!recognition.recognised) return { model: { type: 'none' }, product, problems: [] };
  const root = contentRoot(doc);
  const title = evaluationTitle(signals)?.raw ?? signals.mainHeadingRaw;
  switch (recognition.kind) {
    case 'questionnaire-niveaux':
    case 'ethique': {
      const q = readQuestionnaire(root, title);
      const questionnaire = q.questionnaire ?? (recognition.kind === 'ethique' ? 'ethique' : null);
      if (!questionnaire) {
        return { model: { type: 'none' }, product, problems: [`Questionnaire « ${title} » inconnu : ses réponses ne sont ni enregistrées ni remplies.`] };
      }
      const problems = q.criteria.flatMap((c) => c.problems);
      if (q.criteria.length === 0) problems.push('Aucun critère lisible sur cette page (identifiant de critère et réponses introuvables).');
      for (const id of q.unreadable) problems.push(`Identifiant ${id} vu sans réponse associée : ignoré.`);
      for (const id of q.unsupported) {
        problems.push(`Critère ${id} : sa réponse est dans un contrôle que l'Assistant ne sait pas lire (liste déroulante ou bouton personnalisé) ; il n'est ni enregistré, ni rempli, ni vérifié.`);
      }
      return { model: { type: 'criteria', questionnaire, title, criteria: q.criteria, unreadable: q.unreadable }, product, problems };
    }
    case 'rgpd':
    case 'securite-echanges': {
      const zones = readEvidenceZones(root);
      const questionnaire = questionnaireFromLabel(title) ?? recognition.kind;
      return {
        model: { type: 'deposits', questionnaire, title, zones },
        product,
        problems: zones.length === 0 ? ['Aucune zone de dépôt lisible sur cette page.'] : [],
      };
    }
    case 'orientation':
      return { model: { type: 'form', form: 'orientation', fields: readFormFields(root) }, product, problems: [] };
    case 'produit-formulaire':
      return { model: { type: 'form', form: 'produit', fields: readFormFields(root) }, product, problems: [] };
    case 'fiche-administrative': {
      const dialog = doc.querySelector('[role="dialog"]:not([hidden]),dialog[open]');
      return { model: { type: 'form', form: 'fiche-administrative', fields: readFormFields(root, { exclude: (el) => !!dialog?.contains(el) }) }, product, problems: [] };
    }
    case 'marque-blanche': {
      const dialog = doc.querySelector('[role="dialog"]:not([hidden]),dialog[open]');
      return { model: { type: 'form', form: 'marque-blanche', fields: dialog ? readFormFields(dialog) : [] }, product, problems: [] };
    }
    default:
      return { model: { type: 'none' }, product, problems: [] };
  }
}
