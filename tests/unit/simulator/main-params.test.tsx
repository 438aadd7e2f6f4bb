// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';

/** Démarrage réel (src/main.tsx) : paramètres appliqués avant le premier rendu puis retirés de l'URL. */
describe('main.tsx : ?scenario=variantes&fil=…&produit=…&retard=…', () => {
  it('applique les variantes avant le premier rendu et les mémorise dans l\'état', async () => {
    localStorage.clear();
    history.replaceState(null, '', '/produits/4102/demarches/mes/questionnaires/interoperabilite?scenario=variantes&style=b&fil=texte&produit=absent&retard=250&autre=1');
    const app = document.createElement('div');
    app.id = 'app';
    document.body.appendChild(app);
    await import('../../simulator/src/main.tsx');
    // rendu synchrone à l'import : déjà en fil texte, style b, sans produit
    expect(app.querySelector('p.chemin-b')?.textContent).toBe(
      "Mon espace santé / Référencement Mon espace santé guidé (nouveau) / Démarche / Questionnaires / Questionnaire d'évaluation : Interopérabilité",
    );
    expect(app.textContent).not.toContain('Dossia');
    expect(location.search).toBe('?autre=1');
    const api = (window as unknown as { __convergenceSim: { getState(): { display: unknown; style: string; scenario: string }; scenarios: string[] } }).__convergenceSim;
    expect(api.getState()).toMatchObject({ scenario: 'variantes', style: 'b', display: { fil: 'texte', produit: 'absent', retard: 250 } });
    expect(api.scenarios).toContain('variantes');
    // Démonter avant la fin : sinon les effets différés de Preact (titre du document, minuterie du retard)
    // tournent après le démontage de jsdom et lèvent « document is not defined ».
    render(null, app);
    await new Promise((r) => setTimeout(r, 150));
  });
});
