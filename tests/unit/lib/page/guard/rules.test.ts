// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../../components/i18n';
import { problemText } from '../../../../../components/guard/format';
import { recognisePage } from '../../../../../lib/page/by-kind/recognise';
import { belowMinimum, guardedAction, pageQuestionnaire, readShownStatuses } from '../../../../../lib/page/guard';
import { evaluateGuard } from '../../../../../lib/page/by-kind/guard';
import { readPageProduct } from '../../../../../lib/page/read/product';
import { collectSignals } from '../../../../../lib/page/read/signals';
import type { GuardAction, GuardProblem } from '../../../../../lib/page/guard';
import { readQuestionnaire } from '../../../../../lib/page/read/criteria';
import { FICHE_FORM, FICHE_RECAP, LEVELS_A, LEVELS_B, ORIENTATION, RGPD, dossiers, ethique as ETHIQUE_A_B, listA, listB, load } from '../../../support/page-fixtures';

const summary = (ps: GuardProblem[]) => ps.map((p) => `${p.code}:${p.ref}`);

function run(html: string, action: GuardAction = 'valider', remembered?: Parameters<typeof evaluateGuard>[0]['remembered']) {
  const root = load(html);
  const r = recognisePage(document);
  return evaluateGuard({ root, kind: r.recognised ? r.kind : null, action, remembered });
}

beforeEach(() => forceLanguage('fr'));

describe('boutons qui soumettent, reconnus par leur nom visible', () => {
  it('button, input[type=submit], role=button, aria-label ; « Transmettre » seul seulement sur la fiche administrative', () => {
    load(`<main>
      <button>Valider</button><input type="submit" value="Valider"><a href="#" role="button"> Enregistrer et demander validation </a>
      <button aria-label="Candidater">→</button><div role="button">Générer une référence de dossier d’évaluation</div>
      <button>Transmettre la fiche administrative</button><button>Transmettre</button>
      <button>Valider quand même</button><button>Enregistrer comme brouillon</button><a href="/x">Valider</a><span>Valider</span></main>`);
    const els = Array.from(document.querySelectorAll('main > *'));
    expect(els.map((e) => guardedAction(e, 'questionnaire-niveaux'))).toEqual([
      'valider', 'valider', 'demande-validation', 'candidater', 'generer-dossier', 'transmettre-fiche', null, null, null, null, null,
    ]);
    expect(guardedAction(els[6] as Element, 'fiche-administrative')).toBe('transmettre-fiche');
    expect(guardedAction(els[6] as Element, () => 'fiche-administrative')).toBe('transmettre-fiche');
  });
});

describe('questionnaires à niveaux', () => {
  it('balisage a : sous le minimum, obligatoire sans réponse, optionnel sans réponse (signalé comme tel), dans cet ordre', () => {
    const ps = run(LEVELS_A);
    expect(summary(ps)).toEqual(['sous-minimum:A08.5.23', 'non-repondu:A07.1.1', 'option-non-repondu:A06.1.2']);
    const [below, missing] = ps;
    expect(below?.level).toBe('1');
    expect(below?.acceptable).toEqual(['NA', '2', '3']);
    expect((below?.target as HTMLInputElement).checked).toBe(true);
    expect(below?.target?.closest('article')?.querySelector('h3')?.textContent).toContain('A08.5.23');
    expect(missing?.acceptable).toEqual(['2', '3']);
    expect(problemText(below as GuardProblem, 'valider').text).toBe('A08.5.23 — niveau actuel : Niveau 1 ; niveaux acceptables : NA, 2, 3');
    expect(problemText(missing as GuardProblem, 'valider').text).toBe('A07.1.1 — critère obligatoire sans réponse ; niveaux acceptables : 2, 3');
  });

  it('balisage b : échelle Maturité, radios nommées par aria-label, niveau acceptable non signalé', () => {
    const ps = run(LEVELS_B);
    expect(summary(ps)).toEqual(['sous-minimum:04.03', 'option-non-repondu:09.04']);
    expect(ps[0]?.scale).toBe('maturite');
    expect(problemText(ps[0] as GuardProblem, 'valider').text).toBe('04.03 — niveau actuel : Maturité faible ; niveaux acceptables : 2, 3');
  });

  it('« Enregistrer et demander validation » suit les mêmes règles ; une page propre ne donne rien', () => {
    expect(summary(run(LEVELS_A, 'demande-validation'))).toHaveLength(3);
    const root = load(LEVELS_A);
    const pick = (id: string, level: string) => {
      const art = Array.from(root.querySelectorAll('article')).find((a) => a.querySelector('h3')?.textContent?.startsWith(id));
      const label = Array.from(art?.querySelectorAll('label') ?? []).find((l) => l.querySelector('strong')?.textContent === level);
      (label?.querySelector('input') as HTMLInputElement).checked = true;
    };
    pick('A08.5.23', 'Niveau 2');
    pick('A07.1.1', 'Niveau 3');
    pick('A06.1.2', 'Niveau 0');
    expect(evaluateGuard({ root, kind: 'questionnaire-niveaux', action: 'valider' })).toEqual([]);
  });

  it('repères : seuls les critères obligatoires sous le minimum, placés dans leur groupe de niveaux', () => {
    const a = belowMinimum(readQuestionnaire(load(LEVELS_A)));
    expect(a.map((b) => b.id)).toEqual(['A08.5.23']);
    expect(a[0]?.anchor.tagName).toBe('FIELDSET');
    const b = belowMinimum(readQuestionnaire(load(LEVELS_B)));
    expect(b.map((x) => x.id)).toEqual(['04.03']);
    expect(b[0]?.anchor.getAttribute('role')).toBe('radiogroup');
  });
});

