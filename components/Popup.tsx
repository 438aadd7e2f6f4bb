import { useEffect, useState } from 'preact/hooks';
import { createClient } from '../lib/messages/client';
import type { ResponseOf } from '../lib/messages/protocol';
import { platform } from '../lib/platform';
import { t } from './strings';
import { SummaryLine, productText } from './Summary';
import { nextStepText, td } from './manager/dossier-strings';

const CONVERGENCE = 'https://convergence.esante.gouv.fr/';
const send = createClient((m) => platform.sendToBackground(m));

type State =
  | { step: 'loading' }
  | { step: 'elsewhere' }
  | { step: 'silent' }
  | { step: 'ready'; page: ResponseOf<'page.identify'>; journey: ResponseOf<'journey.forPage'> | null };

/** Fenêtre de l'icône : résumé de la page de l'onglet actif et lien vers les bibliothèques. */
export function Popup() {
  const [state, setState] = useState<State>({ step: 'loading' });

  useEffect(() => {
    void (async () => {
      // ?tab=ID : la fenêtre ouverte comme page (tests, lecteurs d'écran) vise cet onglet.
      const forced = Number(new URLSearchParams(location.search).get('tab'));
      const tab = Number.isInteger(forced) && forced > 0 ? await platform.tab(forced) : await platform.activeTab();
      if (!tab?.id || !tab.url?.startsWith(CONVERGENCE)) {
        setState({ step: 'elsewhere' });
        return;
      }
      const tabId = tab.id;
      const toTab = createClient((m) => platform.sendToTab(tabId, m));
      let page: ResponseOf<'page.identify'>;
      try {
        page = await toTab('page.identify', {});
      } catch {
        setState({ step: 'silent' });
        return;
      }
      // Le parcours du produit de l'onglet (issue 11 § 4) : sans lui, le reste du résumé s'affiche quand même.
      const journey = page.product ? await send('journey.forPage', { pageProduct: page.product }).catch(() => null) : null;
      setState({ step: 'ready', page, journey });
    })();
  }, []);

  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <div role="status" aria-live="polite">
        {state.step === 'elsewhere' && <p>{t('popupNoConvergence')}</p>}
        {state.step === 'silent' && <p>{t('popupNoAnswer')}</p>}
        {state.step === 'ready' &&
          (state.page.recognised ? (
            <>
              <p class="kind">{t('pageRecognised', { kind: state.page.label })}</p>
              {state.page.product && (
                <p>
                  {productText(state.page.product)}
                  {state.page.productFrom === 'precedente' && ` ${t('popupFromPrevious')}`}
                </p>
              )}
              {!state.page.product && state.page.productFrom === 'aucune' && state.page.summary.type !== 'nothing' && <p>{t('productUnread')}</p>}
              <SummaryLine summary={state.page.summary} />
              {state.journey && (
                <>
                  <p class="next-step">
                    <strong>{nextStepText(state.journey.journey)}</strong>
                  </p>
                  {!state.journey.scope && <p>{td('popupUnlinked')}</p>}
                </>
              )}
            </>
          ) : (
            <>
              <p class="kind">{t('pageNotRecognised')}</p>
              <p>{state.page.explanation}</p>
            </>
          ))}
      </div>
      <p>
        <button type="button" class="btn" onClick={() => void platform.openOptionsPage()}>
          {t('openLibrary')}
        </button>
      </p>
    </main>
  );
}
