/**
 * Textes de l'interface : un dictionnaire TypeScript par fonction, en français (référence) et en anglais.
 * Le type impose que chaque clé française existe en anglais. La langue est celle de l'interface du
 * navigateur (français par défaut). Les _locales ne portent que le nom et la description du manifeste.
 */
import { platform } from '../../lib/platform';

export type Dictionary = Record<string, string>;

let forced: 'fr' | 'en' | undefined;

/** Langue de l'interface : 'en' si le navigateur est réglé dans une autre langue que le français. */
export function uiLanguage(): 'fr' | 'en' {
  if (forced) return forced;
  const lang = platform.uiLanguage().toLowerCase();
  return lang.startsWith('fr') || lang === '' ? 'fr' : 'en';
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
