import { pageText } from '../model/text';
import { definePage } from './define';
import { readFormFields } from '../read/form';
import { formReading, openDialog } from '../read/families';

export const marqueBlanche = definePage('marque-blanche', {
  detect(s) {
    // Une fenêtre modale ouverte l'emporte sur la page qu'elle recouvre.
    if (s.dialog.includes('editeur producteur ou editeur distributeur') && s.dialog.includes('marque blanche')) {
      return { score: 100, because: pageText('indiceFenetre', { texte: "…éditeur producteur ou éditeur distributeur d'une solution en marque blanche ?" }) };
    }
    return null;
  },
  read(ctx) {
    // Les champs sont dans la fenêtre modale, pas dans la page qu'elle recouvre.
    const dialog = openDialog(ctx.doc);
    return formReading('marque-blanche', dialog ? readFormFields(dialog) : []);
  },
});
