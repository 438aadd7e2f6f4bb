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
    };

    // Une seule observation de la page pour toutes les fonctions.
    // Pendant un remplissage, la page change à chaque geste : on relira une fois, à la fin.
    const stopWatching = watchPage(document, () => {
      if (filling === 0) notify();
    });
    ctx.onInvalidated(stopWatching);

    const handlers = {
      'page.identify': async (): Promise<ResponseOf<'page.identify'>> => ({
        recognised: recognition.recognised,
        kind: recognition.recognised ? recognition.kind : null,
        label: recognition.recognised ? recognition.label : 'Page non reconnue',
        explanation: recognition.recognised ? recognition.because : recognition.reason,
        title: document.title,
        ...(() => {
          const reading = readPage(document, recognition);
          return { product: reading.product, summary: summarise(reading.model) };
        })(),
      }),
    };
    ctx.onInvalidated(platform.onMessage((message, sender) => dispatchTo('content', handlers, message, sender.extensionPage ? 'page' : 'background')));

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
