import { pageText } from '../model/text';
import { headingMatches, definePage } from './define';

export const resultats = definePage('resultats', {
  detect(s) {
    const h = headingMatches(s, /^resultats? de l'evaluation/);
    if (h) return { score: 60, because: pageText('indiceTitre', { titre: h }) };
    return null;
  },
});
