// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parsePageProduct, readPageProduct, readPageProductFound, withoutProductMention } from '../../../../../lib/page/read/product';
import { recogniseSignals } from '../../../../../lib/page/by-kind/recognise';
import { collectSignals } from '../../../../../lib/page/read/signals';

/** Textes tels qu'une personne les voit sur Convergence (ou sur une page écrite autrement) → produit attendu. */
const FOUND: [string, string, string, string][] = [
  ['Produit - v0.1 - 3100', 'Produit', 'v0.1', '3100'],
  ["Solution d'éditeur producteur - v1 - 2726", "Solution d'éditeur producteur", 'v1', '2726'],
  ['Dossia iOS Mobile - v3.1 - 4102', 'Dossia iOS Mobile', 'v3.1', '4102'],
  ['Référencement Mon espace santé guidé (nouveau) : Produit - v0.1 - 3100', 'Produit', 'v0.1', '3100'],
  ['Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)', 'Produit', 'v0.1', '3100'],
  ['Produit - v0.1 - 3100 (brouillon)', 'Produit', 'v0.1', '3100'],
  ['Produit – v0.1 – 3100', 'Produit', 'v0.1', '3100'],
  ['Produit — v0.1 — 3100', 'Produit', 'v0.1', '3100'],
  ['Produit ‐ v0.1 − 3100', 'Produit', 'v0.1', '3100'],
  ['Produit\u00a0-\u00a0v0.1\u00a0-\u00a03100', 'Produit', 'v0.1', '3100'],
  ['Produit\u202f-\u202fv0.1\u202f-\u202f3100', 'Produit', 'v0.1', '3100'],
  ['   Produit    -   v0.1   -   3100   ', 'Produit', 'v0.1', '3100'],
  ['Logiciel Éléa Santé - v2.0.3 - 12', 'Logiciel Éléa Santé', 'v2.0.3', '12'],
  ['Dossia - Pro - v1 - 12', 'Dossia - Pro', 'v1', '12'],
  ['Questionnaire d\'évaluation : Urbanisation — Produit Android - v0.1 - 3101 — Convergence', 'Produit Android', 'v0.1', '3101'],
  ['Convention – Dossia iOS Mobile - v3.1 - 4102', 'Dossia iOS Mobile', 'v3.1', '4102'],
  ['Mon-Appli - 1.0 - 55', 'Mon-Appli', '1.0', '55'],
  ['Dossia - V3 - 4101', 'Dossia', 'V3', '4101'],
  ['Dossia - v3.1-beta - 4101', 'Dossia', 'v3.1-beta', '4101'],
  ['Dossia - 2024.1 - 4101', 'Dossia', '2024.1', '4101'],
  ["Questionnaire d'évaluation : Interopérabilité | Produit - v0.1 - 3100 | Convergence", 'Produit', 'v0.1', '3100'],
  ['Mon espace santé › Référencement guidé › Dossia - v3.1 - 4101', 'Dossia', 'v3.1', '4101'],
  ['Accueil > Produit - v0.1 - 3100 > Convention', 'Produit', 'v0.1', '3100'],
  ['Vos produits / Dossia - v3.1 - 4101', 'Dossia', 'v3.1', '4101'],
  ['« Produit - v0.1 - 3100 »', 'Produit', 'v0.1', '3100'],
  ['Produit - v0.1 - 3100 - Brouillon', 'Produit', 'v0.1', '3100'],
  ['Produit - v0.1 - 3100, dernière modification le 08/07/2024', 'Produit', 'v0.1', '3100'],
  ['Application Tél 2 - v1 - 7', 'Application Tél 2', 'v1', '7'],
  ['Produit - v0.1 - 123456789012', 'Produit', 'v0.1', '123456789012'],
];

