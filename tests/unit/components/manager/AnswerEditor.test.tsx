// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import { saveAuthorName } from '../../../../components/manager/author-name';
import type { Repository } from '../../../../lib/db/repository';
import { freshRepo, snapshot } from '../../support/db';
import { byLabel, byText, cleanup, click, field, mount, refocus, root, status, type, waitFor } from '../../support/manager';

// L'éditeur des réponses rendu dans jsdom, branché sur les vrais gestionnaires et une base fake-indexeddb.

let repo: Repository;

beforeAll(() => forceLanguage('fr'));

beforeEach(async () => {
  ({ repo } = freshRepo());
  await repo.createProduct({ id: 'p', name: 'P', version: '1', type: 'socle', responsable: 'r', description: 'd' }, 't');
  await repo.learnCriteria(
    [
      { questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur de documents CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] },
      { questionnaire: 'interoperabilite', id: 'A06.1.1', title: 'Utilisation du CI-SIS', obligation: 'option', acceptableLevels: [] },
    ],
    { kind: 'page', ref: 'Interopérabilité', at: '2025-03-01T10:00:00.000Z' },
    't',
  );
  await repo.saveAnswers(
    'p',
    '',
    [
      { questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: { kind: 'niveau', level: '2' }, comment: 'Affichage prévu en v3', validUntil: '2025-01-31' },
      { questionnaire: 'interoperabilite', criterionId: 'A06.1.1', value: { kind: 'niveau', level: '1' }, comment: 'Voir la v3' },
    ],
    { kind: 'page', ref: 'Questionnaire Interopérabilité', at: '2025-03-01T10:00:00.000Z' },
    { kind: 'capture', label: 'Capture depuis « Questionnaire Interopérabilité »', author: 'Assistant Convergence (page)' },
  );
  // Sans nom donné par la page : l'auteur par défaut, puis « Votre nom » des réglages.
  await mount(repo, { author: null });
});

afterEach(async () => {
  cleanup();
  await saveAuthorName('');
});

const stored = async (id: string) => (await repo.answersOfScope('p', '')).find((a) => a.criterionId === id)!;

async function openProduct() {
  await click(await waitFor(() => byText('nav button', /^P 1/), 'produit dans la liste'));
  await waitFor(() => byLabel('Modifier la réponse à A08.5.23'), 'bouton Modifier');
}

