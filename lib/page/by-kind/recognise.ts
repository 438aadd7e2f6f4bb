/** Reconnaître le type de page : chaque module de lib/page/kinds donne un score d'après les signaux ; le plus haut gagne. */
import { pageText, type PageText } from '../model/text';
import type { PageKind } from '../model/kinds';
import { PAGE_MODULES, PAGE_REGISTRY } from '../kinds';
import { collectSignals } from '../read/signals';
import type { PageSignals } from '../model/signals';

export type PageRecognition =
  | { recognised: true; kind: PageKind; label: string; because: PageText; candidates: PageKind[] }
  | { recognised: false; reason: PageText; mainHeading: string };

/** Reconnaît le type de page à partir de signaux déjà collectés (pur, testable). */
export function recogniseSignals(signals: PageSignals): PageRecognition {
  const scored = PAGE_MODULES.flatMap((m) => {
    const d = m.detect(signals);
    return d ? [{ kind: m.kind, ...d }] : [];
  }).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) {
    return {
      recognised: false,
      mainHeading: signals.mainHeadingRaw,
      reason: signals.mainHeadingRaw ? pageText('nonReconnuTitre', { titre: signals.mainHeadingRaw }) : pageText('nonReconnuSansTitre'),
    };
  }
  return {
    recognised: true,
    kind: best.kind,
    label: PAGE_REGISTRY[best.kind].label,
    because: best.because,
    candidates: scored.map((c) => c.kind),
  };
}

/** Reconnaît le type de la page affichée dans `doc`. */
export function recognisePage(doc: Document): PageRecognition {
  return recogniseSignals(collectSignals(doc));
}
