// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readShownJourney } from '../../../../../lib/page/read/journey';

function main(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<main>${html}</main>`, 'text/html');
  return doc.querySelector('main')!;
}

describe('lecture de l\'avancement de la démarche (fil des étapes, dossiers)', () => {
  it('fil des étapes du guide (4.3) : fiche complétée, convention en attente, statuts tels qu\'affichés', () => {
    const root = main('<h1>Produit - v0.1 - 3100 : Référencement</h1><p>Étape 1 Fiche administrative (complétée) — Étape 2 Convention (en attente) — Étape 3 Questionnaires (à venir)</p>');
    expect(readShownJourney(root, { dossierPage: false })).toEqual({
      fiche: { status: 'complétée', done: true },
      convention: { status: 'en attente', done: false },
    });
  });

  it('fil en liste avec numéros décoratifs et coches (guide 5.1, simulateur)', () => {
    const list = main(
      '<ol aria-label="Étapes de la démarche"><li><span aria-hidden="true">1</span><span>Etape 1</span> <strong>Fiche administrative</strong> <span>(Complétée)</span></li>' +
        '<li><span aria-hidden="true">2</span><span>Etape 2</span> <strong>Convention</strong> <span>(À signer)</span></li><li>Etape 3 <strong>Questionnaires</strong> (-)</li></ol>',
    );
    expect(readShownJourney(list, { dossierPage: false })).toEqual({ fiche: { status: 'Complétée', done: true }, convention: { status: 'À signer', done: false } });
    const ticks = main('<div>Étape 1 Fiche administrative ✓ | Étape 2 Convention ✓ | Étape 3 Questionnaires ?</div>');
    expect(readShownJourney(ticks, { dossierPage: false })).toEqual({ fiche: { status: '✓', done: true }, convention: { status: '✓', done: true } });
  });

  it('page sans fil des étapes : rien (jamais supposé)', () => {
    expect(readShownJourney(main('<h1>Questionnaire d\'évaluation : Interopérabilité</h1><p>Convention de nommage</p>'), { dossierPage: false })).toEqual({});
  });

  it('page des dossiers (guide 10.3) : références générées et dossier candidat ; sans dossier, la phrase affichée', () => {
    const root = main(
      '<h1>Gérez vos dossiers d\'évaluation</h1><table><tr><th>Numéro du dossier</th><th>Créateur</th></tr><tr><th>N83970202407081627</th><td>PierrePierre Durand</td></tr></table>' +
        '<section><h2>Mon dossier candidat</h2><p>Vous candidatez avec le dossier N83970202407081627 depuis le 08/07/2024.</p></section>',
    );
    expect(readShownJourney(root, { dossierPage: true })).toEqual({
      dossier: { status: 'N83970202407081627', done: true },
      candidature: { status: 'Vous candidatez avec le dossier N83970202407081627 depuis le 08/07/2024.', done: true },
    });
    const none = main('<h1>Gérez vos dossiers d\'évaluation</h1><h2>Dossier d\'évaluation</h2><p>Aucun dossier d\'évaluation n\'a encore été généré.</p><h2>Mon dossier candidat</h2>');
    expect(readShownJourney(none, { dossierPage: true })).toEqual({ dossier: { status: "Aucun dossier d'évaluation n'a encore été généré.", done: false } });
  });
});
