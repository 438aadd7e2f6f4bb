import { pageText } from '../model/text';
import { hasButton, headingMatches, definePage } from './define';

export const produitFiche = definePage('produit-fiche', {
  detect(s) {
    if (hasButton(s, /^exporter la fiche produit$/)) {
      return { score: 55, because: pageText('indiceBouton', { bouton: 'Exporter la fiche produit' }) };
    }
    if (headingMatches(s, /^nouvelle demarche "?mon espace sante"?/) || s.text.includes('choisissez votre demarche')) {
      return { score: 55, because: pageText('indiceTexte', { texte: 'Nouvelle démarche « Mon espace santé »' }) };
    }
    return null;
  },
});
