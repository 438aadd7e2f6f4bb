import { hasButton, headingMatches, type PageModule } from '../module';

export const produitFiche: PageModule = {
  kind: 'produit-fiche',
  detect(s) {
    if (hasButton(s, /^exporter la fiche produit$/)) {
      return { score: 55, because: 'bouton « Exporter la fiche produit »' };
    }
    if (headingMatches(s, /^nouvelle demarche "?mon espace sante"?/) || s.text.includes('choisissez votre demarche')) {
      return { score: 55, because: '« Nouvelle démarche « Mon espace santé » »' };
    }
    return null;
  },
};
