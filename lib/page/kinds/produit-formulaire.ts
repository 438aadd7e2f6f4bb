import { pageText } from '../model/text';
import { definePage } from './define';
import { readFormFields } from '../read/form';
import { formReading } from '../read/families';

export const produitFormulaire = definePage('produit-formulaire', {
  detect(s) {
    if (/^ajouter un nouveau produit/.test(s.mainHeading)) {
      return { score: 70, because: pageText('indiceTitre', { titre: 'Ajouter un nouveau produit' }) };
    }
    return null;
  },
  read: (ctx) => formReading('produit', readFormFields(ctx.root)),
});
