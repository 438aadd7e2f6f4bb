import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import '../../../components/panel.css';
import { Panel } from '../../../components/Panel';
import type { Feature } from '../feature';

/** Le panneau de l'extension sur la page, dans une racine fantôme ouverte. */
export const panel: Feature = {
  name: 'panneau',
  async start(f) {
    let container: HTMLElement | undefined;
    const draw = () => {
      if (container) render(<Panel recognition={f.recognition()} />, container);
    };
    const ui = await createShadowRootUi(f.ctx, {
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
    return f.onPageChange(draw);
  },
};
