import { describe, expect, it } from 'vitest';
import { sameContent } from '../../../../lib/db/repository';

describe('sameContent : « rien n\'a changé » pour le journal et l\'annulation', () => {
  it("compare le contenu, pas l'ordre des champs ; un champ undefined vaut absent, comme en JSON", () => {
    expect(sameContent({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameContent({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(sameContent({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameContent({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameContent({ a: [] }, { a: {} })).toBe(false);
    expect(sameContent(null, {})).toBe(false);
    expect(sameContent('1', 1)).toBe(false);
  });

  it('ignore le contenu des preuves (blob) des lignes files écrites avant la v3', () => {
    expect(sameContent({ id: 'f', hash: 'h', blob: new Blob(['x']) }, { id: 'f', hash: 'h' })).toBe(true);
    expect(sameContent({ id: 'f', hash: 'h', blob: new Blob(['x']) }, { id: 'f', hash: 'autre' })).toBe(false);
  });
});
