import { useState } from 'preact/hooks';
import { languagePreference, saveLanguagePreference, type LanguagePreference } from '../i18n';
import { VIEW_HEADING_ID } from './Manager';
import { useManager } from './context';
import { t } from './strings';

/** Réglages de l'extension : la langue de l'interface (gestionnaire, panneau, fenêtre de l'icône). */
export function SettingsView({ onLanguage }: { onLanguage: () => void }) {
  const api = useManager();
  const [lang, setLang] = useState<LanguagePreference>(languagePreference());
  const choose = async (value: LanguagePreference) => {
    setLang(value);
    try {
      await saveLanguagePreference(value);
      onLanguage();
      api.announce(t('languageSaved'));
    } catch (e) {
      api.fail(e);
    }
  };
  return (
    <section aria-labelledby={VIEW_HEADING_ID}>
      <h2 id={VIEW_HEADING_ID} tabIndex={-1}>
        {t('settingsTitle')}
      </h2>
      <fieldset>
        <legend>{t('languageLegend')}</legend>
        {(['auto', 'fr', 'en'] as const).map((value) => (
          <label key={value} class="mgr-radio">
            <input type="radio" name="langue" value={value} checked={lang === value} onChange={() => void choose(value)} />{' '}
            {value === 'auto' ? t('languageAuto') : value === 'fr' ? t('languageFr') : t('languageEn')}
          </label>
        ))}
        <p class="mgr-hint">{t('languageHint')}</p>
      </fieldset>
    </section>
  );
}
