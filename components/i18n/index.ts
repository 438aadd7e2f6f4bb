/**
 * Textes de l'interface : un dictionnaire TypeScript par fonction, en français (référence) et en anglais.
 * Le type impose que chaque clé française existe en anglais. La langue est celle de l'interface du
 * navigateur (français par défaut). Les _locales ne portent que le nom et la description du manifeste.
 */
import { platform } from '../../lib/platform';

export type Dictionary = Record<string, string>;

let forced: 'fr' | 'en' | undefined;

/** Réglage « Langue de l'interface » du gestionnaire : automatique (celle du navigateur), français ou anglais. */
export type LanguagePreference = 'auto' | 'fr' | 'en';
export const LANGUAGE_SETTING = 'langueInterface';
let preference: LanguagePreference = 'auto';

const asPreference = (v: unknown): LanguagePreference => (v === 'fr' || v === 'en' ? v : 'auto');

/** Langue de l'interface : le réglage, sinon celle du navigateur ('en' pour toute autre langue que le français). */
export function uiLanguage(): 'fr' | 'en' {
  if (forced) return forced;
  if (preference !== 'auto') return preference;
  const lang = platform.uiLanguage().toLowerCase();
  return lang.startsWith('fr') || lang === '' ? 'fr' : 'en';
}

export function languagePreference(): LanguagePreference {
  return preference;
}

/**
 * Lit le réglage avant le premier affichage (script de contenu, fenêtre de l'icône, gestionnaire) et le
 * suit ensuite : un changement fait dans le gestionnaire vaut aussitôt pour les autres contextes.
 * Rend une fonction de désabonnement.
 */
export async function loadLanguagePreference(onChange?: () => void): Promise<() => void> {
  try {
    preference = asPreference(await platform.settings.get(LANGUAGE_SETTING));
  } catch {
    preference = 'auto';
  }
  return platform.onSettingChanged(LANGUAGE_SETTING, (v) => {
    preference = asPreference(v);
    onChange?.();
  });
}

export async function saveLanguagePreference(p: LanguagePreference): Promise<void> {
  preference = p;
  await platform.settings.set(LANGUAGE_SETTING, p);
}

/** Pour les tests unitaires. */
export function forceLanguage(lang: 'fr' | 'en' | undefined): void {
  forced = lang;
}

/**
 * Crée la fonction de traduction d'un dictionnaire. Les paramètres s'écrivent {nom} dans les textes :
 * t('pageRecognised', { kind: 'Éthique' }).
 */
export function defineStrings<const F extends Dictionary>(fr: F, en: { [K in keyof F]: string }) {
  return (key: keyof F & string, params?: Record<string, string | number>): string => {
    const table: Dictionary = uiLanguage() === 'en' ? en : fr;
    const raw = table[key] ?? fr[key] ?? key;
    return params ? raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : raw;
  };
}
