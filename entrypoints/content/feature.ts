import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Send } from '../../lib/messages/client';
import type { ContentMessageType, ParsedRequestOf, ResponseOf } from '../../lib/messages/protocol';
import type { PageRecognition } from '../../lib/page/by-kind/recognise';
import type { QuestionnaireId } from '../../lib/domain/questionnaires';
import type { KnownCriteria } from '../../lib/page/guard/known';
import type { PageProduct } from '../../lib/page/read/product';

/**
 * Ce que le script de contenu donne à chaque fonction (panneau, garde avant validation…).
 * Une fonction = un module de features/, enregistré dans features/index.ts.
 */
export interface FeatureContext {
  ctx: ContentScriptContext;
  doc: Document;
  /** Messages vers l'arrière-plan (protocole typé, validé à la réception). */
  send: Send;
  /** La reconnaissance courante de la page. */
  recognition(): PageRecognition;
  /** Appelé à chaque changement de la page reconnue (type, ou contenu après mutation). */
  onPageChange(listener: (r: PageRecognition) => void): () => void;
  /** Vrai pendant un remplissage : les fonctions suspendent leurs relectures de la page. */
  filling(): boolean;
  /** Exécute un remplissage : relectures suspendues pendant, une seule notification de changement après. */
  runFill<T>(fill: () => Promise<T>): Promise<T>;
  /**
   * Ce que la bibliothèque sait des critères d'un questionnaire (minimum, nature), chargé une fois et partagé :
   * le résumé du panneau et la garde jugent avec les mêmes données. Undefined tant que ce n'est pas chargé
   * (une notification de changement suit le chargement).
   */
  known(questionnaire: QuestionnaireId): KnownCriteria | undefined;
  /** Le produit retenu pour la page : lu (read/product.ts), sinon celui que l'arrière-plan retient pour l'onglet. */
  product(): PageProduct | null;
  /**
   * Déclare des messages traités par le script de contenu (adressés à 'content' dans le protocole). Ils ne
   * sont acceptés que des émetteurs que le protocole permet (pages de l'extension : panneau, fenêtre de la
   * garde), jamais de la page. Rend de quoi les retirer.
   */
  handle(handlers: ContentHandlers): () => void;
  /** Vrai pour un geste d'une personne (event.isTrusted) : les écoutes sur la page n'agissent que sur ceux-là. */
  trusted(e: Event): boolean;
}

export type ContentHandlers = { [T in ContentMessageType]?: (req: ParsedRequestOf<T>) => Promise<ResponseOf<T>> };

export interface Feature {
  name: string;
  /** Démarre la fonction ; rend de quoi l'arrêter (appelé quand le script de contenu est invalidé). */
  start(f: FeatureContext): (() => void) | void | Promise<(() => void) | void>;
}
