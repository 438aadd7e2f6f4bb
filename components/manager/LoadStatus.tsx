import type { Loaded } from './context';
import { t } from './strings';

/** Ce qu'une liste chargée montre hors de ses lignes : chargement, erreur, ou `empty` quand elle est vide. */
export function LoadStatus({ loaded, empty }: { loaded: Loaded<unknown>; empty: string | false }) {
  return (
    <>
      {loaded.loading && !loaded.data && <p>{t('loading')}</p>}
      {loaded.error && <p class="mgr-error-text">{loaded.error}</p>}
      {!!loaded.data && empty !== false && <p>{empty}</p>}
    </>
  );
}
