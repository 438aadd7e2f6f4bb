import { t } from './strings';

/** Gestionnaire des bibliothèques de réponses (page d'options). */
export function LibraryManager() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
    </main>
  );
}
