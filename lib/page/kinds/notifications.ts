import { pageText } from '../model/text';
import { headingMatches, definePage } from './define';

export const notifications = definePage('notifications', {
  detect(s) {
    if (headingMatches(s, /^vos notifications$/)) return { score: 70, because: pageText('indiceTitre', { titre: 'Vos notifications' }) };
    return null;
  },
});
