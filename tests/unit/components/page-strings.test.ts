import { afterEach, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../components/i18n';
import { pageKindLabel, pageTextOf } from '../../../components/page-strings';
import { PAGE_KINDS } from '../../../lib/page/model/kinds';
import { PAGE_TEXT_KEYS } from '../../../lib/page/model/text';

// Ce que la lecture des pages dit passe par les dictionnaires : aucune phrase française dans l'interface anglaise.

afterEach(() => forceLanguage(undefined));

describe('textes de la lecture des pages', () => {
  it('chaque code a sa phrase dans les deux langues, paramètres remplacés', () => {
    for (const key of PAGE_TEXT_KEYS) {
      forceLanguage('fr');
      const fr = pageTextOf({ key, params: { id: 'A08.5.23', titre: 'T', texte: 'X', bouton: 'B', statut: 'S', a: 'a', b: 'b' } });
      forceLanguage('en');
      const en = pageTextOf({ key, params: { id: 'A08.5.23', titre: 'T', texte: 'X', bouton: 'B', statut: 'S', a: 'a', b: 'b' } });
      expect(fr, key).not.toMatch(/\{\w+\}/);
      expect(en, key).not.toMatch(/\{\w+\}/);
      expect(en, key).not.toBe(fr);
    }
  });

  it('en anglais, un problème de lecture et un type de page sont en anglais', () => {
    forceLanguage('en');
    expect(pageTextOf({ key: 'minimumNonIndique', params: { id: '04.03' } })).toBe('Criterion 04.03: minimum required level not shown on the page.');
    expect(pageKindLabel('liste-questionnaires')).toBe('Questionnaire list');
    forceLanguage('fr');
    expect(pageKindLabel('liste-questionnaires')).toBe('Liste des questionnaires');
    for (const kind of PAGE_KINDS) expect(pageKindLabel(kind)).not.toBe('');
  });
});
