import { pageText } from '../model/text';
import { headingMatches, definePage } from './define';

export const parcours = definePage('parcours', {
  detect(s) {
    const what = headingMatches(s, /^qu'est-ce que mon espace sante/);
    const demarche = headingMatches(s, /^la demarche$/);
    if (what && demarche) return { score: 60, because: pageText('indiceTitres', { a: "Qu'est-ce que Mon espace santé ?", b: 'La démarche' }) };
    return null;
  },
});
