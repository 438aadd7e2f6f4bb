import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createClient } from '../../lib/messages/client';
import { dispatchToContent } from '../../lib/messages/content-dispatch';
import type { ResponseOf } from '../../lib/messages/protocol';
import { recognisePage, type PageRecognition } from '../../lib/page/by-kind/recognise';
import { watchPage } from '../../lib/page/dom/watch';
import { platform } from '../../lib/platform';
import { readPage } from '../../lib/page/by-kind/read';
import { summarise } from '../../lib/page/guard/summary';
import type { ContentHandlers, FeatureContext } from './feature';
import { FEATURES } from './features';
import { tContent } from '../../components/strings-content';
import { pageKindLabel, pageTextOf } from '../../components/page-strings';
import { loadLanguagePreference } from '../../components/i18n';
import type { QuestionnaireId } from '../../lib/domain/questionnaires';
import type { KnownCriteria } from '../../lib/page/guard/known';
import { readPageProduct, type PageProduct } from '../../lib/page/read/product';
import { collectSignals } from '../../lib/page/read/signals';

export default defineContentScript({
  matches: ['https://convergence.esante.gouv.fr/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx: ContentScriptContext) {
    let recognition: PageRecognition = recognisePage(document);
    const listeners = new Set<(r: PageRecognition) => void>();
    let filling = 0;
    const notify = () => {
      recognition = recognisePage(document);
      for (const l of listeners) l(recognition);
    };

    // Catalogue appris, par questionnaire : chargé une fois, partagé par le panneau et la garde.
    const catalogue = new Map<QuestionnaireId, KnownCriteria>();
    const loading = new Set<QuestionnaireId>();
    // Produit retenu par l'arrière-plan pour l'onglet, quand la page n'en affiche pas (page précédente).
    let tabProduct: PageProduct | null = null;

    const f: FeatureContext = {
      ctx,
      doc: document,
      send: createClient((m) => platform.sendToBackground(m)),
      recognition: () => recognition,
      onPageChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      filling: () => filling > 0,
      async runFill(fill) {
        filling++;
        try {
          return await fill();
        } finally {
          filling--;
          // Relu après la réponse (une tâche plus tard) : le rapport du remplissage n'attend pas les repères de la garde.
          if (filling === 0) setTimeout(() => filling === 0 && notify(), 0);
        }
      },
      known(questionnaire) {
        if (!catalogue.has(questionnaire) && !loading.has(questionnaire)) {
          loading.add(questionnaire);
          f.send('criteria.list', { questionnaire })
            .then((r) => {
              catalogue.set(questionnaire, new Map(r.criteria.map((c) => [c.id, { acceptableLevels: c.acceptableLevels, obligation: c.obligation }])));
              notify();
            })
            .catch((e: unknown) => console.error('[Assistant Convergence] Catalogue des critères non chargé :', e))
            .finally(() => loading.delete(questionnaire));
        }
        return catalogue.get(questionnaire);
      },
      trusted: (e) => e.isTrusted,
      handle(more) {
        Object.assign(handlers, more);
        return () => {
          for (const k of Object.keys(more)) delete (handlers as Record<string, unknown>)[k];
        };
      },
      product() {
        // Le dernier produit lu reste celui de l'onglet pour les pages suivantes qui ne l'affichent pas (navigation sans rechargement).
        const shown = readPageProduct(collectSignals(document));
        if (shown) tabProduct = shown;
        return shown ?? tabProduct;
      },
    };
    // Le produit que l'arrière-plan retient pour l'onglet (page précédente, choix), pour les pages qui ne l'affichent pas.
    let tabFrom: 'page' | 'precedente' | 'choix' | 'aucune' = 'aucune';
    void f
      .send('page.identity', { pageProduct: readPageProduct(collectSignals(document)) })
      .then((c) => {
        tabProduct = c.product;
        tabFrom = c.from;
      })
      .catch(() => undefined);

    // Une seule observation de la page pour toutes les fonctions.
    // Pendant un remplissage, la page change à chaque geste : on relira une fois, à la fin.
    const stopWatching = watchPage(document, () => {
      if (filling === 0) notify();
    });
    ctx.onInvalidated(stopWatching);

    const handlers: ContentHandlers = {
      'page.identify': async (): Promise<ResponseOf<'page.identify'>> => {
        const reading = readPage(document, recognition);
        return {
          recognised: recognition.recognised,
          kind: recognition.recognised ? recognition.kind : null,
          label: recognition.recognised ? pageKindLabel(recognition.kind) : tContent('pageNotRecognised'),
          explanation: pageTextOf(recognition.recognised ? recognition.because : recognition.reason),
          title: document.title,
          product: f.product(),
          productFrom: reading.product ? 'page' : tabFrom,
          summary: summarise(reading.model, reading.model.type === 'criteria' ? f.known(reading.model.questionnaire) : undefined),
        };
      },
    };
    // Les messages au script de contenu ne viennent que du navigateur (pages de l'extension, arrière-plan) :
    // les scripts de la page ne peuvent pas en envoyer. Aiguillage contrôlé (type, destinataire, émetteur) par la
    // table légère du protocole, sans zod (lib/messages/content-dispatch.ts) : le script de contenu reste petit.
    ctx.onInvalidated(
      platform.onMessage((message, sender) =>
        dispatchToContent(handlers as Record<string, (r: unknown) => Promise<unknown>>, message, sender.extensionPage ? 'extension-page' : 'background'),
      ),
    );

    // La langue réglée dans le gestionnaire vaut aussi sur la page ; un changement redessine le panneau.
    ctx.onInvalidated(await loadLanguagePreference(() => notify()));

    for (const feature of FEATURES) {
      try {
        const stop = await feature.start(f);
        if (stop) ctx.onInvalidated(stop);
      } catch (e) {
        console.error(`[Assistant Convergence] La fonction « ${feature.name} » n'a pas démarré :`, e);
      }
    }
  },
});
