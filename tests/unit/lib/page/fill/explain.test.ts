import { describe, expect, it } from 'vitest';
import { explainFill } from '../../../../../lib/page/fill/explain';
import type { FillReportEntry } from '../../../../../lib/page/fill/engine';
import type { Answer } from '../../../../../lib/domain/schemas';
import type { PageModel } from '../../../../../lib/page/model/page';

// Un remplissage sans effet dit toujours pourquoi.

const criteriaPage = (n: number): PageModel => ({
  type: 'criteria',
  questionnaire: 'interoperabilite',
  title: "Questionnaire d'évaluation : Interopérabilité",
  criteria: Array.from({ length: n }, () => ({}) as never),
  unreadable: [],
});
const entry = (status: FillReportEntry['status']): FillReportEntry => ({ key: `k${Math.random()}`, label: 'x', status, pageValue: '', libraryValue: '' });
const answer = (questionnaire: Answer['questionnaire']) => ({ questionnaire }) as Answer;
const src = (answers: Answer[]) => ({ answers, hasProduct: true, hasCompany: true });

describe('explication d\'un remplissage sans effet', () => {
  it('au moins un champ rempli : pas d\'explication, le rapport suffit', () => {
    expect(explainFill(criteriaPage(2), [entry('filled'), entry('conflict')], src([answer('interoperabilite')]))).toBeNull();
  });
  it('tout identique', () => {
    expect(explainFill(criteriaPage(2), [entry('unchanged'), entry('unchanged')], src([]))).toEqual({ code: 'tout-inchange', unchanged: 2 });
  });
  it('rien d\'écrit : conflits, identiques et introuvables comptés', () => {
    expect(explainFill(criteriaPage(3), [entry('conflict'), entry('unchanged'), entry('not-found'), entry('refused')], src([]))).toEqual({
      code: 'rien-ecrit', conflict: 1, unchanged: 1, missing: 2,
    });
  });
  it('la source n\'a rien pour ce questionnaire, mais pour d\'autres', () => {
    expect(explainFill(criteriaPage(3), [], src([answer('urbanisation'), answer('securite'), answer('urbanisation')]))).toEqual({
      code: 'questionnaire-absent', questionnaire: 'interoperabilite', others: ['urbanisation', 'securite'],
    });
  });
  it('source vide, page vide, formulaires absents', () => {
    expect(explainFill(criteriaPage(3), [], src([]))).toEqual({ code: 'source-vide' });
    expect(explainFill(criteriaPage(0), [], src([answer('interoperabilite')]))).toEqual({ code: 'page-vide' });
    expect(explainFill({ type: 'none' }, [], src([]))).toEqual({ code: 'page-vide' });
    const form = (form: 'produit' | 'fiche-administrative'): PageModel => ({ type: 'form', form, fields: [{} as never] });
    expect(explainFill(form('produit'), [], { answers: [], hasProduct: false, hasCompany: true })).toEqual({ code: 'formulaire-absent', form: 'produit' });
    expect(explainFill(form('fiche-administrative'), [], { answers: [], hasProduct: true, hasCompany: false })).toEqual({ code: 'formulaire-absent', form: 'fiche-administrative' });
  });
});