describe('Éthique', () => {
  for (const style of ['a', 'b'] as const) {
    it(`balisage ${style} : obligatoire Non conforme, sans réponse, Conforme sans une preuve par type ; Option Non conforme et preuves du producteur acceptées`, () => {
      const ps = run(ETHIQUE_A_B(style));
      expect(summary(ps)).toEqual(['non-conforme:ACC.1.5', 'non-repondu:ETH.1.1', 'preuve-manquante:ACC.1.1']);
      const proof = ps[2] as GuardProblem;
      expect(proof.missing).toEqual(["Rapport d'audit d'accessibilité (ACC.1.1)"]);
      expect((proof.target as HTMLInputElement).type).toBe('file');
      expect(problemText(proof, 'valider').text).toBe("ACC.1.1 — Conforme sans preuve pour : « Rapport d'audit d'accessibilité (ACC.1.1) »");
      expect(problemText(ps[1] as GuardProblem, 'valider').text).toBe('ETH.1.1 — critère sans réponse (Conforme ou Non conforme)');
    });
  }
});

describe('RGPD / Sécurité échanges', () => {
  it('seules les zones sans document (un dépôt confirmé compte)', () => {
    const ps = run(RGPD);
    expect(summary(ps)).toEqual(["document-manquant:Analyse d'impact relative à la Protection des Données - AIPD"]);
    expect((ps[0]?.target as HTMLInputElement).type).toBe('file');
  });
});

describe("questionnaire d'orientation", () => {
  it('questions obligatoires sans réponse, questions révélées comprises ; une case sans astérisque est ignorée', () => {
    const ps = run(ORIENTATION);
    expect(summary(ps)).toEqual(['question-sans-reponse:1.1', 'question-sans-reponse:4', 'question-sans-reponse:5']);
    expect(problemText(ps[0] as GuardProblem, 'valider').text).toBe('Question 1.1 — sans réponse : « Quelle est la classe du dispositif médical ? »');
    expect((ps[2]?.target as HTMLInputElement).id).toBe('q5');
  });
});

describe('fiche administrative', () => {
  it('formulaire : champ obligatoire vide, SIRET refusé ; lecture seule et champ facultatif ignorés', () => {
    const ps = run(FICHE_FORM, 'transmettre-fiche');
    expect(summary(ps)).toEqual(['champ-vide:Forme juridique', 'champ-invalide:SIRET']);
  });
  it('récapitulatif sous la fenêtre de confirmation : « — » est un champ vide', () => {
    const root = load(FICHE_RECAP);
    const buttons = Array.from(root.querySelectorAll('button'));
    expect(guardedAction(buttons.at(-1) as Element, 'fiche-administrative')).toBe('transmettre-fiche');
    const ps = evaluateGuard({ root, kind: 'fiche-administrative', action: 'transmettre-fiche' });
    expect(summary(ps)).toEqual(['champ-vide:Adresse du siège']);
    expect(ps[0]?.target?.tagName).toBe('DD');
  });
});

