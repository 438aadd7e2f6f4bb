// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readQuestionnaire } from '../../../../../lib/page/read/criteria';

function load(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<main>${html}</main>`, 'text/html');
  return doc.querySelector('main') as HTMLElement;
}

/** Style « guide » : article, h3 avec ID + titre, fieldset/legend, label englobant, ✓ sur les niveaux acceptables. */
const STYLE_A = `
<h1>Questionnaire d'évaluation : Interopérabilité</h1>
<section><h2>A08.5 Partage et/ou échange de documents</h2><p>Intro.</p>
<article>
  <p>Obligation</p>
  <h3>A08.5.23 Partage et/ou échange de documents (consommateur de documents CDA) - structuration minimale</h3>
  <h4>Objectif du critère</h4><p>Afficher les documents.</p>
  <h4>Conditions d'affichage</h4><p>Réponse « Documents » à la question 3.</p>
  <fieldset><legend>Sélectionnez le niveau de maturité de votre produit</legend>
    <label><input type="radio" name="c1" value="a"> ✓ Niveau non applicable : Le produit n'affiche pas…</label>
    <label><input type="radio" name="c1" value="b"> Niveau 0 : Pas d'affichage.</label>
    <label><input type="radio" name="c1" value="c" checked> Niveau 1 : Corps non structurés.</label>
    <label><input type="radio" name="c1" value="d"> ✓ Niveau 2 : Affichage sans interprétation.</label>
    <label><input type="radio" name="c1" value="e"> ✓ Niveau 3 : Interprétation de l'entête.</label>
  </fieldset>
  <p>Les niveaux Non applicable (NA), 2 et 3 sont acceptables pour ce critère</p>
  <label for="com1">Commentaire</label><textarea id="com1">Prévu en 2025</textarea>
</article>
<article>
  <p>Option</p>
  <h3>A08.5.22 Partage et/ou échange de documents (producteur de documents CDA) - volet VSM</h3>
  <p>Aucun niveau minimum requis pour cette démarche</p>
  <fieldset><legend>Sélectionnez le niveau de maturité de votre produit</legend>
    <label><input type="radio" name="c2"> Niveau non applicable : …</label>
    <label><input type="radio" name="c2"> Niveau 0 : …</label>
    <label><input type="radio" name="c2"> Niveau 1 : …</label>
  </fieldset>
  <label for="com2">Commentaire</label><textarea id="com2"></textarea>
</article>
</section>
<button>Retour</button><button>Valider</button>`;

/** Autre balisage : groupes ARIA, ID dans un span, radio avant un label séparé, échelle « Maturité ». */
const STYLE_B = `
<div role="heading" aria-level="1">Questionnaire d'évaluation : Maturité Sécurité</div>
<table><tbody>
<tr><td><span>04.03</span></td><td><strong>Niveau de garantie de l'identification électronique des patients</strong> <em>Obligation</em>
  <div>Niveau minimum requis : Niveau 2</div></td>
  <td><div role="radiogroup" aria-labelledby="q1"><span id="q1">Niveau de maturité</span>
    <input type="radio" id="r1" name="x1"><label for="r1">Maturité très faible</label>
    <input type="radio" id="r2" name="x1" checked><label for="r2">Maturité faible</label>
    <input type="radio" id="r3" name="x1"><label for="r3">Maturité moyenne</label>
    <input type="radio" id="r4" name="x1"><label for="r4">Maturité forte</label>
  </div>
  <input type="text" aria-label="Commentaire du critère 04.03" value="">
  </td></tr>
<tr><td><span>09.02</span></td><td><strong>Plan de continuité d'activité</strong> <em>Option</em></td>
  <td><div role="radiogroup" aria-label="Niveau">
    <input type="radio" aria-label="Maturité très faible" name="x2"><input type="radio" aria-label="Maturité forte" name="x2">
  </div></td></tr>
</tbody></table>
<input type="submit" value="Valider">`;

const ETHIQUE = `
<h1>Questionnaire d'évaluation : Éthique Mon espace santé</h1>
<section aria-labelledby="e1"><h3 id="e1">DEV.1.1 Écoscore</h3><span>Obligation</span>
  <fieldset><legend>Votre produit est-il conforme ?</legend>
    <label><input type="radio" name="d1" checked> Conforme</label><label><input type="radio" name="d1"> Non conforme</label></fieldset>
  <div><h4>Résultat de l'écoscore</h4><label>Charger<input type="file"></label>
    <ul><li>ecoscore.pdf <button aria-label="Archiver ecoscore.pdf">×</button></li></ul>
    <details><summary>Voir les preuves archivées</summary><ul><li>ancien.pdf</li></ul></details></div>
  <div><h4>Méthode de calcul</h4><label>Charger<input type="file"></label></div>
  <fieldset><legend>Cette réponse est-elle spécifique à chaque solution des éditeurs distributeurs ?</legend>
    <label><input type="radio" name="s1"> Oui</label><label><input type="radio" name="s1" checked> Non</label></fieldset>
  <label>Commentaire<textarea></textarea></label>
</section>
<button>Valider</button>`;

describe('lecture des critères à niveaux', () => {
  it('style guide : ID, titre, nature, ✓ acceptables, niveau choisi, commentaire, section', () => {
    const q = readQuestionnaire(load(STYLE_A), "Questionnaire d'évaluation : Interopérabilité");
    expect(q.questionnaire).toBe('interoperabilite');
    expect(q.criteria.map((c) => c.id)).toEqual(['A08.5.23', 'A08.5.22']);
    const [c23, c22] = q.criteria;
    expect(c23?.title).toMatch(/^Partage et\/ou échange de documents \(consommateur/);
    expect(c23?.obligation).toBe('obligation');
    expect(c23?.acceptableLevels).toEqual(['NA', '2', '3']);
    expect(c23?.level).toBe('1');
    expect(c23?.scale).toBe('niveau');
    expect(c23?.comment?.value).toBe('Prévu en 2025');
    expect(c23?.section).toMatch(/^A08\.5 Partage/);
    expect(c23?.objective).toBe('Afficher les documents.');
    expect(c23?.displayCondition).toMatch(/question 3/);
    expect(c23?.problems).toEqual([]);
    expect(c22?.obligation).toBe('option');
    expect(c22?.acceptableLevels).toEqual([]);
    expect(c22?.level).toBeNull();
    expect(c22?.options).toHaveLength(3);
  });

  it('autre balisage : tableau, radiogroup ARIA, label séparé, échelle Maturité, minimum en texte', () => {
    const q = readQuestionnaire(load(STYLE_B), "Questionnaire d'évaluation : Maturité Sécurité");
    expect(q.questionnaire).toBe('securite');
    expect(q.criteria.map((c) => c.id)).toEqual(['04.03', '09.02']);
    const [a, b] = q.criteria;
    expect(a?.title).toBe("Niveau de garantie de l'identification électronique des patients");
    expect(a?.scale).toBe('maturite');
    expect(a?.level).toBe('1');
    expect(a?.acceptableLevels).toEqual(['2', '3']);
    expect(a?.comment?.control.getAttribute('aria-label')).toBe('Commentaire du critère 04.03');
    expect(b?.obligation).toBe('option');
    expect(b?.options.map((o) => o.label)).toEqual(['Maturité très faible', 'Maturité forte']);
    expect(b?.problems).toContainEqual({ key: 'minimumNonIndique', params: { id: b?.id } });
  });
});

describe('balisage jamais vu', () => {
  it('un critère dont le niveau est dans une liste déroulante est signalé, pas pris pour une section', () => {
    const html = `<h1>Questionnaire d'évaluation : Interopérabilité</h1>
      <div><h3>A06.1 Référentiel</h3></div>
      <div><h4>A06.1.1 Utilisation du CI-SIS</h4><span>Option</span><label>Niveau <select><option>Niveau 0</option><option>Niveau 1</option></select></label></div>
      <div><h4>A06.1.2 Veille</h4><span>Option</span><label><input type="radio" name="v"> Niveau 0</label><label><input type="radio" name="v"> Niveau 1</label></div>
      <button>Valider</button>`;
    const q = readQuestionnaire(load(html), "Questionnaire d'évaluation : Interopérabilité");
    expect(q.unsupported).toEqual(['A06.1.1']);
    expect(q.criteria.map((c) => [c.id, c.section])).toEqual([['A06.1.2', 'A06.1 Référentiel']]);
  });
});

describe('lecture des critères Éthique', () => {
  it('conformité, zones de preuves par type, fichiers déposés hors archivés, spécificité', () => {
    const q = readQuestionnaire(load(ETHIQUE), "Questionnaire d'évaluation : Éthique Mon espace santé");
    expect(q.questionnaire).toBe('ethique');
    const [c] = q.criteria;
    expect(c?.id).toBe('DEV.1.1');
    expect(c?.kind).toBe('conformite');
    expect(c?.conformity).toBe('conforme');
    expect(c?.evidence.map((z) => z.type)).toEqual(["Résultat de l'écoscore", 'Méthode de calcul']);
    expect(c?.evidence[0]?.files).toEqual(['ecoscore.pdf']);
    expect(c?.evidence[1]?.files).toEqual([]);
    expect(c?.specificite?.value).toBe('non');
    expect(c?.options).toHaveLength(2);
  });
});

describe('relecture d’un questionnaire déjà lu', () => {
  /** Un document (et non un fragment détaché) : seuls les blocs d'un document observé sont gardés d'une lecture à l'autre. */
  function loadDocument(html: string): HTMLElement {
    document.body.replaceChildren();
    const main = document.createElement('main');
    main.append(...Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes).map((n) => document.importNode(n, true)));
    document.body.append(main);
    return main;
  }

  it('les valeurs changées sans mutation (option cochée, commentaire) sont relues ; un texte changé dans un bloc aussi', async () => {
    const root = loadDocument(STYLE_A);
    const first = readQuestionnaire(root).criteria.find((c) => c.id === 'A08.5.23')!;
    expect(first.level).toBe('1');
    // Une personne coche « Niveau 3 » et écrit : propriétés seulement, aucune mutation du DOM.
    (root.querySelectorAll<HTMLInputElement>('input[name="c1"]')[4]!).checked = true;
    root.querySelector<HTMLTextAreaElement>('#com1')!.value = 'Revu en 2026';
    const second = readQuestionnaire(root).criteria.find((c) => c.id === 'A08.5.23')!;
    expect(second.level).toBe('3');
    expect(second.options.filter((o) => o.checked).map((o) => o.label)).toEqual([first.options[4]!.label]);
    expect(second.comment?.value).toBe('Revu en 2026');
    // La page réécrit le titre et la nature du bloc : le bloc est relu en entier.
    root.querySelector('article h3')!.textContent = 'A08.5.23 Titre revu';
    root.querySelector('article p')!.textContent = 'Option';
    await Promise.resolve();
    const third = readQuestionnaire(root).criteria.find((c) => c.id === 'A08.5.23')!;
    expect(third.title).toBe('Titre revu');
    expect(third.obligation).toBe('option');
    expect(third.level).toBe('3');
  });

  it('un bloc retiré puis remis autrement n’est pas confondu avec l’ancien', () => {
    const root = loadDocument(STYLE_A);
    expect(readQuestionnaire(root).criteria.map((c) => c.id)).toEqual(['A08.5.23', 'A08.5.22']);
    root.querySelectorAll('article')[1]!.remove();
    expect(readQuestionnaire(root).criteria.map((c) => c.id)).toEqual(['A08.5.23']);
  });
});
