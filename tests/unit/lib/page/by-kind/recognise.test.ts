// @vitest-environment jsdom
import { pageTextOf } from '../../../../../components/page-strings';
import { describe, expect, it } from 'vitest';
import { recognisePage } from '../../../../../lib/page/by-kind/recognise';
import type { PageKind } from '../../../../../lib/page/model/kinds';

/** Pages minimales écrites d'après le guide ANS (textes visibles seulement, aucune classe). */
const PAGES: Record<PageKind, string> = {
  'tableau-de-bord': `<main><h1>Tableau de bord</h1><h2>Les parcours</h2><p>Sélectionnez le parcours qui répond à votre besoin</p></main>`,
  parcours: `<main><h1>Mon espace santé</h1><h2>Qu’est-ce que Mon espace santé ?</h2><h2>La démarche</h2><h3>Référencement guidé</h3></main>`,
  'produit-formulaire': `<main><nav aria-label="Fil d'Ariane">Vos produits > Votre catalogue produits > Ajouter un nouveau produit</nav><h1>Ajouter un nouveau produit</h1><label>Nom du produit *<input></label></main>`,
  'produit-fiche': `<main><h1>Produit - v0.1 - 2726</h1><button>Exporter la fiche produit</button><h2>Mon espace santé</h2><button>Commencer</button></main>`,
  'marque-blanche': `<main><h1>Produit - v0.1 - 2726</h1><button>Exporter la fiche produit</button></main><div role="dialog" aria-modal="true"><h2>Marque blanche</h2><p>Souhaitez-vous évaluer votre produit en tant qu'éditeur producteur ou éditeur distributeur d'une solution en marque blanche ? *</p><button>Valider</button></div>`,
  demarche: `<main><h1>Référencement Mon espace santé guidé (nouveau) : Produit - v0.1 - 3100</h1><p>Fiche administrative A compléter</p><p>Convention -</p><p>Questionnaires -</p><button>Démarrer</button></main>`,
  'fiche-administrative': `<main><h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1><h2>1. Informations du produit</h2><h2>2. Description de la structure porteuse du produit</h2><label>Dénomination ou raison sociale *<input></label></main>`,
  convention: `<main><h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1><p>Étape 1 Fiche administrative (complétée)</p><p>En attente d'envoi de la convention par les vérificateurs MES</p></main>`,
  'liste-questionnaires': `<main><h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1><h2>Questionnaire d'orientation</h2><p>Questions obligatoires renseignées 0/21</p><h3>Interopérabilité</h3><p>Critères renseignés 0/3</p><h3>Urbanisation</h3><h3>Maturité Sécurité</h3></main>`,
  orientation: `<main><h1>Questionnaire d'orientation</h1><h2>Généralités</h2><p>4. Pour quelle architecture du service sollicitez-vous un référencement à Mon Espace Santé ? *</p><p>0/22 questions obligatoires répondues</p></main>`,
  'questionnaire-niveaux': `<main><h1>Questionnaire d'évaluation : Interopérabilité</h1><h2>A06.1 Référentiel d'interopérabilité (généralités)</h2><p>Sélectionnez le niveau de maturité de votre produit</p></main>`,
  ethique: `<main><h1>Questionnaire d’évaluation : Éthique Mon espace santé</h1></main>`,
  rgpd: `<main><h1>Questionnaire d'évaluation : RGPD Mon espace santé</h1></main>`,
  'securite-echanges': `<main><h1>Questionnaire d'évaluation : Sécurité Mon espace santé pour les échanges de données</h1></main>`,
  resultats: `<main><h1>Résultats de l'évaluation : Interopérabilité</h1></main>`,
  dossier: `<main><h1>Gérez vos dossiers d'évaluation</h1><button>Générer une référence de dossier d'évaluation</button><h2>Mon dossier candidat</h2></main>`,
  notifications: `<main><h1>Vos notifications</h1><table><tr><th>Émetteur</th></tr></table></main>`,
};

function load(html: string): Document {
  const doc = document.implementation.createHTMLDocument('Convergence');
  // Document de test construit à partir de HTML statique écrit ci-dessus (pas de données).
  doc.body.append(...Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes));
  return doc;
}

describe('reconnaissance du type de page', () => {
  for (const [kind, html] of Object.entries(PAGES)) {
    it(`reconnaît « ${kind} »`, () => {
      const r = recognisePage(load(html));
      expect(r.recognised, JSON.stringify(r)).toBe(true);
      if (r.recognised) expect(r.kind).toBe(kind);
    });
  }

  it('dit clairement quand une page est inconnue, en citant son titre', () => {
    const r = recognisePage(load('<main><h1>Mentions légales</h1><p>Texte.</p></main>'));
    expect(r.recognised).toBe(false);
    if (!r.recognised) expect(pageTextOf(r.reason)).toBe('Page non reconnue : le titre « Mentions légales » ne correspond à aucune page Convergence connue.');
  });

  it('reconnaît la convention à son fil d\'Ariane quand aucun statut n\'est affiché', () => {
    const r = recognisePage(load(`<nav aria-label="Fil d'Ariane"><ol><li>Mon espace santé</li><li>Produit - v0.1 - 3100</li><li>Convention</li></ol></nav><main><h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1><h2>Convention</h2><p>Convention non disponible</p></main>`));
    expect(r.recognised && r.kind).toBe('convention');
  });

  it('ignore une fenêtre modale fermée (attribut hidden)', () => {
    const html = PAGES['marque-blanche'].replace('role="dialog"', 'role="dialog" hidden');
    const r = recognisePage(load(html));
    expect(r.recognised && r.kind).toBe('produit-fiche');
  });

  it('ne se fie ni aux classes ni aux URL : mêmes textes, autre balisage', () => {
    const html = `<div role="main"><div role="heading" aria-level="1">Questionnaire d'évaluation : Maturité Sécurité</div><span class="x-9">04.03</span></div>`;
    const r = recognisePage(load(html));
    expect(r.recognised && r.kind).toBe('questionnaire-niveaux');
  });
});
