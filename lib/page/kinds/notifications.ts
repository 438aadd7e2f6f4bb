import { headingMatches, type PageModule } from '../module';

export const notifications: PageModule = {
  kind: 'notifications',
  detect(s) {
    if (headingMatches(s, /^vos notifications$/)) return { score: 70, because: 'titre « Vos notifications »' };
    return null;
  },
};
