import { pageText } from '../model/text';
import { definePage } from './define';
import { orientationProblems } from '../guard/rules';
import { readFormFields } from '../read/form';
import { formReading } from '../read/families';

export const orientation = definePage('orientation', {
  detect(s) {
    if (/^questionnaire d'orientation$/.test(s.mainHeading) || s.headings.some((h) => h.level <= 2 && h.text === "questionnaire d'orientation")) {
      if (s.text.includes('questions obligatoires repondues') || s.text.includes('pour quelle architecture')) {
        return { score: 80, because: pageText('indiceOrientation') };
      }
    }
    return null;
  },
  read: (ctx) => formReading('orientation', readFormFields(ctx.root)),
  guard: (ctx) => orientationProblems(ctx.root),
});
