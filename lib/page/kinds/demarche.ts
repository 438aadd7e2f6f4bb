import { pageText } from '../model/text';
import { hasButton, definePage } from './define';

export const demarche = definePage('demarche', {
  detect(s) {
    // Page de la démarche : titre « … : Référencement … guidé », les étapes, et « Démarrer » la fiche,
    // sans formulaire de fiche, ni convention, ni liste de questionnaires.
    const title = /referencement .*guide/.test(s.mainHeading);
    const steps = s.text.includes('fiche administrative') && s.text.includes('convention') && s.text.includes('questionnaires');
    if (title && steps && hasButton(s, /^demarrer$/)) {
      return { score: 30, because: pageText('indiceDemarche') };
    }
    return null;
  },
});
