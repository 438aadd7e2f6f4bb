import { pageText } from '../text';
import { headingMatches, definePage } from '../module';

export const notifications = definePage('notifications', {
  detect(s) {
    if (headingMatches(s, /^vos notifications$/)) return { score: 70, because: pageText('indiceTitre', { titre: 'Vos notifications' }) };
    return null;
  },
});
