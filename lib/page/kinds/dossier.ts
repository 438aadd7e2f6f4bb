import { headingMatches, type PageModule } from '../module';

export const dossier: PageModule = {
  kind: 'dossier',
  detect(s) {
    const h = headingMatches(s, /^(gerez|generez) vos dossiers d'evaluation/);
    if (h && (s.text.includes('mon dossier candidat') || s.text.includes('dossier reference'))) {
      return { score: 70, because: `titre « ${h} » et « Mon dossier candidat »` };
    }
    return null;
  },
};