describe('modifier les réponses dans le gestionnaire (rendu)', () => {
  it('niveaux acceptables montrés, « sous le minimum » signalé dès le choix, enregistré puis annulé ; le focus revient au bouton', async () => {
    await openProduct();
    await click(byLabel('Modifier la réponse à A08.5.23'));
    const heading = await waitFor(() => byText('h4', 'Modifier la réponse à A08.5.23'), 'éditeur');
    await waitFor(() => document.activeElement === heading, 'focus sur le titre de l\'éditeur');
    expect(byText('p', 'Niveaux acceptables : NA, 2, 3')).toBeTruthy();
    expect(field(/Niveau 3/).checked === false && field(/Niveau 2/).checked).toBe(true);
    expect(byText('label', /Niveau 2/)?.textContent).toContain('acceptable');

    const before = await snapshot(repo);
    await click(field(/^Niveau 1$/));
    const flag = root.querySelector('.mgr-answer-editor [aria-live="polite"]')!;
    expect(flag.textContent).toBe('Niveau 1 : sous le niveau minimum de ce critère obligatoire (niveaux acceptables : NA, 2, 3) ; il bloquera la validation.');
    // Le repère est relié au groupe de boutons (lu avec lui) et rien n'est écrit avant « Enregistrer ».
    expect(root.querySelector('.mgr-answer-editor fieldset')?.getAttribute('aria-describedby')).toContain(flag.id);
    expect(await snapshot(repo)).toBe(before);

    await click(field(/Niveau 3/));
    expect(flag.textContent).toBe('');
    await type(field('Commentaire'), 'Affiché depuis la v3');
    await type(field("Valide jusqu'au"), '2027-01-31');
    await click(field(/Commentaire confidentiel/));
    await click(byText('button', 'Enregistrer'));
    await waitFor(() => status() === 'Réponse à A08.5.23 enregistrée. Commentaire de A08.5.23 marqué confidentiel.', 'annonce');
    expect(await stored('A08.5.23')).toMatchObject({ value: { kind: 'niveau', level: '3' }, comment: 'Affiché depuis la v3', validUntil: '2027-01-31', author: 'Page de gestion des bibliothèques', provenance: { kind: 'saisie' } });
    await waitFor(() => document.activeElement === byLabel('Modifier la réponse à A08.5.23'), 'focus rendu au bouton');
    await waitFor(() => byText('td', /Affiché depuis la v3/), 'tableau relu');

    await click(byText('button', 'Annuler la dernière opération'));
    await waitFor(() => status() === 'Opération annulée : Modification de la réponse A08.5.23 (gestionnaire).', 'annulation');
    expect(await stored('A08.5.23')).toMatchObject({ value: { level: '2' }, comment: 'Affichage prévu en v3', validUntil: '2025-01-31' });
  });

  it("variante : la réponse héritée de la famille devient la surcharge de la variante ; « Sans réponse » n'est pas proposé", async () => {
    await repo.createVariant({ id: 'v', productId: 'p', os: 'ios', device: 'mobile' }, 't');
    // Retour sur la page : la liste est relue.
    await refocus();
    await click(await waitFor(() => byText('nav button', /iOS Mobile/), 'variante dans la liste'));
    await click(await waitFor(() => byLabel('Modifier la réponse à A08.5.23'), 'bouton Modifier'));
    await waitFor(() => root.querySelector('.mgr-answer-editor'));
    expect(byText('p', "Réponse héritée de la famille : l'enregistrer crée la réponse propre de cette variante.")).toBeTruthy();
    expect(byText('.mgr-answer-editor label', 'Sans réponse')).toBeUndefined();
    await click(field(/Niveau 3/));
    await click(byText('button', 'Enregistrer'));
    await waitFor(() => status() === 'Réponse propre à A08.5.23 créée pour cette portée.', 'surcharge créée');
    expect((await repo.answersOfScope('p', 'v')).map((a) => [a.criterionId, a.value, a.comment])).toEqual([['A08.5.23', { kind: 'niveau', level: '3' }, 'Affichage prévu en v3']]);
    expect((await stored('A08.5.23')).value).toEqual({ kind: 'niveau', level: '2' });
    await waitFor(() => byText('td', /^Variante/), 'ligne relue : réponse propre à la variante');
  });

  it('Échap ferme sans rien écrire', async () => {
    await openProduct();
    await click(byLabel('Modifier la réponse à A06.1.1'));
    const form = await waitFor(() => root.querySelector<HTMLFormElement>('.mgr-answer-editor'));
    const before = await snapshot(repo);
    await type(field('Commentaire'), 'brouillon');
    await act(() => void form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(root.querySelector('.mgr-answer-editor')).toBeNull();
    await waitFor(() => document.activeElement === byLabel('Modifier la réponse à A06.1.1'), 'focus rendu');
    expect(await snapshot(repo)).toBe(before);
  });

  it('historique : qui, quand, avant → après, provenance ; « Restaurer cette valeur » ; « Votre nom » devient l\'auteur', async () => {
    await click(await waitFor(() => byText('nav button', 'Réglages')));
    await type(field('Nom noté dans le journal'), '  Alice Martin ');
    await click(byText('button', 'Enregistrer le nom'));
    await waitFor(() => status() === 'Nom enregistré : « Alice Martin ».', 'nom enregistré');

    await openProduct();
    await click(byLabel('Modifier la réponse à A08.5.23'));
    await waitFor(() => root.querySelector('.mgr-answer-editor'));
    await type(field('Commentaire'), 'Nouveau commentaire');
    await click(byText('button', 'Enregistrer'));
    await waitFor(() => status() === 'Réponse à A08.5.23 enregistrée.', 'enregistré');
    expect((await stored('A08.5.23')).author).toBe('Alice Martin');

    await click(byLabel('Historique de A08.5.23'));
    const table = await waitFor(() => root.querySelector<HTMLTableElement>('.mgr-answer-history table'), 'historique');
    const rows = [...table.querySelectorAll(':scope > tbody > tr')];
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent))).toEqual([
      ['Alice Martin', 'Modification de la réponse A08.5.23 (gestionnaire)'],
      ['Assistant Convergence (page)', 'Capture depuis « Questionnaire Interopérabilité »'],
    ]);
    expect(rows[0]!.textContent).toContain('« Affichage prévu en v3 »');
    expect(rows[0]!.textContent).toContain('« Nouveau commentaire »');
    expect(rows[1]!.textContent).toContain('Capturé depuis la page « Questionnaire Interopérabilité »');
    expect(rows[0]!.textContent).toContain('valeur en vigueur');
    const restore = rows[1]!.querySelector('button')!;
    expect(restore.getAttribute('aria-label')).toMatch(/^Restaurer cette valeur du .+ \(Niveau 2 — « Affichage prévu en v3 » — valide jusqu'au .+\)$/);
    await click(restore);
    await waitFor(() => /^Valeur du .+ restaurée pour A08\.5\.23\.$/.test(status()), 'restauré');
    expect(await stored('A08.5.23')).toMatchObject({ comment: 'Affichage prévu en v3', author: 'Alice Martin' });
    await waitFor(() => table.isConnected && table.querySelectorAll(':scope > tbody > tr').length === 3, 'historique relu');
  });

  it('en lot : filtre, tout sélectionner, aperçu avant → après, UNE opération annulée d\'un coup', async () => {
    await openProduct();
    await click(byText('button', 'Modifier plusieurs réponses…'));
    await waitFor(() => byText('h3', 'Modifier plusieurs réponses'));
    // Niveau 1 sur une option sans minimum n'est pas « sous le minimum » ; Niveau 2 est acceptable pour A08.5.23.
    await click(field('Sous le minimum'));
    expect(byText('p', /^0 critère\(s\) correspondent/)).toBeTruthy();
    await click(field('Sous le minimum'));
    await type(field('Rechercher (identifiant, intitulé, commentaire)'), 'v3');
    await waitFor(() => byText('p', '2 critère(s) correspondent au filtre, 0 sélectionné(s).'));

    const before = await snapshot(repo);
    await click(byText('button', 'Aperçu des changements'));
    expect(byText('p', 'Sélectionnez au moins un critère.')).toBeTruthy();
    await click(byText('button', 'Sélectionner les 2 critère(s) filtrés'));
    await type(field('Date de revue'), '2027-06-30');
    await click(byText('button', 'Aperçu des changements'));
    const heading = await waitFor(() => byText('h4', '2 changement(s) à appliquer'), 'aperçu');
    await waitFor(() => document.activeElement === heading, 'focus sur l\'aperçu');
    const rows = [...root.querySelectorAll('.mgr-bulk .mgr-preview tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['A06.1.1', "Valide jusqu'au", '(vide)', '30/06/2027'],
      ['A08.5.23', "Valide jusqu'au", '31/01/2025', '30/06/2027'],
    ]);
    expect(await snapshot(repo)).toBe(before);

    await click(byText('button', 'Appliquer les 2 changement(s)'));
    await waitFor(() => status() === '2 réponse(s) modifiée(s) en une opération (annulable).', 'appliqué');
    expect([(await stored('A06.1.1')).validUntil, (await stored('A08.5.23')).validUntil]).toEqual(['2027-06-30', '2027-06-30']);
    await waitFor(() => byText('#mgr-next-undo', /Modification en lot : valide jusqu'au 30\/06\/2027 \(2 réponse\(s\)\)/), 'opération annoncée');
    await click(byText('button', 'Annuler la dernière opération'));
    await waitFor(() => status().startsWith('Opération annulée : Modification en lot'), 'annulation');
    expect([(await stored('A06.1.1')).validUntil, (await stored('A08.5.23')).validUntil]).toEqual([undefined, '2025-01-31']);
  });

  it('produit venu d\'un paquet producteur : lecture seule, rien à modifier', async () => {
    await repo.db.packages.add({
      id: 'pk1', opId: 'op-inconnue', producerProductId: 'p', distributorProductIds: [], fingerprint: 'f', convergenceNumber: '2726', sequence: 1,
      producerName: 'Producteur SAS', createdAt: '2025-01-01', importedAt: '2025-01-02', fileName: 'p.convergence-paquet', sha256: 'x', bytes: new Uint8Array(), changed: [],
    });
    await click(await waitFor(() => byText('nav button', /^P 1/)));
    await waitFor(() => byText('p', /^Lecture seule : Ce produit vient d'un paquet producteur/), 'lecture seule');
    expect(byLabel('Modifier la réponse à A08.5.23')).toBeUndefined();
    expect(byText('button', 'Modifier plusieurs réponses…')).toBeUndefined();
    expect(byLabel('Historique de A08.5.23')).toBeTruthy();
  });
});
