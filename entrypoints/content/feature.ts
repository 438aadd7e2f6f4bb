import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Send } from '../../lib/messages/client';
import type { PageRecognition } from '../../lib/page/detect';

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
}

export interface Feature {
  name: string;
  /** Démarre la fonction ; rend de quoi l'arrêter (appelé quand le script de contenu est invalidé). */
  start(f: FeatureContext): (() => void) | void | Promise<(() => void) | void>;
}
