import { pageText } from '../model/text';
import { definePage } from './define';

export const listeQuestionnaires = definePage('liste-questionnaires', {
  detect(s) {
    const orientation = s.text.includes("questionnaire d'orientation");
    const evaluations = ['interoperabilite', 'urbanisation', 'maturite securite'].filter((q) => s.text.includes(q)).length;
    const counts = /(criteres renseignes|questions obligatoires renseignees|types de documents deposes)/.test(s.text);
    if (orientation && evaluations >= 2 && counts && !/^questionnaire/.test(s.mainHeading)) {
      return { score: 45, because: pageText('indiceListe') };
    }
    return null;
  },
});