describe('liste des questionnaires et dossiers', () => {
  const statuses = {
    'Interopérabilité': 'Terminé',
    'Urbanisation': 'À compléter',
    'Maturité Sécurité': 'Terminé (modifications non validées)',
    'Éthique Mon espace santé': 'Brouillon',
    'RGPD Mon espace santé': 'À compléter',
    'Sécurité Mon espace santé pour les échanges de données': 'Non applicable',
  };

  it('lit les statuts en tableau (a) et en cartes (b)', () => {
    const a = readShownStatuses(load(listA(statuses)));
    expect(a.map((s) => `${s.questionnaire}:${s.termine}:${s.applicable}`)).toEqual([
      'interoperabilite:true:true', 'urbanisation:false:true', 'securite:true:true', 'ethique:false:true', 'rgpd:false:true',
      'securite-echanges:false:false', 'orientation:true:true',
    ]);
    expect(a[1]?.count).toEqual({ done: 2, total: 9 });
    expect(a[1]?.action?.textContent).toBe('Editer');
    const b = readShownStatuses(load(listB(statuses)));
    expect(b.map((s) => s.questionnaire)).toEqual(['interoperabilite', 'urbanisation', 'securite', 'ethique', 'rgpd', 'securite-echanges']);
    expect(b[1]?.action?.textContent).toBe('Démarrer');
  });

  it('« Générer une référence… » : Interopérabilité, Urbanisation, Maturité Sécurité ; « Candidater » : tout questionnaire applicable', () => {
    for (const html of [listA(statuses), listB(statuses)]) {
      const root = load(html);
      expect(summary(evaluateGuard({ root, kind: 'liste-questionnaires', action: 'generer-dossier' }))).toEqual(['questionnaire-non-termine:Urbanisation']);
      expect(summary(evaluateGuard({ root, kind: 'liste-questionnaires', action: 'candidater' }))).toEqual([
        'questionnaire-non-termine:Urbanisation', 'questionnaire-non-termine:Éthique Mon espace santé', 'questionnaire-non-termine:RGPD Mon espace santé',
      ]);
    }
    const root = load(listA(statuses));
    const p = evaluateGuard({ root, kind: 'liste-questionnaires', action: 'generer-dossier' })[0] as GuardProblem;
    expect(problemText(p, 'generer-dossier').text).toBe('Urbanisation — statut « À compléter » (2/9)');
    const all = Object.fromEntries(Object.keys(statuses).map((k) => [k, 'Terminé']));
    expect(evaluateGuard({ root: load(listA(all)), kind: 'liste-questionnaires', action: 'candidater' })).toEqual([]);
  });

  it('page des dossiers : statuts retenus de la liste, dossier candidat à choisir ; sans statut connu, rien n’est inventé', () => {
    const remembered = readShownStatuses(load(listA(statuses)));
    load(dossiers(false));
    // La clé des statuts retenus est le produit lu par le seul lecteur de produit.
    expect(readPageProduct(collectSignals(document))).toEqual({ name: 'Produit', version: 'v0.1', number: '3100' });
    expect(summary(run(dossiers(true), 'candidater', remembered))).toEqual([
      'questionnaire-non-termine:Urbanisation', 'questionnaire-non-termine:Éthique Mon espace santé', 'questionnaire-non-termine:RGPD Mon espace santé',
    ]);
    const ps = run(dossiers(false), 'candidater');
    expect(summary(ps)).toEqual(['dossier-non-choisi:Mon dossier candidat']);
    expect(ps[0]?.target?.tagName).toBe('SELECT');
    expect(run(dossiers(true), 'candidater')).toEqual([]);
    expect(run(dossiers(true), 'generer-dossier')).toEqual([]);
  });
});

describe('pages sans règle', () => {
  it('« Valider » d’une page non reconnue ou sans règle passe', () => {
    expect(run('<main><h1>Une page inconnue</h1><button>Valider</button></main>')).toEqual([]);
  });
});

describe('minimum connu par la bibliothèque quand la page ne l\'affiche pas', () => {
  const PAGE = `<main><h1>Questionnaire d'évaluation : Maturité Sécurité</h1>
    <article><h3>04.03 Identification électronique des patients</h3>
      <fieldset><legend>Niveau</legend>
        <label><input type="radio" name="n" checked> Niveau 1 : …</label><label><input type="radio" name="n"> Niveau 2 : …</label></fieldset></article>
    <button>Valider</button></main>`;

  it('sans catalogue : nature et minimum inconnus, le niveau 1 passe ; avec : arrêté, et la source est dite', () => {
    const root = load(PAGE);
    const kind = 'questionnaire-niveaux' as const;
    expect(summary(evaluateGuard({ root, kind, action: 'valider' }))).toEqual([]);
    const known = new Map([['04.03', { acceptableLevels: ['2', '3'] as ('2' | '3')[], obligation: 'obligation' as const }]]);
    const problems = evaluateGuard({ root, kind, action: 'valider', known });
    expect(summary(problems)).toEqual(['sous-minimum:04.03']);
    expect(problemText(problems[0]!, 'valider').text).toContain('2, 3 (d’après votre bibliothèque : la page ne l’affiche pas)');
  });

  it('le questionnaire de la page se lit à son titre, sans relire les critères', () => {
    expect(pageQuestionnaire(load(PAGE))).toBe('securite');
    expect(pageQuestionnaire(load(PAGE.replace('Maturité Sécurité', 'Interopérabilité')))).toBe('interoperabilite');
  });

  it('ce que la page affiche l\'emporte sur la bibliothèque', () => {
    const root = load(PAGE.replace('<fieldset>', '<p>Obligation</p><p>Niveau minimum requis : Niveau 1</p><fieldset>'));
    const known = new Map([['04.03', { acceptableLevels: ['3'] as '3'[], obligation: 'obligation' as const }]]);
    expect(summary(evaluateGuard({ root, kind: 'questionnaire-niveaux', action: 'valider', known }))).toEqual([]);
  });
});
