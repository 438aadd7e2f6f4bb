import { defineStrings } from './i18n';

/**
 * Les textes communs dont le script de contenu a besoin, à part des autres : il n'embarque pas les textes
 * du panneau (qui est une page de l'extension). components/strings.ts les reprend, sous les mêmes clés.
 */
export const CONTENT_STRINGS_FR = {
  pageNotRecognised: 'Page non reconnue',
} as const;

export const CONTENT_STRINGS_EN: { [K in keyof typeof CONTENT_STRINGS_FR]: string } = {
  pageNotRecognised: 'Page not recognised',
};

export const tContent = defineStrings(CONTENT_STRINGS_FR, CONTENT_STRINGS_EN);