/** Des nombres qui ne sont pas un produit : jamais pris. */
const NOT_FOUND: string[] = [
  '',
  'Tableau de bord',
  'Critères renseignés 12/30',
  'Questions obligatoires renseignées 0/21',
  'N83970202407081627',
  'Dossier N83970202407081627',
  'Étape 3',
  'Étape 1 - Fiche administrative',
  'Dossier - 2024 - 07',
  '08/07/2024 - 14:05',
  'Mis à jour le 08/07/2024 - 14:05 - 3',
  'Niveau 2 - 3',
  'Niveau 2 - 3 - 4',
  '01 - 45 - 67 - 89 - 10',
  'Tél. 01 45 67 89 10',
  '2024 - v1 - 3100',
  'Produit - beta - 3100',
  'Produit - v0.1 - 3100/30',
  'Produit - v0.1 - 3100 critères',
  'Produit - v0.1 - 1234567890123',
  'Produit - une-version-beaucoup-trop-longue-1 - 3100',
  'Produit-v0.1-3100',
  'Produit - v0.1 - 31a0',
  'A06.1 Référentiel d’interopérabilité - niveau 2',
];

describe('parsePageProduct : ce qui est un produit', () => {
  for (const [text, name, version, number] of FOUND) {
    it(`lit « ${text} »`, () => {
      expect(parsePageProduct(text)).toEqual({ name, version, number });
    });
  }
});

describe('parsePageProduct : ce qui n’en est pas un', () => {
  for (const text of NOT_FOUND) {
    it(`ignore « ${text} »`, () => {
      expect(parsePageProduct(text)).toBeNull();
    });
  }
});

/** Page construite à partir de HTML statique écrit ici (pas de données). */
function signalsOf(html: string, title = 'Convergence') {
  const doc = document.implementation.createHTMLDocument(title);
  doc.body.append(...Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes));
  return collectSignals(doc);
}

const P3100 = { name: 'Produit', version: 'v0.1', number: '3100' };
const D4101 = { name: 'Dossia', version: 'v3.1', number: '4101' };

