import { render } from 'preact';
import '../../components/panel.css';
import { loadLanguagePreference, uiLanguage } from '../../components/i18n';
import { Panel } from '../../components/Panel';
import { panelActions, type PanelView } from '../../components/panel/actions';
import { createClient } from '../../lib/messages/client';
import { dispatchTo } from '../../lib/messages/dispatch';
import { platform } from '../../lib/platform';

/**
 * Le panneau : une page de l'extension, chargée dans un cadre que le script de contenu place dans une racine
 * fantôme fermée. Les scripts de la page Convergence ne peuvent ni le lire ni le piloter (autre origine) ;
 * seuls les gestes d'une personne l'actionnent.
 */
const root = document.getElementById('app');
const send = createClient((m) => platform.sendToBackground(m));

async function main() {
  const { tabId } = await send('panel.tab', {});
  // Le script de contenu du cadre principal de cet onglet, et lui seul.
  const toPage = createClient((m) => platform.sendToTab(tabId, m, 0));
  let view: PanelView | null = null;
  const api = panelActions(send, toPage, () => view!);

  const draw = () => {
    document.documentElement.lang = uiLanguage();
    if (root && view) render(<Panel view={view} api={api} />, root);
  };
  let reading = false;
  let again = false;
  const refresh = async () => {
    // Une relecture à la fois ; une demande arrivée pendant est faite juste après.
    if (reading) return void (again = true);
    reading = true;
    try {
      view = await toPage('panel.view', {});
      draw();
    } catch (e) {
      console.error('[Assistant Convergence] Vue du panneau :', e);
    } finally {
      reading = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  };

  // « La page a changé » : seulement du script de contenu de CET onglet.
  platform.onMessage((message, sender) => {
    // Les autres messages de ce script de contenu vont à l'arrière-plan : surtout ne pas y répondre.
    if (sender.extensionPage || sender.tabId !== tabId || (message as { type?: unknown } | null)?.type !== 'panel.changed') return undefined;
    return dispatchTo('extension-page', { 'panel.changed': async () => (void refresh(), {}) }, message, 'content');
  });
  await loadLanguagePreference(draw);

  // Le cadre prend la hauteur du panneau.
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    toPage('panel.resize', { height }).catch(() => undefined);
  }).observe(document.documentElement);
  await refresh();
}

void main();
