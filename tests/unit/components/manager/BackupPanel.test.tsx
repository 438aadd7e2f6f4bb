// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import type { Repository } from '../../../../lib/db/repository';
import { freshRepo, level, PROV, seedProduct, snapshot } from '../../support/db';
import { alertText, byText, captureDownloads, cleanup, click, mount, root, setFile, status, waitFor } from '../../support/manager';

// Le gestionnaire dans jsdom, sur les vrais gestionnaires de messages : sauvegarde, aperçu vérifié, restauration.

let repo: Repository;
let downloads: { name: string; blob: Blob }[];

beforeEach(() => {
  forceLanguage('fr');
  ({ repo } = freshRepo());
  downloads = captureDownloads();
});

afterEach(() => {
  cleanup();
  forceLanguage(undefined);
});

async function openLibrary() {
  await click(await waitFor(() => byText('nav button', 'Import, export et historique'), 'navigation'));
  await waitFor(() => byText('h3', 'Sauvegarde complète'), 'section sauvegarde');
}

describe('gestionnaire : sauvegarde complète et restauration', () => {
  it("télécharge une sauvegarde, la vérifie, montre l'aperçu au clavier, restaure ; dit jusqu'où l'annulation remonte", async () => {
    await seedProduct(repo, 'p1');
    await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2') }], PROV, { kind: 'saisie', label: 'Saisie', author: 'x' });
    await mount(repo);
    await openLibrary();
    expect(await waitFor(() => byText('p', /^L'annulation remonte jusqu'au .+ \(2 opération\(s\)\)\.$/), 'portée de l\'annulation')).toBeTruthy();
    expect(byText('p', /Le journal garde au plus 500 opérations et 200 Mo/)).toBeTruthy();

    await click(byText('button', 'Télécharger une sauvegarde complète'));
    await waitFor(() => status().startsWith('Sauvegarde « assistant-convergence-sauvegarde-'), 'annonce');
    expect(downloads).toHaveLength(1);
    const backup = downloads[0]!;
    expect(backup.name).toMatch(/^assistant-convergence-sauvegarde-.*\.json$/);

    // La bibliothèque change ensuite : un produit de plus, qui disparaîtra à la restauration.
    await seedProduct(repo, 'p2');
    const input = root.querySelector<HTMLInputElement>('#mgr-restauration-fichier')!;
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Fichier de sauvegarde complète (.json)');
    await click(byText('button', 'Vérifier la sauvegarde'));
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await setFile(input, 'ma-sauvegarde.json', backup.blob, 'application/json');
    const before = await snapshot(repo);
    // Le formulaire se soumet comme au clavier (Entrée) : pas besoin de la souris.
    await act(() => void input.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    const heading = await waitFor(() => byText('h4', 'Aperçu de la restauration de « ma-sauvegarde.json »'), 'aperçu');
    await waitFor(() => document.activeElement === heading, "focus sur l'aperçu");
    expect(alertText()).toBe('');
    expect(await snapshot(repo)).toBe(before);
    const row = byText('tbody tr', /^Produits/)!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '0', '0', '1', '1']);
    expect(byText('li', 'Produits supprimés : Produit p2')).toBeTruthy();
    expect(byText('p', /Toute la bibliothèque actuelle est remplacée/)).toBeTruthy();

    await click(byText('button', 'Restaurer cette sauvegarde'));
    await waitFor(() => status().startsWith('Sauvegarde « ma-sauvegarde.json » restaurée : 1 produit(s), 1 réponse(s)'), 'restauration');
    expect((await repo.listProducts()).map((e) => e.product.id)).toEqual(['p1']);
    await waitFor(() => byText('p', /^Aucune opération à annuler\. Elle ne remonte pas avant la restauration du /), 'annulation arrêtée');
    await waitFor(() => document.activeElement?.id === 'mgr-restauration-fichier', 'focus rendu au champ du fichier');
  });

  it('un fichier abîmé va dans l\'alerte, en nommant le fichier ; rien n\'est écrit', async () => {
    await seedProduct(repo, 'p1');
    await mount(repo);
    await openLibrary();
    const input = root.querySelector<HTMLInputElement>('#mgr-restauration-fichier')!;
    await setFile(input, 'coupee.json', '{"format":"assistant-convergence-sauvegarde","version":1,');
    const before = await snapshot(repo);
    await click(byText('button', 'Vérifier la sauvegarde'));
    await waitFor(() => alertText().includes("Sauvegarde « coupee.json » refusée, rien n'a été écrit : fichier tronqué"), 'alerte');
    expect(byText('h4', /Aperçu de la restauration/)).toBeUndefined();
    expect(await snapshot(repo)).toBe(before);
  });

  it('en anglais', async () => {
    forceLanguage('en');
    await mount(repo);
    await click(await waitFor(() => byText('nav button', 'Import, export and history'), 'navigation'));
    await waitFor(() => byText('h3', 'Full backup'), 'section');
    expect(byText('button', 'Download a full backup')).toBeTruthy();
    expect(byText('h3', 'Restore a backup')).toBeTruthy();
    expect(byText('button', 'Check the backup')).toBeTruthy();
    await waitFor(() => byText('p', 'Nothing to undo.'), 'portée');
  });
});