describe('readPageProductFound : où une personne voit le produit', () => {
  it('fil d’Ariane nommé avec des li', () => {
    const s = signalsOf(`<nav aria-label="Fil d'Ariane"><ol><li><a>Vos produits</a></li><li><a>Produit - v0.1 - 3100</a></li><li>Convention</li></ol></nav><main><h1>Convention</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'fil-ariane' });
    expect(s.breadcrumbItems).toEqual(['vos produits', 'produit - v0.1 - 3100', 'convention']);
  });

  it('fil d’Ariane nommé sans li, étapes séparées par « > »', () => {
    const s = signalsOf(`<nav aria-label="breadcrumb">Vos produits > Produit - v0.1 - 3100 > Questionnaires</nav><main><h1>Questionnaires</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'fil-ariane' });
  });

  it('fil nommé par un autre élément que nav (aria-label « Ariane », casse indifférente)', () => {
    const s = signalsOf(`<div aria-label="FIL D'ARIANE"><span>Accueil</span> › <span>Dossia - v3.1 - 4101</span></div><h1>Tableau</h1>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'fil-ariane' });
  });

  it('fil en texte simple dans un div, séparé par « › »', () => {
    const s = signalsOf(`<div>Mon espace santé › Référencement guidé › Dossia - v3.1 - 4101</div><main><h1>Référencement guidé</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'fil-ariane' });
    expect(s.breadcrumbItems).toEqual(['mon espace sante', 'referencement guide', 'dossia - v3.1 - 4101']);
  });

  it('fil en texte simple séparé par « / »', () => {
    const s = signalsOf(`<p><a>Vos produits</a> / <a>Dossia - v3.1 - 4101</a> / <span>Convention</span></p><h1>Convention</h1>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'fil-ariane' });
    expect(s.breadcrumbItems.at(-1)).toBe('convention');
  });

  it('fil en texte simple séparé par « » »', () => {
    const s = signalsOf(`<div><span>Accueil</span> » <span>Dossia - v3.1 - 4101 (brouillon)</span></div><h1>Fiche</h1>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'fil-ariane' });
  });

  it('étape du fil entourée de texte (« Référencement … : Produit … »)', () => {
    const s = signalsOf(`<nav aria-label="Fil d'Ariane"><ul><li>Accueil</li><li>Référencement Mon espace santé guidé (nouveau) : Produit - v0.1 - 3100</li></ul></nav><h1>Démarche</h1>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'fil-ariane' });
  });

  it('liste ordonnée dans un nav sans nom, séparateurs dessinés en CSS', () => {
    const s = signalsOf(`<nav><ol><li><a>Vos produits</a></li><li><a>Dossia - v3.1 - 4101</a></li><li>Convention</li></ol></nav><h1>Convention</h1>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'fil-ariane' });
    expect(s.breadcrumbItems).toEqual(['vos produits', 'dossia - v3.1 - 4101', 'convention']);
  });

  it('liste dont le dernier élément est la page courante (aria-current)', () => {
    const s = signalsOf(`<ul><li><a>Accueil</a></li><li><a>Dossia - v3.1 - 4101</a></li><li aria-current="page">Fiche</li></ul><h1>Fiche</h1>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'fil-ariane' });
  });

  it('nav sans nom ni li, étapes séparées par « > »', () => {
    const s = signalsOf(`<nav>Vos produits > Produit - v0.1 - 3100 > Convention</nav><main><h1>Convention</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'fil-ariane' });
    expect(s.breadcrumbItems.at(-1)).toBe('convention');
  });

  it('une liste d’étapes hors nav n’est pas un fil (elle finirait par « Convention »)', () => {
    const s = signalsOf(`<ol><li>Fiche administrative</li><li>Convention</li></ol><main><h1>Produit - v0.1 - 3100</h1></main>`);
    expect(s.breadcrumbItems).toEqual([]);
    expect(readPageProductFound(s)?.from).toBe('titre');
  });

  it('une phrase avec guillemets ou « / » sous le titre n’est pas un fil', () => {
    const s = signalsOf(`<main><h1>Produit - v0.1 - 3100</h1><p>Le produit « Dossia » est enregistré</p><p>Répondez oui / non</p></main>`);
    expect(s.breadcrumb).toBe('');
  });

  it('fil sans produit : le produit vient du titre principal', () => {
    const s = signalsOf(`<nav aria-label="Fil d'Ariane"><ol><li>Vos produits</li><li>Fiche</li></ol></nav><main><h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'titre' });
  });

  it('produit seulement dans le h1', () => {
    const s = signalsOf(`<main><h1>Produit - v0.1 - 3100</h1><button>Exporter la fiche produit</button></main>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'titre' });
  });

  it('produit seulement dans un h2', () => {
    const s = signalsOf(`<main><h1>Questionnaire d'évaluation : Interopérabilité</h1><h2>Dossia - v3.1 - 4101</h2><h2>A06.1 Référentiel</h2></main>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'titre' });
  });

  it('produit seulement dans l’en-tête de page', () => {
    const s = signalsOf(`<header><div>Convergence</div><p>Dossia - v3.1 - 4101</p></header><main><h1>Questionnaire d'évaluation : Interopérabilité</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'en-tete' });
  });

  it('produit seulement dans le titre du document', () => {
    const s = signalsOf(`<main><h1>Questionnaire d'évaluation : Interopérabilité</h1></main>`, "Questionnaire d'évaluation : Interopérabilité | Produit - v0.1 - 3100 | Convergence");
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'titre-document' });
  });

  it('le nom du site en tête du titre du document ne fait pas partie du nom', () => {
    const s = signalsOf(`<main><h1>Fiche</h1></main>`, 'Convergence - Produit - v0.1 - 3100');
    expect(readPageProductFound(s)?.product).toEqual(P3100);
  });

  it('produit nulle part : null', () => {
    const s = signalsOf(`<main><h1>Tableau de bord</h1><h2>Les parcours</h2><p>Sélectionnez le parcours qui répond à votre besoin</p></main>`);
    expect(readPageProductFound(s)).toBeNull();
    expect(readPageProduct(s)).toBeNull();
  });

  it('fil d’Ariane et titre en désaccord : le fil l’emporte', () => {
    const s = signalsOf(`<nav aria-label="Fil d'Ariane"><ol><li>Vos produits</li><li>Dossia - v3.1 - 4101</li></ol></nav><main><h1>Produit - v0.1 - 3100</h1></main>`, 'Autre - v9 - 9 | Convergence');
    expect(readPageProductFound(s)).toEqual({ product: D4101, from: 'fil-ariane' });
    expect(readPageProduct(s)).toEqual(D4101);
  });

  it('titre et titre du document en désaccord : le titre l’emporte', () => {
    const s = signalsOf(`<main><h1>Produit - v0.1 - 3100</h1></main>`, 'Dossia - v3.1 - 4101 | Convergence');
    expect(readPageProductFound(s)?.from).toBe('titre');
  });

  it('des nombres partout mais aucun produit : null', () => {
    const s = signalsOf(
      `<header><p>Dossier N83970202407081627</p><p>Tél. 01 45 67 89 10</p></header>
       <div>Étape 3 › Niveau 2 - 3</div>
       <main><h1>Liste des questionnaires</h1><p>Critères renseignés 12/30</p><h2>Dossier - 2024 - 07</h2><p>Mis à jour le 08/07/2024 - 14:05</p></main>`,
      'Étape 3 | 08/07/2024 - 14:05 | Convergence',
    );
    expect(readPageProductFound(s)).toBeNull();
  });

  it('l’interface de l’extension (<assistant-convergence>) est ignorée', () => {
    const s = signalsOf(`<assistant-convergence><h1>Autre - v9 - 9</h1><div>Accueil › Autre - v9 - 9</div></assistant-convergence><main><h1>Produit - v0.1 - 3100</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'titre' });
  });

  it('un fil en texte après le contenu (sous le premier titre suivant le titre principal) n’est pas lu comme fil', () => {
    const s = signalsOf(`<main><h1>Questionnaire d'évaluation : Interopérabilité</h1><h2>A06.1</h2><p>Exemple › Dossia - v3.1 - 4101</p></main>`);
    expect(s.breadcrumb).toBe('');
    expect(readPageProductFound(s)).toBeNull();
  });

  it('fil masqué (hidden) ignoré', () => {
    const s = signalsOf(`<nav aria-label="Fil d'Ariane" hidden><ol><li>Vos produits</li><li>Dossia - v3.1 - 4101</li></ol></nav><main><h1>Produit - v0.1 - 3100</h1></main>`);
    expect(readPageProductFound(s)?.from).toBe('titre');
  });

  it('titre en deux morceaux (ligne produit puis titre) : produit lu, et le titre se reconnaît sans lui', () => {
    const s = signalsOf(`<main><h1><span>Produit - v0.1 - 3100</span> Questionnaire d'évaluation : Urbanisation</h1></main>`);
    expect(readPageProductFound(s)).toEqual({ product: P3100, from: 'titre' });
    expect(s.mainHeading).toBe("questionnaire d'evaluation : urbanisation");
    expect(recogniseSignals(s)).toMatchObject({ recognised: true, kind: 'questionnaire-niveaux' });
  });

  it('produit écrit après le titre, séparé par un tiret long : le titre se reconnaît aussi', () => {
    const s = signalsOf(`<main><h1>Questionnaire d'évaluation : Urbanisation — Produit - v0.1 - 3100</h1></main>`);
    expect(readPageProduct(s)).toEqual(P3100);
    expect(recogniseSignals(s)).toMatchObject({ recognised: true, kind: 'questionnaire-niveaux' });
  });

  it('retirer la mention du produit : titre seul, produit seul, sans produit', () => {
    expect(withoutProductMention('Référencement Mon espace santé guidé (nouveau) : Produit - v0.1 - 3100')).toBe('Référencement Mon espace santé guidé (nouveau)');
    expect(withoutProductMention('Dossia iOS Mobile - v3.1 - 4102')).toBe('');
    expect(withoutProductMention('Critères renseignés 12/30')).toBe('Critères renseignés 12/30');
  });
});
