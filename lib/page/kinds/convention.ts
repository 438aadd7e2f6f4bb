import { definePage } from './define';
import { pageText } from '../model/text';

const STATUSES = [
  "en attente d'envoi de la convention",
  'convention a signer',
  'votre convention a ete validee',
];

export const convention = definePage('convention', {
  detect(s) {
    const st = STATUSES.find((t) => s.text.includes(t));
    if (st) return { score: 50, because: pageText('indiceStatutConvention', { statut: st }) };
    if (s.breadcrumbItems.at(-1) === 'convention') return { score: 45, because: pageText('indiceFil', { texte: '… > Convention' }) };
    return null;
  },
});
