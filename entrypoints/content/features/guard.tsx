import { focusProblem, openGuardFrame, DIALOG_HOST_TAG } from '../../../components/guard/dialog';
import { problemText } from '../../../components/guard/format';
import type { ResponseOf } from '../../../lib/messages/protocol';
import { MARKER_HOST_TAG, MarkerLayer } from '../../../components/guard/markers';
import { recognisePage } from '../../../lib/page/by-kind/recognise';
import type { PageKind } from '../../../lib/page/model/kinds';
import { evaluateGuard } from '../../../lib/page/by-kind/guard';
import { belowMinimum, pageQuestionnaire, relevel } from '../../../lib/page/guard/rules';
import { buttonName } from '../../../lib/page/guard/buttons';
import { interceptSubmits } from '../../../lib/page/guard/intercept';
import { readShownStatuses } from '../../../lib/page/guard/read';
import type { ShownStatus } from '../../../lib/page/guard/types';
import type { PageCriterion } from '../../../lib/page/model/page';
import { readQuestionnaire } from '../../../lib/page/read/criteria';
import { withKnown } from '../../../lib/page/guard/known';
import type { Feature } from '../feature';

const OWN_TAGS = new Set(['assistant-convergence', DIALOG_HOST_TAG, MARKER_HOST_TAG].map((t) => t.toUpperCase()));

/**
 * Garde avant validation : arrête « Valider », « Enregistrer et demander validation », « Transmettre la fiche
 * administrative », « Générer une référence de dossier d'évaluation » et « Candidater » quand l'état courant
 * de la page enfreint une règle, et explique pourquoi ; repères « sous le niveau minimum » pendant la saisie.
 * Ne soumet jamais rien par elle-même : « Valider quand même » rejoue une fois le clic de l'utilisateur.
 */
