import type { PageModule } from '../module';

export const marqueBlanche: PageModule = {
  kind: 'marque-blanche',
  detect(s) {
    // Une fenêtre modale ouverte l'emporte sur la page qu'elle recouvre.
    if (s.dialog.includes('editeur producteur ou editeur distributeur') && s.dialog.includes('marque blanche')) {
      return { score: 100, because: 'fenêtre « …éditeur producteur ou éditeur distributeur d\'une solution en marque blanche ? »' };
    }
    return null;
  },
};
