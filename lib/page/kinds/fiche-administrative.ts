import type { PageModule } from '../module';

export const ficheAdministrative: PageModule = {
  kind: 'fiche-administrative',
  detect(s) {
    if (s.text.includes('description de la structure porteuse du produit') || s.text.includes('denomination ou raison sociale')) {
      return { score: 65, because: '« Description de la structure porteuse du produit »' };
    }
    if (/fiche administrative/.test(s.dialog) && s.dialog.includes('transmettre la fiche administrative')) {
      return { score: 65, because: 'fenêtre « Transmettre la fiche administrative »' };
    }
    return null;
  },
};
