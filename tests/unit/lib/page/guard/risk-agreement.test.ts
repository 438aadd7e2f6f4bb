// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { recognisePage } from '../../../../../lib/page/by-kind/recognise';
import type { GuardProblem } from '../../../../../lib/page/guard';
import { evaluateGuard } from '../../../../../lib/page/by-kind/guard';
import type { KnownCriteria } from '../../../../../lib/page/guard/known';
import { readPage } from '../../../../../lib/page/by-kind/read';
import { summarise } from '../../../../../lib/page/guard/summary';
import { LEVELS_A_SECTIONS, RGPD, crumbs, ethA, ethB, levelA, load, zone } from '../../../support/page-fixtures';

/**
 * Le panneau (« à risque ») et la garde (« Valider » arrêté) dérivent d'une seule évaluation : sur une page
 * qui montre chaque sorte de risque, les critères à risque sont exactement ceux qui ont un problème bloquant
 * pour la garde. Textes illustratifs.
 */

/** Niveaux : sous le minimum, obligatoire sans réponse, optionnel sans réponse, nature inconnue (avec et sans minimum). */
const LEVELS = `${LEVELS_A_SECTIONS}
<section><h2>A09.1 Annuaire</h2>
${levelA('A09.1.1', 'Annuaire santé', '', 'Niveau minimum requis : Niveau 2', [], 'Niveau 1')}
${levelA('A09.1.2', 'Mise à jour de l’annuaire', '', 'Aucun niveau minimum requis pour cette démarche', [], null)}
</section>
<button type="button">Valider</button>
</main>`;

/** Éthique : Non conforme, Conforme avec une preuve sur deux, sans réponse, nature inconnue, optionnels, preuves du producteur. */
function ethiquePage(style: 'a' | 'b'): string {
  const c = style === 'a' ? ethA : ethB;
  return `
${crumbs("Questionnaire d'évaluation : Éthique Mon espace santé")}
<main>
<h1>Questionnaire d'évaluation : Éthique Mon espace santé</h1>
<section><h2>2. Accessibilité et inclusion</h2>
${c('ACC.1.1', 'Obligation', 'Conforme', zone('Déclaration RGAA (ACC.1.1)', ['rgaa.pdf']) + zone("Rapport d'audit d'accessibilité (ACC.1.1)", []))}
${c('ACC.1.5', 'Obligation', 'Non conforme', zone('Capture du guichet (ACC.1.5)', []))}
${c('ACC.1.6', 'Option', 'Non conforme', zone("Description du mécanisme d'alerte (ACC.1.6)", []))}
</section>
<section><h2>3. Éthique des données</h2>
${c('ETH.1.1', 'Obligation', null, zone('Extrait des CGU présentant les finalités (ETH.1.1)', []))}
${c('ETH.1.4', 'Obligation', 'Conforme', zone('Déclaration relative à la valorisation des données (ETH.1.4)', [], 2))}
${c('ETH.1.7', '', null, zone('Politique de conservation (ETH.1.7)', []))}
</section>
<section><h2>4. Développement durable</h2>
${c('DEV.1.2', 'Option', null, zone('Mesure de sobriété (DEV.1.2)', []))}
${c('DEV.1.4', 'Option', 'Conforme', zone('Plan de réduction (DEV.1.4)', []))}
</section>
<button type="button">Valider</button>
</main>`;
}

const codes = (ps: GuardProblem[]) => ps.map((p) => `${p.code}:${p.ref}`);

/** Lit la page comme le panneau et l'évalue comme la garde au clic sur « Valider ». */
function both(html: string, known?: KnownCriteria) {
  const root = load(html);
  const recognition = recognisePage(document);
  const summary = summarise(readPage(document, recognition).model, known);
  const guard = evaluateGuard({ root, kind: recognition.recognised ? recognition.kind : null, action: 'valider', known });
  if (summary.type !== 'criteria') throw new Error(`résumé inattendu : ${summary.type}`);
  return { summary, guard, blocking: [...new Set(guard.filter((p) => p.blocking).map((p) => p.ref))] };
}

describe('« à risque » du panneau = problèmes bloquants de la garde', () => {
  it('niveaux : sous le minimum, obligatoire sans réponse, nature inconnue avec minimum ; un optionnel sans réponse arrête « Valider » sans être à risque', () => {
    const { summary, guard, blocking } = both(LEVELS);
    expect(codes(guard)).toEqual([
      'sous-minimum:A08.5.23',
      'sous-minimum:A09.1.1',
      'non-repondu:A07.1.1',
      'option-non-repondu:A06.1.2',
      'option-non-repondu:A09.1.2',
    ]);
    expect(summary.atRisk).toEqual(['A07.1.1', 'A08.5.23', 'A09.1.1']);
    expect([...summary.atRisk].sort()).toEqual([...blocking].sort());
    // Nature inconnue : le minimum affiché la rend obligatoire, pour les deux.
    expect(summary.mandatory).toBe(3);
  });

  it('niveaux : la nature apprise de la bibliothèque s\'applique au panneau comme à la garde', () => {
    const known: KnownCriteria = new Map([['A09.1.2', { acceptableLevels: ['2', '3'], obligation: 'obligation' }]]);
    const { summary, guard, blocking } = both(LEVELS, known);
    expect(codes(guard)).toContain('non-repondu:A09.1.2');
    expect(summary.atRisk).toEqual(['A07.1.1', 'A08.5.23', 'A09.1.1', 'A09.1.2']);
    expect([...summary.atRisk].sort()).toEqual([...blocking].sort());
    expect(summary.mandatory).toBe(4);
  });

  for (const style of ['a', 'b'] as const) {
    it(`Éthique (balisage ${style}) : Non conforme, une preuve sur deux, sans réponse, nature inconnue ; optionnels et preuves du producteur non à risque`, () => {
      const { summary, guard, blocking } = both(ethiquePage(style));
      expect(codes(guard)).toEqual([
        'non-conforme:ACC.1.5',
        'non-repondu:ETH.1.1',
        'non-repondu:ETH.1.7',
        'preuve-manquante:ACC.1.1',
        'preuve-manquante:DEV.1.4',
        'option-non-repondu:DEV.1.2',
      ]);
      expect(guard.find((p) => p.ref === 'ACC.1.1')?.missing).toEqual(["Rapport d'audit d'accessibilité (ACC.1.1)"]);
      // ETH.1.4, couvert par les preuves confidentielles du producteur, n'est plus « à risque » pour le panneau seul.
      expect(summary.atRisk).toEqual(['ACC.1.1', 'ACC.1.5', 'ETH.1.1', 'ETH.1.7']);
      expect([...summary.atRisk].sort()).toEqual([...blocking].sort());
    });
  }

  it('pages de dépôt : les zones vides du panneau sont les documents manquants de la garde', () => {
    const root = load(RGPD);
    const recognition = recognisePage(document);
    const summary = summarise(readPage(document, recognition).model);
    const guard = evaluateGuard({ root, kind: recognition.recognised ? recognition.kind : null, action: 'valider' });
    expect(summary).toEqual({ type: 'zones', read: 2, empty: ["Analyse d'impact relative à la Protection des Données - AIPD"] });
    expect(guard.map((p) => p.ref)).toEqual(summary.type === 'zones' ? summary.empty : []);
  });
});
