import { describe, expect, it } from 'vitest';
import {
  acceptableFromMinimum,
  formatLevel,
  isLevelAcceptable,
  LEVELS,
  minimumOf,
  parseConformity,
  parseLevel,
  parseLevelList,
  parseMinimumText,
  parseOuiNon,
} from '../../../../lib/domain/levels';

describe('parseLevel (lecture de la page et import Excel)', () => {
  it.each([
    ['NA', 'NA'],
    ['N/A', 'NA'],
    ['n.a.', 'NA'],
    ['Non applicable', 'NA'],
    ['Niveau non applicable', 'NA'],
    ['NIVEAU NON APPLICABLE', 'NA'],
    ['✓ Niveau non applicable : Le produit n’affiche pas…', 'NA'],
    ['Niveau 0', '0'],
    ['niveau 2', '2'],
    ['Niv. 3', '3'],
    ['2', '2'],
    [' 3 ', '3'],
    ['Niveau 2 : Le produit dispose de capacités d’affichage', '2'],
    ['Niveau 3 Le produit dispose', '3'],
    ['Maturité très faible', '0'],
    ['maturite tres faible', '0'],
    ['Maturité faible', '1'],
    ['Maturité moyenne', '2'],
    ['MATURITÉ FORTE', '3'],
    ['moyenne', '2'],
    ['Maturité forte : La conception du produit…', '3'],
    // Une puce reste une puce ; un nombre décimal nul reste entier ; une description peut contenir des nombres.
    ['- Niveau 2', '2'],
    ['• Niveau 1', '1'],
    ['2.0', '2'],
    ['Niveau 3 Le produit dispose de 2.5 Go', '3'],
  ])('« %s » → %s', (input, expected) => {
    expect(parseLevel(input)).toBe(expected);
  });

  it('lit les cellules numériques', () => {
    expect(parseLevel(2)).toBe('2');
    expect(parseLevel(4)).toBeNull();
    expect(parseLevel(1.5)).toBeNull();
  });

  it.each(['', 'Niveau 4', 'Excellent', 'Conforme', 'Niveau', '12', 'Maturité immense', 'Niveau -1', '-1', '−2', 'Niveau 2.5', '2,5', '2.5', 'Niveau 2 5', 'Niveau – 1'])('refuse « %s »', (input) => {
    expect(parseLevel(input)).toBeNull();
  });

  it('s’écrit sur les deux échelles', () => {
    expect(formatLevel('NA')).toBe('Niveau non applicable');
    expect(formatLevel('2')).toBe('Niveau 2');
    expect(formatLevel('0', 'maturite')).toBe('Maturité très faible');
    for (const l of LEVELS) {
      expect(parseLevel(formatLevel(l))).toBe(l);
      expect(parseLevel(formatLevel(l, 'maturite'))).toBe(l);
    }
  });
});

describe('niveau minimum et niveaux acceptables', () => {
  it('déduit les niveaux acceptables d’un minimum', () => {
    expect(acceptableFromMinimum('2')).toEqual(['2', '3']);
    expect(acceptableFromMinimum('1', true)).toEqual(['NA', '1', '2', '3']);
  });

  it('lit les textes « Niveau minimum requis » et les listes ✓', () => {
    expect(parseMinimumText('Niveau minimum requis : 2')).toEqual({ ok: true, acceptable: ['2', '3'] });
    expect(parseMinimumText('Aucun niveau minimum requis pour cette démarche')).toEqual({ ok: true, acceptable: [] });
    expect(parseMinimumText('')).toEqual({ ok: true, acceptable: [] });
    expect(parseMinimumText('NA, 2, 3')).toEqual({ ok: true, acceptable: ['NA', '2', '3'] });
    expect(parseMinimumText('Niveau non applicable ; Niveau 2 et Niveau 3')).toEqual({ ok: true, acceptable: ['NA', '2', '3'] });
    expect(parseMinimumText('2', 'list')).toEqual({ ok: true, acceptable: ['2'] });
    expect(parseMinimumText('Maturité moyenne')).toEqual({ ok: true, acceptable: ['2', '3'] });
    expect(parseMinimumText('beaucoup')).toEqual({ ok: false });
    // La phrase même du guide ANS (A08.5.23), telle qu'une page ou un export peut l'afficher.
    expect(parseMinimumText('Les niveaux Non applicable (NA), 2 et 3 sont acceptables pour ce critère')).toEqual({ ok: true, acceptable: ['NA', '2', '3'] });
    expect(parseMinimumText('Les niveaux Non applicable (NA) et 3 sont acceptables pour ce critère')).toEqual({ ok: true, acceptable: ['NA', '3'] });
    expect(parseMinimumText('Le niveau 3 est acceptable pour ce critère')).toEqual({ ok: true, acceptable: ['3'] });
    expect(parseMinimumText('Niveau minimum requis : Niveau 2')).toEqual({ ok: true, acceptable: ['2', '3'] });
    expect(parseLevelList('NA, 7')).toBeNull();
  });

  it('sous le minimum = hors des niveaux acceptables (A08.5.23 : NA, 2, 3)', () => {
    const acc = ['NA', '2', '3'] as const;
    expect(isLevelAcceptable('NA', acc)).toBe(true);
    expect(isLevelAcceptable('1', acc)).toBe(false);
    expect(isLevelAcceptable('0', acc)).toBe(false);
    expect(isLevelAcceptable('3', acc)).toBe(true);
    expect(isLevelAcceptable('0', [])).toBe(true);
    expect(minimumOf(acc)).toBe('2');
  });
});

describe('conformité et oui/non', () => {
  it('lit les graphies approximatives', () => {
    expect(parseConformity('Conforme')).toBe('conforme');
    expect(parseConformity('NON CONFORME')).toBe('non-conforme');
    expect(parseConformity('Non-conforme')).toBe('non-conforme');
    expect(parseConformity('peut-être')).toBeNull();
    expect(parseOuiNon('Oui')).toBe('oui');
    expect(parseOuiNon('non')).toBe('non');
    expect(parseOuiNon('bof')).toBeNull();
  });
});
