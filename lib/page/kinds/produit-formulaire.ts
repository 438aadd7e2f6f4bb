import type { PageModule } from '../module';

export const produitFormulaire: PageModule = {
  kind: 'produit-formulaire',
  detect(s) {
    if (/^ajouter un nouveau produit/.test(s.mainHeading)) {
      return { score: 70, because: 'titre « Ajouter un nouveau produit »' };
    }
    return null;
  },
};
