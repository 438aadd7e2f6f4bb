import type { PageKind } from '../../../lib/page/model/kinds';
import type { PageRecognition } from '../../../lib/page/by-kind/recognise';
import { readShownJourney } from '../../../lib/page/read/journey';
import type { Feature } from '../feature';

/** Pages de la démarche qui affichent le fil des étapes (et la page des dossiers). */
const KINDS: ReadonlySet<PageKind> = new Set(['demarche', 'fiche-administrative', 'convention', 'liste-questionnaires', 'dossier']);

/**
 * Parcours (issue 11 § 4) : ce que la page de la démarche montre de son avancement (fiche administrative,
 * convention, dossiers, candidature) part à l'arrière-plan, qui le date pour le produit affiché. Lecture seule ;
 * un même état n'est envoyé qu'une fois.
 */
export const journey: Feature = {
  name: 'parcours',
  start(f) {
    const root = () => f.doc.querySelector('main,[role="main"]') ?? f.doc.body;
    let last = '';
    const read = (r: PageRecognition) => {
      if (!r.recognised || !KINDS.has(r.kind) || f.filling()) return;
      const p = f.product();
      if (!p) return;
      const steps = readShownJourney(root(), { dossierPage: r.kind === 'dossier' });
      if (Object.keys(steps).length === 0) return;
      const productKey = `${p.name} - ${p.version} - ${p.number}`;
      const signature = productKey + JSON.stringify(steps);
      if (signature === last) return;
      last = signature;
      f.send('page.journey.seen', { productKey, steps }).catch(() => undefined);
    };
    const stop = f.onPageChange(read);
    read(f.recognition());
    return stop;
  },
};
