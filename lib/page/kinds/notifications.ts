import { headingMatches, definePage } from '../module';

export const notifications = definePage('notifications', {
  detect(s) {
    if (headingMatches(s, /^vos notifications$/)) return { score: 70, because: 'titre « Vos notifications »' };
    return null;
  },
});
