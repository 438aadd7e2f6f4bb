// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import type { Repository } from '../../../../lib/db/repository';
import { freshRepo, snapshot, workbook } from '../../support/db';
import { alertText, byText, choose, cleanup, click, field, mount, refocus, root, setFile, status, type, waitFor } from '../../support/manager';

// Le gestionnaire rendu dans jsdom, branché sur les vrais gestionnaires de messages et une base fake-indexeddb.

let repo: Repository;
/** Avance l'horloge de la base (les dates de modification changent d'un enregistrement à l'autre). */
let tick: (ms?: number) => void;

beforeAll(() => forceLanguage('fr'));

beforeEach(async () => {
  ({ repo, tick } = freshRepo());
  await mount(repo);
});

afterEach(cleanup);

describe('gestionnaire des bibliothèques (rendu)', () => {
  it('refuse un produit incomplet (erreurs reliées aux champs, rien écrit), puis le crée et le sélectionne', async () => {
    await click(byText('button', 'Nouveau produit'));
    const before = await snapshot(repo);
    await click(byText('button', 'Créer le produit'));
    const name = field('Nom du produit');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('« Nom du produit » est obligatoire.');
    await waitFor(() => document.activeElement === name, 'focus sur le premier champ en erreur');
    expect(await snapshot(repo)).toBe(before);

    await type('Nom du produit', 'Produit');
    await type('Version', 'v0.1');
    await click(root.querySelector<HTMLInputElement>('input[type="radio"][value="option"]') ?? undefined);
    await type('Responsable', 'PierrePierre Durand');
    await type('Description de produit', 'Démonstration');
    await type('N° Convergence', '31a');
    await click(byText('button', 'Créer le produit'));
    expect(field('N° Convergence').getAttribute('aria-invalid')).toBe('true');
    await type('N° Convergence', '3100');
    await click(byText('button', 'Créer le produit'));

    await waitFor(() => status() === 'Produit « Produit » créé.', 'annonce');
    const [entry] = await repo.listProducts();
    expect(entry?.product).toMatchObject({ name: 'Produit', version: 'v0.1', type: 'option', convergenceNumber: '3100', role: { kind: 'nominal' } });
    const heading = await waitFor(() => document.getElementById('mgr-view-heading'));
    expect(heading.textContent).toContain('Produit');
    await waitFor(() => document.activeElement === heading, 'focus sur le titre du produit');
    expect(byText('nav button', /^Produit v0\.1/)?.getAttribute('aria-current')).toBe('page');
  });

  it('distributeur : le producteur se choisit dans la bibliothèque', async () => {
    await repo.createProduct({ id: 'prod', name: 'Solution blanche', version: '1', type: 'socle', responsable: 'r', description: 'd', role: { kind: 'producteur' } }, 't');
    await refocus();
    await waitFor(() => byText('nav button', /^Solution blanche/), 'liste relue');
    await click(byText('button', 'Nouveau produit'));
    await click(root.querySelector<HTMLInputElement>('input[value="distributeur"]') ?? undefined);
    const select = await waitFor(() => root.querySelector<HTMLSelectElement>('select[id$="-producteur"]'));
    expect([...select.options].map((o) => o.textContent)).toEqual(['— Choisir dans la bibliothèque —', 'Solution blanche 1 (Éditeur producteur)']);
    await type('Nom du produit', 'Revendeur');
    await type('Version', '2');
    await click(root.querySelector<HTMLInputElement>('input[value="socle"]') ?? undefined);
    await type('Responsable', 'A');
    await type('Description de produit', 'B');
    await click(byText('button', 'Créer le produit'));
    expect(select.getAttribute('aria-invalid')).toBe('true');
    await choose(select, 'prod');
    await click(byText('label', /pour le compte d'un tiers/)?.querySelector('input') ?? undefined);
    await click(byText('button', 'Créer le produit'));
    await waitFor(() => status().startsWith('Produit « Revendeur » créé'), 'création');
    const created = (await repo.listProducts()).find((e) => e.product.name === 'Revendeur');
    expect(created?.product.role).toEqual({ kind: 'distributeur', producerProductId: 'prod', forThirdParty: true });
    expect(byText('nav button', /^Revendeur/)?.textContent).toContain('Éditeur distributeur de « Solution blanche »');
  });

  it('onglets : motif ARIA, flèches et Début/Fin', async () => {
    await repo.createProduct({ id: 'p', name: 'P', version: '1', type: 'socle', responsable: 'r', description: 'd' }, 't');
    await refocus();
    await click(await waitFor(() => byText('nav button', /^P 1/)));
    const tabs = await waitFor(() => [...root.querySelectorAll<HTMLElement>('[role="tab"]')]);
    expect(tabs.map((x) => x.textContent)).toEqual(['Réponses', 'Préparation', 'Dossier', 'Comparer', 'Preuves', 'Import / export', 'Produit']);
    expect(tabs.map((x) => x.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
    const list = root.querySelector('[role="tablist"]')!;
    await act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    const selected = () => root.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
    expect(selected()).toBe('Produit');
    await act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
    expect(selected()).toBe('Réponses');
    const panel = root.querySelector('[role="tabpanel"]')!;
    expect(document.getElementById(panel.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Réponses');
  });

  it('import : aperçu sans écriture, « Importer », réponses groupées avec provenance ; un mauvais fichier va dans l\'alerte', async () => {
    await repo.createProduct({ id: 'p', name: 'P', version: '1', type: 'socle', responsable: 'r', description: 'd' }, 't');
    await refocus();
    await click(await waitFor(() => byText('nav button', /^P 1/)));
    await click(await waitFor(() => byText('[role="tab"]', 'Import / export')));

    const input = await waitFor(() => root.querySelector<HTMLInputElement>('input[type="file"]'));
    await setFile(input, 'faux.xlsx', 'pas un classeur');
    const before = await snapshot(repo);
    await click(byText('button', "Prévisualiser l'import"));
    await waitFor(() => alertText().includes("Fichier « faux.xlsx » : ce n'est pas un classeur"), 'alerte');
    expect(root.querySelector('[role="alert"]')?.hasAttribute('hidden')).toBe(false);
    expect(await snapshot(repo)).toBe(before);

    const book = workbook([
      { name: 'Interopérabilité', rows: [['ID', 'Critère', 'Obligation/Option', 'Niveaux acceptables', 'Réponse'], ['A08.5.23', 'CDA', 'Obligation', 'NA, 2, 3', 'Niveau 2']] },
    ]);
    await setFile(input, 'suivi.xlsx', book);
    await click(byText('button', "Prévisualiser l'import"));
    const heading = await waitFor(() => byText('h4', "Aperçu de l'import de « suivi.xlsx »"), 'aperçu');
    await waitFor(() => document.activeElement === heading, 'focus sur l\'aperçu');
    expect(alertText()).toBe('');
    const dd = (label: string) => byText('.mgr-counts div', new RegExp(`^${label}`))?.querySelector('dd')?.textContent;
    expect(dd('Nouvelles réponses')).toBe('1');
    expect(dd('Réponses en conflit')).toBe('0');
    expect(await snapshot(repo)).toBe(before);

    await click(byText('button', 'Importer'));
    await waitFor(() => status().startsWith('Import de « suivi.xlsx » terminé : 1 réponse(s) nouvelle(s)'), 'import');
    expect((await repo.answersOfProduct('p')).map((a) => a.criterionId)).toEqual(['A08.5.23']);
    expect(byText('#mgr-next-undo', /Import de « suivi\.xlsx »/)).toBeTruthy();

    await click(byText('[role="tab"]', 'Réponses'));
    const table = await waitFor(() => byText('table', /A08\.5\.23/), 'tableau des réponses');
    expect(table.querySelector('caption')?.textContent).toBe('Réponses du questionnaire Interopérabilité');
    const row = table.querySelector('tbody tr')!;
    expect(row.textContent).toContain('Niveau 2');
    expect(row.textContent).toContain('Famille');
    expect(row.textContent).toContain('Importé du fichier « suivi.xlsx');

    await click(byText('button', 'Annuler la dernière opération'));
    await waitFor(() => status() === 'Opération annulée : Import de « suivi.xlsx ».', 'annulation');
    await waitFor(() => byText('p', /^Aucune réponse\./), 'réponses retirées');
    expect(await repo.answersOfProduct('p')).toEqual([]);
  });

  it('onglet « Produit » : modifier la fiche (n° Convergence effacé), ajouter puis supprimer une variante', async () => {
    await repo.createProduct({ id: 'p', name: 'P', version: '1', type: 'socle', responsable: 'r', description: 'd', convergenceNumber: '3100' }, 't');
    await refocus();
    await click(await waitFor(() => byText('nav button', /^P 1/)));
    await click(await waitFor(() => byText('[role="tab"]', 'Produit')));
    await waitFor(() => root.querySelector('#mgr-fiche-produit'));
    expect(field('N° Convergence').value).toBe('3100');
    await type('Nom du produit', 'Patient Connect');
    await type('N° Convergence', '');
    tick();
    await click(byText('button', 'Enregistrer le produit'));
    await waitFor(() => status() === 'Produit « Patient Connect » enregistré.', 'enregistrement');
    await waitFor(() => document.activeElement?.id === 'mgr-fiche-produit', 'focus sur la fiche après enregistrement');
    const [entry] = await repo.listProducts();
    expect(entry?.product.name).toBe('Patient Connect');
    expect(entry?.product.convergenceNumber).toBeUndefined();

    await click(byText('button', 'Ajouter une variante OS'));
    const os = await waitFor(() => root.querySelector<HTMLSelectElement>('#nouvelle-variante-os'));
    await choose(os, 'autre');
    await click(byText('button', 'Ajouter la variante'));
    expect(field("Nom de l'OS").getAttribute('aria-invalid')).toBe('true');
    await type("Nom de l'OS", 'Windows');
    const device = root.querySelector<HTMLSelectElement>('#nouvelle-variante-appareil')!;
    await choose(device, 'site-web');
    expect(byText('p', /^Nom ANS/)?.textContent).toBe('Nom ANS : Patient Connect Windows Site Web');
    await click(byText('button', 'Ajouter la variante'));
    await waitFor(() => status() === 'Variante « Patient Connect Windows Site Web » ajoutée.', 'variante');
    expect(byText('nav button', 'Patient Connect Windows Site Web')?.getAttribute('aria-current')).toBe('page');

    await click(await waitFor(() => byText('[role="tab"]', 'Variante')));
    await click(await waitFor(() => byText('button', 'Supprimer cette variante…')));
    await waitFor(() => document.activeElement?.textContent === 'Confirmer la suppression', 'focus sur la confirmation');
    await click(byText('button', 'Garder'));
    await waitFor(() => document.activeElement?.textContent === 'Supprimer cette variante…', 'focus rendu au bouton');
    await click(byText('button', 'Supprimer cette variante…'));
    await click(await waitFor(() => byText('button', 'Confirmer la suppression')));
    await waitFor(() => status().startsWith('Variante « Patient Connect Windows Site Web » supprimée'), 'suppression');
    expect((await repo.listProducts())[0]?.variants).toEqual([]);
  });

  it('fiche administrative : SIRET vérifié, extra rangés par libellé', async () => {
    await click(byText('button', 'Fiche administrative'));
    await waitFor(() => root.querySelector('#entreprise-denomination'));
    await type('Dénomination ou raison sociale', 'Santé SAS');
    await type('SIRET', '123');
    await click(byText('button', 'Enregistrer la fiche administrative'));
    expect(field('SIRET').getAttribute('aria-invalid')).toBe('true');
    expect(await repo.getCompany()).toBeUndefined();
    await type('SIRET', '123 456 789 01234');
    tick();
    await type('Fonction', 'Présidente');
    await click(byText('button', 'Enregistrer la fiche administrative'));
    await waitFor(() => status() === 'Fiche administrative enregistrée.', 'enregistrement');
    await waitFor(() => document.activeElement?.id === 'mgr-view-heading', 'focus sur le titre après enregistrement');
    expect(await repo.getCompany()).toMatchObject({ denomination: 'Santé SAS', siret: '12345678901234', extra: { Fonction: 'Présidente' } });
  });
});
