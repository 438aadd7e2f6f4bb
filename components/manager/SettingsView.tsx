import { useEffect, useRef, useState } from 'preact/hooks';
import { languagePreference, saveLanguagePreference, type LanguagePreference } from '../i18n';
import { DEFAULT_AUTHOR, AUTHOR_MAX, loadAuthorName, saveAuthorName } from './author-name';
import { ViewSection } from './ViewSection';
import { useManager } from './context';
import { te } from './edit-strings';
import { t } from './strings';

/** Réglages de l'extension : la langue de l'interface (gestionnaire, panneau, fenêtre de l'icône) et « Votre nom » (auteur du journal). */
export function SettingsView({ onLanguage }: { onLanguage: () => void }) {
  const api = useManager();
  const [lang, setLang] = useState<LanguagePreference>(languagePreference());
  const [name, setName] = useState('');
  // Le nom réglé arrive après le premier affichage : il ne remplace pas ce que la personne a déjà tapé.
  const typed = useRef(false);
  useEffect(() => {
    let live = true;
    void loadAuthorName().then((n) => live && !typed.current && setName(n));
    return () => {
      live = false;
    };
  }, []);
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
  const saveName = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await saveAuthorName(name);
      setName(saved);
      api.announce(saved ? te('nameSaved', { name: saved }) : te('nameCleared', { fallback: DEFAULT_AUTHOR }));
    } catch (err) {
      api.fail(err);
    }
  };
  return (
    <ViewSection title={t('settingsTitle')}>
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
      <form onSubmit={(e) => void saveName(e)}>
        <fieldset>
          <legend>{te('nameLegend')}</legend>
          <div class="mgr-field">
            <label for="reglage-nom">{te('nameLabel')}</label>
            <p id="reglage-nom-aide" class="mgr-hint">
              {te('nameHint', { fallback: DEFAULT_AUTHOR })}
            </p>
            <input id="reglage-nom" autoComplete="name" maxLength={AUTHOR_MAX} value={name} aria-describedby="reglage-nom-aide" onInput={(e) => {
                typed.current = true;
                setName(e.currentTarget.value);
              }}
            />
          </div>
          <button type="submit" class="btn secondary">
            {te('nameSave')}
          </button>
        </fieldset>
      </form>
    </ViewSection>
  );
}
