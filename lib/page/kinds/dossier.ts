import { pageText } from '../model/text';
import { headingMatches, definePage } from './define';

export const dossier = definePage('dossier', {
  detect(s) {
    const h = headingMatches(s, /^(gerez|generez) vos dossiers d'evaluation/);
    if (h && (s.text.includes('mon dossier candidat') || s.text.includes('dossier reference'))) {
      return { score: 70, because: pageText('indiceDossier', { titre: h }) };
    }
    return null;
  },
});
