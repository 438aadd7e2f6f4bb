import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import '../../components/panel.css';
import { Panel } from '../../components/Panel';
import { recognisePage, type PageRecognition } from '../../lib/page/detect';
import { platform } from '../../lib/platform';
import { watchPage } from '../../lib/page/watch';
import { dispatchTo } from '../../lib/messages/handlers';
import type { ResponseOf } from '../../lib/messages/protocol';

export default defineContentScript({
  matches: ['https://convergence.esante.gouv.fr/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx: ContentScriptContext) {
    let recognition: PageRecognition = recognisePage(document);
    let container: HTMLElement | undefined;
    const draw = () => {
      if (container) render(<Panel recognition={recognition} />, container);
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'assistant-convergence',
      mode: 'open',
      position: 'inline',
      anchor: 'body',
      append: 'first',
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(uiContainer) {
        container = uiContainer;
        draw();
      },
      onRemove() {
        if (container) render(null, container);
      },
    });
    ui.autoMount();

    const stop = watchPage(document, () => {
      const next = recognisePage(document);
      if (JSON.stringify(next) !== JSON.stringify(recognition)) {
        recognition = next;
        draw();
      }
    });
    ctx.onInvalidated(stop);

    const handlers = {
      'page.identify': async (): Promise<ResponseOf<'page.identify'>> => ({
        recognised: recognition.recognised,
        kind: recognition.recognised ? recognition.kind : null,
        label: recognition.recognised ? recognition.label : 'Page non reconnue',
        explanation: recognition.recognised ? recognition.because : recognition.reason,
        title: document.title,
      }),
    };
    const unlisten = platform.onMessage((message, sender) =>
      dispatchTo('content', handlers, message, sender.extensionPage ? 'page' : 'background'),
    );
    ctx.onInvalidated(unlisten);
  },
});
