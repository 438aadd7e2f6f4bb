import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createClient } from '../../lib/messages/client';
import { dispatchTo } from '../../lib/messages/handlers';
import type { ResponseOf } from '../../lib/messages/protocol';
import { recognisePage, type PageRecognition } from '../../lib/page/detect';
import { watchPage } from '../../lib/page/watch';
import { platform } from '../../lib/platform';
import { readPage } from '../../lib/page/read/page';
import { summarise } from '../../lib/page/summary';
import type { FeatureContext } from './feature';
import { FEATURES } from './features';
import { t } from '../../components/strings';
import { pageKindLabel, pageTextOf } from '../../components/page-strings';
import { loadLanguagePreference } from '../../components/i18n';
import type { QuestionnaireId } from '../../lib/domain/questionnaires';
import type { KnownCriteria } from '../../lib/page/guard/known';
import { readPageProduct, type PageProduct } from '../../lib/page/read/product';
import { collectSignals } from '../../lib/page/signals';

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
          if (filling === 0) notify();
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
      product() {
        // Le dernier produit lu reste celui de l'onglet pour les pages suivantes qui ne l'affichent pas (navigation sans rechargement).
        const shown = readPageProduct(collectSignals(document));
        if (shown) tabProduct = shown;
        return shown ?? tabProduct;
      },
    };
    void f
      .send('page.context', { pageProduct: readPageProduct(collectSignals(document)) })
      .then((c) => {
        tabProduct = c.identity.product;
      })
      .catch(() => undefined);

    // Une seule observation de la page pour toutes les fonctions.
    // Pendant un remplissage, la page change à chaque geste : on relira une fois, à la fin.
    const stopWatching = watchPage(document, () => {
      if (filling === 0) notify();
    });
    ctx.onInvalidated(stopWatching);

    const handlers = {
      'page.identify': async (): Promise<ResponseOf<'page.identify'>> => {
        const reading = readPage(document, recognition);
        // Le produit retenu vient de l'arrière-plan (page précédente de l'onglet, choix de la personne).
        const context = await f.send('page.context', { pageProduct: reading.product }).catch(() => null);
        return {
          recognised: recognition.recognised,
          kind: recognition.recognised ? recognition.kind : null,
          label: recognition.recognised ? pageKindLabel(recognition.kind) : t('pageNotRecognised'),
          explanation: pageTextOf(recognition.recognised ? recognition.because : recognition.reason),
          title: document.title,
          product: reading.product ?? context?.identity.product ?? null,
          productFrom: reading.product ? 'page' : (context?.identity.from ?? 'aucune'),
          summary: summarise(reading.model, reading.model.type === 'criteria' ? f.known(reading.model.questionnaire) : undefined),
        };
      },
    };
    ctx.onInvalidated(platform.onMessage((message, sender) => dispatchTo('content', handlers, message, sender.extensionPage ? 'page' : 'background')));

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
