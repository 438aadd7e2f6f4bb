import { useEffect, useState } from 'preact/hooks';
import type { PageRecognition } from '../lib/page/detect';
import { platform } from '../lib/platform';
import { t } from './i18n';

const CONVERGENCE = 'https://convergence.esante.gouv.fr/';

type State =
  | { step: 'loading' }
  | { step: 'elsewhere' }
  | { step: 'silent' }
  | { step: 'ready'; recognition: PageRecognition };

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
      try {
        const reply = (await platform.sendToTab(tab.id, { type: 'page/status' })) as
          | { ok: true; data: PageRecognition }
          | undefined;
        setState(reply?.ok ? { step: 'ready', recognition: reply.data } : { step: 'silent' });
      } catch {
        setState({ step: 'silent' });
      }
    })();
  }, []);

  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <div role="status" aria-live="polite">
        {state.step === 'elsewhere' && <p>{t('popupNoConvergence')}</p>}
        {state.step === 'silent' && <p>{t('popupNoAnswer')}</p>}
        {state.step === 'ready' &&
          (state.recognition.recognised ? (
            <p class="kind">{t('pageRecognised', state.recognition.label)}</p>
          ) : (
            <>
              <p class="kind">{t('pageNotRecognised')}</p>
              <p>{state.recognition.reason}</p>
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
