import { pageText } from '../model/text';
import { definePage } from './define';
import { ficheProblems } from '../guard/rules';
import { readFormFields } from '../read/form';
import { formReading, openDialog } from '../read/families';

export const ficheAdministrative = definePage('fiche-administrative', {
  detect(s) {
    if (s.text.includes('description de la structure porteuse du produit') || s.text.includes('denomination ou raison sociale')) {
      return { score: 65, because: pageText('indiceTexte', { texte: 'Description de la structure porteuse du produit' }) };
    }
    if (/fiche administrative/.test(s.dialog) && s.dialog.includes('transmettre la fiche administrative')) {
      return { score: 65, because: pageText('indiceFenetre', { texte: 'Transmettre la fiche administrative' }) };
    }
    return null;
  },
  read(ctx) {
    // La fenêtre de confirmation (« Transmettre la fiche administrative ») n'est pas un champ de la fiche.
    const dialog = openDialog(ctx.doc);
    return formReading('fiche-administrative', readFormFields(ctx.root, { exclude: (el) => !!dialog?.contains(el) }));
  },
  guard: (ctx) => ficheProblems(ctx.root),
});