export const guard: Feature = {
  name: 'garde-validation',
  start(f) {
    const doc = f.doc;
    const win = doc.defaultView;
    if (!win) return;
    const root = () => doc.querySelector('main,[role="main"]') ?? doc.body;
    // Au moment du clic, la page est relue (la reconnaissance partagée est recalculée avec un léger délai).
    const kindNow = (): PageKind | null => {
      const r = recognisePage(doc);
      return r.recognised ? r.kind : null;
    };

    /** Clé des statuts mémorisés : le produit retenu (lu, ou celui de la page précédente de l'onglet). */
    const productKey = () => {
      const p = f.product();
      return p ? `${p.name} - ${p.version} - ${p.number}` : '';
    };
    // Statuts vus sur la liste des questionnaires, par produit : la page des dossiers ne les affiche pas.
    const statuses = new Map<string, ShownStatus[]>();
    const remember = (kind: PageKind | null) => {
      if (kind !== 'liste-questionnaires') return;
      const read = readShownStatuses(root());
      if (read.length === 0) return;
      const key = productKey();
      if (!key) return;
      statuses.set(key, read);
      // Aussi dans l'extension : la page des dossiers, rechargée, ne les affiche pas.
      const plain = read.map(({ action: _a, ...s }) => s);
      f.send('page.statuses.put', { productKey: key, statuses: plain }).catch(() => undefined);
    };
    /** Statuts mémorisés par l'extension, chargés quand la page affichée n'en montre pas. */
    const recall = async () => {
      const key = productKey();
      if (!key || statuses.has(key)) return;
      const stored = await f.send('page.statuses.get', { productKey: key }).catch(() => null);
      if (stored && !statuses.has(key)) statuses.set(key, stored.statuses.map((s) => ({ ...s, action: null })));
    };

    // Catalogue appris (minimum et nature quand la page ne les écrit pas) : celui du script de contenu, partagé
    // avec le résumé du panneau. D'après le titre seulement : pas de relecture des critères à chaque changement.
    const knownNow = () => {
      const kind = current();
      if (kind !== 'questionnaire-niveaux' && kind !== 'ethique') return undefined;
      const q = pageQuestionnaire(root()) ?? (kind === 'ethique' ? 'ethique' : null);
      return q ? f.known(q) : undefined;
    };

    // La fenêtre ouverte : son contenu (déjà rédigé dans la langue de l'interface) et ce que fait chaque choix.
    let open: { content: NonNullable<ResponseOf<'guard.dialog'>>; choose(choice: 'corriger' | 'forcer' | 'fermer'): void } | null = null;
    let closeFrame: (() => void) | null = null;
    const closeDialog = () => {
      closeFrame?.();
      closeFrame = null;
      open = null;
    };
    const stopHandling = f.handle({
      'guard.dialog': async () => open?.content ?? null,
      'guard.choice': async ({ choice }) => {
        open?.choose(choice);
        return {};
      },
    });
    const interceptor = interceptSubmits(win, {
      kind: kindNow,
      isOwn: (el) => OWN_TAGS.has(el.tagName),
      // Seul le clic d'une personne est examiné : un clic simulé par un script de la page n'ouvre rien.
      accept: (e) => f.trusted(e),
      check(_button, action) {
        const kind = kindNow();
        remember(kind);
        return evaluateGuard({ root: root(), kind, action, remembered: statuses.get(productKey()), known: knownNow() });
      },
      onBlocked(blocked) {
        closeDialog();
        const label = buttonName(blocked.button);
        open = {
          content: {
            buttonLabel: label,
            problems: blocked.problems.map((p) => ({ ref: p.ref, ...problemText(p, blocked.action) })),
          },
          choose(choice) {
            closeDialog();
            if (choice === 'corriger') {
              if (!focusProblem(blocked.problems.find((p) => p.target?.isConnected)?.target ?? null)) blocked.button.focus();
            } else {
              if (blocked.button.isConnected) blocked.button.focus();
              if (choice === 'forcer') interceptor.passThrough(blocked);
            }
          },
        };
        closeFrame = openGuardFrame(doc);
      },
      onError: (e) => console.error('[Assistant Convergence] Garde avant validation :', e),
    });

    // Repères pendant la saisie d'un questionnaire à niveaux. La page n'est relue en entier que si sa structure
    // a changé (nouveaux critères, rendu remplacé) ; sinon seuls les niveaux cochés sont relus.
    const markers = new MarkerLayer(doc);
    let cache: { criteria: PageCriterion[]; radios: number } | null = null;
    const radioCount = () => root().querySelectorAll('input[type="radio"]').length;
    const cheapRead = (): PageCriterion[] | null => {
      if (!cache || cache.criteria.length === 0 || radioCount() !== cache.radios) return null;
      const out: PageCriterion[] = [];
      for (const c of cache.criteria) {
        const r = relevel(c);
        if (!r) return null;
        out.push(r);
      }
      return out;
    };
    const refreshMarkers = (kind: PageKind | null) => {
      if (kind !== 'questionnaire-niveaux') {
        cache = null;
        markers.clear();
        return;
      }
      try {
        let criteria = cheapRead();
        if (!criteria) {
          criteria = withKnown(readQuestionnaire(root()), knownNow()).criteria;
          cache = { criteria, radios: radioCount() };
        }
        markers.sync(belowMinimum({ criteria }));
      } catch (e) {
        console.error('[Assistant Convergence] Repères de niveau minimum :', e);
      }
    };
    const current = () => {
      const r = f.recognition();
      return r.recognised ? r.kind : null;
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (e: Event) => {
      if (!f.trusted(e)) return;
      const t = e.target;
      if (!(t instanceof HTMLInputElement) || (t.type !== 'radio' && t.type !== 'checkbox')) return;
      if (timer !== undefined || f.filling()) return; // après un remplissage, onPageChange relit une fois

      // Après le rendu de la page (champs contrôlés) : un seul relevé par salve de changements.
      timer = setTimeout(() => {
        timer = undefined;
        refreshMarkers(current());
      }, 30);
    };
    doc.addEventListener('change', onChange, true);
    const stopWatching = f.onPageChange((r) => {
      const kind = r.recognised ? r.kind : null;
      remember(kind);
      if (kind === 'dossier') void recall();
      refreshMarkers(kind);
    });
    remember(current());
    if (current() === 'dossier') void recall();
    refreshMarkers(current());

    return () => {
      interceptor.stop();
      stopWatching();
      doc.removeEventListener('change', onChange, true);
      if (timer !== undefined) clearTimeout(timer);
      closeDialog();
      stopHandling();
      markers.clear();
    };
  },
};
