import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../lib/domain/errors';
import type { Send } from '../../lib/messages/client';
import { CompanyForm } from './CompanyForm';
import { ManagerContext, useLoad } from './context';
import type { ManagerApi } from './context';
import { LibraryView } from './LibraryView';
import { ProductForm } from './ProductForm';
import { ProductList } from './ProductList';
import { ProductView } from './ProductView';
import { t } from './strings';
import { SettingsView } from './SettingsView';
import { DEFAULT_AUTHOR, useAuthorName } from './author-name';
import { uiLanguage } from '../i18n';
import { VIEW_HEADING_ID, type View } from './types';
import { ViewSection } from './ViewSection';

export interface ManagerProps {
  send: Send;
  author?: string;
}

/** Le gestionnaire des bibliothèques de réponses (page d'options de l'extension). */
export function Manager({ send, author: defaultAuthor = DEFAULT_AUTHOR }: ManagerProps) {
  // « Votre nom » (réglages) remplace l'auteur par défaut dans le journal.
  const author = useAuthorName(defaultAuthor);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [view, setViewState] = useState<View>({ kind: 'accueil' });
  const [undoing, setUndoing] = useState(false);
  // Changer de langue redessine tout le gestionnaire (les textes sont lus au rendu).
  const [, setLanguageTick] = useState(0);

  const api = useMemo<ManagerApi>(
    () => ({
      send,
      author,
      version,
      announce: (m) => {
        // Vider puis remplir : un même message répété est annoncé de nouveau.
        setStatus('');
        setTimeout(() => setStatus(m), 30);
      },
      fail: (e) => setError(errorMessage(e)),
      clearError: () => setError(''),
      changed: () => setVersion((v) => v + 1),
    }),
    [send, author, version],
  );

  // Les réponses capturées sur Convergence (autre onglet) arrivent pendant que la page est ouverte : relire au retour.
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') setVersion((v) => v + 1);
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, []);

  const products = useLoad(async () => ({ version, list: (await send('products.list', {})).products }), [version]);
  const operations = useLoad(async () => send('operations.list', { limit: 1 }), [version]);
  const nextUndo = operations.data?.nextUndo ?? null;

  // Le titre de la nouvelle vue reçoit le focus dès qu'il est affiché (une vue de produit attend la liste relue).
  const pendingFocus = useRef(false);
  const setView = useCallback((v: View) => {
    setViewState(v);
    pendingFocus.current = true;
  }, []);
  useEffect(() => {
    if (!pendingFocus.current) return;
    const heading = document.getElementById(VIEW_HEADING_ID);
    if (heading) {
      pendingFocus.current = false;
      heading.focus();
    }
  });

  // Une portée supprimée (ou annulée) disparaît : retour à l'accueil (seulement sur une liste à jour).
  const fresh = products.data?.version === version ? products.data.list : undefined;
  const list = products.data?.list;
  useEffect(() => {
    if (view.kind !== 'portee' || !fresh) return;
    const list = fresh;
    const entry = list.find((e) => e.product.id === view.productId);
    if (!entry) setViewState({ kind: 'accueil' });
    else if (view.variantId && !entry.variants.some((v) => v.id === view.variantId)) setViewState({ kind: 'portee', productId: entry.product.id, variantId: '' });
  }, [fresh, view]);

  const undo = async () => {
    setUndoing(true);
    setError('');
    try {
      // Annuler exactement l'opération annoncée sous le bouton, pas une autre arrivée entre-temps.
      const r = await send('operations.undoLast', nextUndo ? { author, undoToken: nextUndo.id } : { author });
      api.announce(t('undone', { label: r.undone.label }));
      setVersion((v) => v + 1);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setUndoing(false);
    }
  };

  const entries = list ?? [];
  const selected = view.kind === 'portee' ? entries.find((e) => e.product.id === view.productId) : undefined;

  return (
    <ManagerContext.Provider value={api}>
      <div class="mgr">
        <header class="mgr-header">
          <div>
            <h1>{t('title')}</h1>
            <p class="mgr-privacy">{t('privacy')}</p>
          </div>
          <div class="mgr-undo">
            <button type="button" class="btn secondary" onClick={() => void undo()} disabled={undoing || !nextUndo} aria-describedby="mgr-next-undo">
              {t('undoLast')}
            </button>
            <p id="mgr-next-undo" class="mgr-hint">
              {nextUndo ? t('nextUndo', { label: nextUndo.label }) : t('nothingToUndo')}
            </p>
          </div>
        </header>
        <div class="mgr-live">
          <p role="status" aria-live="polite" class="mgr-status">
            {status}
          </p>
          <div role="alert" class="mgr-alert" hidden={!error}>
            {error && (
              <>
                <p>{error}</p>
                <button type="button" class="btn secondary small" onClick={() => setError('')}>
                  {t('dismissError')}
                </button>
              </>
            )}
          </div>
        </div>
        <div class="mgr-body">
          <nav class="mgr-nav" aria-label={t('navLabel')}>
            <ul class="mgr-actions">
              <li>
                <button type="button" class="btn" aria-current={view.kind === 'nouveau-produit' ? 'page' : undefined} onClick={() => setView({ kind: 'nouveau-produit' })}>
                  {t('newProduct')}
                </button>
              </li>
              <li>
                <button type="button" class="linkish" aria-current={view.kind === 'entreprise' ? 'page' : undefined} onClick={() => setView({ kind: 'entreprise' })}>
                  {t('companyNav')}
                </button>
              </li>
              <li>
                <button type="button" class="linkish" aria-current={view.kind === 'bibliotheque' ? 'page' : undefined} onClick={() => setView({ kind: 'bibliotheque' })}>
                  {t('libraryNav')}
                </button>
              </li>
              <li>
                <button type="button" class="linkish" aria-current={view.kind === 'reglages' ? 'page' : undefined} onClick={() => setView({ kind: 'reglages' })}>
                  {t('settingsNav')}
                </button>
              </li>
            </ul>
            <ProductList
              entries={entries}
              loading={products.loading && !list}
              error={products.error}
              selected={view.kind === 'portee' ? view : null}
              onSelect={(s) => setView({ kind: 'portee', ...s })}
            />
          </nav>
          <main class="mgr-main">
            {view.kind === 'accueil' && (
              <ViewSection title={t('welcomeTitle')}>
                <p>{entries.length ? t('welcomeChoose') : t('welcomeEmpty')}</p>
              </ViewSection>
            )}
            {view.kind === 'nouveau-produit' && (
              <ViewSection title={t('newProductTitle')}>
                <ProductForm
                  entries={entries}
                  onSaved={(p) => {
                    api.announce(t('productCreated', { name: p.name }));
                    api.changed();
                    setView({ kind: 'portee', productId: p.id, variantId: '' });
                  }}
                  onCancel={() => setView({ kind: 'accueil' })}
                />
              </ViewSection>
            )}
            {view.kind === 'entreprise' && <CompanyForm />}
            {view.kind === 'bibliotheque' && <LibraryView entries={entries} />}
            {view.kind === 'reglages' && (
              <SettingsView
                onLanguage={() => {
                  document.documentElement.lang = uiLanguage();
                  setLanguageTick((x) => x + 1);
                }}
              />
            )}
            {view.kind === 'portee' &&
              (selected ? (
                <ProductView entry={selected} entries={entries} variantId={view.variantId} onNavigate={setView} />
              ) : (
                <p>{t('loading')}</p>
              ))}
          </main>
        </div>
      </div>
    </ManagerContext.Provider>
  );
}
