import { pageText } from '../model/text';
import { headingMatches, definePage } from './define';

export const tableauDeBord = definePage('tableau-de-bord', {
  detect(s) {
    const h = headingMatches(s, /^les parcours$/);
    if (h && s.text.includes('selectionnez le parcours qui repond a votre besoin')) {
      return { score: 60, because: pageText('indiceTableauDeBord') };
    }
    return null;
  },
});
