// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import { dispatch, type Handlers } from '../../../../lib/messages/handlers';
import type { Repository } from '../../../../lib/db/repository';
import { freshRepo } from '../../support/db';
import { byText, choose, cleanup, click, mount, refocus, root, status, type, waitFor } from '../../support/manager';

// Le vrai gestionnaire dans jsdom, sur les vrais gestionnaires de messages et une base fake-indexeddb :
// la vue « Dossier » montre ce que la liste des questionnaires a montré (via page.statuses.put, comme le script de contenu).

let repo: Repository;
let handlers: Handlers;
const NOW = new Date('2025-03-12T09:30:00.000Z');

beforeAll(() => forceLanguage('fr'));

beforeEach(async () => {
  ({ repo } = freshRepo());
  ({ handlers } = await mount(repo, { now: () => NOW }));
});

afterEach(cleanup);

/** Les lignes du tableau des étapes : [étape, vu sur Convergence, vos réponses]. */
function stepRows(): string[][] {
  const table = [...root.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === 'Étapes de la démarche');
  return [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? ''));
}

async function openProduct(name: RegExp) {
  await refocus();
  await click(await waitFor(() => byText('nav button', name), 'produit dans la liste'));
}

describe('vue « Dossier » du gestionnaire', () => {
  it('reflète les statuts lus sur la liste des questionnaires, datés, avec la préparation et la prochaine étape', async () => {
    const p = (await repo.createProduct({ name: 'Produit', version: 'v0.1', type: 'socle', responsable: '', description: '', convergenceNumber: '3100' }, 't')).result;
    await repo.learnCriteria([{ questionnaire: 'securite', id: '04.03', title: 'Identification', obligation: 'obligation', acceptableLevels: ['2', '3'] }], { kind: 'page', ref: 'p', at: NOW.toISOString() }, 't');
    await repo.saveAnswers(p.id, '', [{ questionnaire: 'securite', criterionId: '04.03', value: { kind: 'niveau', level: '1' } }], { kind: 'saisie', ref: 't', at: NOW.toISOString() }, { kind: 'saisie', label: 't', author: 't' });
    const put = await dispatch(handlers, {
      type: 'page.statuses.put',
      payload: {
        productKey: 'Produit - v0.1 - 3100',
        statuses: [
          { questionnaire: 'orientation', label: "Questionnaire d'orientation", status: 'Terminé', termine: true, applicable: true },
          { questionnaire: 'securite', label: 'Maturité Sécurité', status: 'À compléter', termine: false, applicable: true },
        ],
      },
    }, 'content');
    expect(put.ok).toBe(true);

    await openProduct(/^Produit v0\.1/);
    await click(await waitFor(() => byText('[role="tab"]', 'Dossier'), 'onglet Dossier'));
    await waitFor(() => stepRows().length > 0, 'étapes');
    const rows = stepRows();
    expect(rows.map((r) => r[0]?.replace(/ \(prochaine étape\)$/, ''))).toEqual([
      'Fiche administrative',
      'Convention',
      "Questionnaire d'orientation",
      'Maturité Sécurité',
      "Dossier d'évaluation",
      'Candidature',
    ]);
    expect(rows[0]?.[1]).toBe('pas encore vu');
    expect(rows[2]?.[1]).toBe('Terminé, vu le 12/03');
    expect(rows[3]).toEqual(['Maturité Sécurité (prochaine étape)', 'À compléter, vu le 12/03', '1/1 critère(s) renseigné(s), 1 sous le minimum']);
    const next = root.querySelector('tr[aria-current="step"] th');
    expect(next?.textContent).toContain('Maturité Sécurité');
    expect(root.querySelector('#mgr-prochaine-etape')?.textContent).toBe(
      'Prochaine étape : compléter le questionnaire Maturité Sécurité (1 critère(s) sous le minimum)',
    );
  });

  it('un produit dont rien n\'a été vu : chaque étape « pas encore vu », ouvrir Convergence', async () => {
    await repo.createProduct({ name: 'Neuf', version: '1', type: 'socle', responsable: '', description: '' }, 't');
    await openProduct(/^Neuf/);
    await click(await waitFor(() => byText('[role="tab"]', 'Dossier'), 'onglet Dossier'));
    await waitFor(() => stepRows().length > 0, 'étapes');
    expect(stepRows().every((r) => r[1] === 'pas encore vu')).toBe(true);
    expect(root.querySelector('#mgr-prochaine-etape')?.textContent).toMatch(/^Prochaine étape : ouvrir ce produit sur Convergence/);
    expect(root.querySelector('tr[aria-current]')).toBeNull();
  });
});

describe('profils d\'entreprise (pour le compte d\'un tiers)', () => {
  it('un second profil se crée dans la fiche administrative, puis un produit le choisit ; sans choix, le profil par défaut', async () => {
    await repo.putCompany({ id: 'a-editeur', denomination: 'Éditeur SAS', extra: {} }, 't');
    const p = (await repo.createProduct({ name: 'Tiers', version: '1', type: 'socle', responsable: '', description: '' }, 't')).result;
    await refocus();
    await click(await waitFor(() => byText('nav button', 'Fiche administrative'), 'navigation'));
    await waitFor(() => byText('td', '1 produit(s)'), 'profil unique utilisé par le produit');
    await click(byText('button', "Nouveau profil d'entreprise"));
    const denomination = await waitFor(() => root.querySelector<HTMLInputElement>('#entreprise-denomination'));
    expect(denomination.value).toBe('');
    await type(denomination, 'Client Tiers SA');
    await click(byText('button', 'Enregistrer la fiche administrative'));
    await waitFor(() => status() === 'Fiche administrative enregistrée.', 'enregistrement');
    const companies = (await repo.db.companies.toArray()).map((c) => c.denomination).sort();
    expect(companies).toEqual(['Client Tiers SA', 'Éditeur SAS']);
    // Le premier profil n'a pas été écrasé par le nouveau.
    expect((await repo.getCompany('a-editeur'))?.denomination).toBe('Éditeur SAS');

    await openProduct(/^Tiers/);
    await click(await waitFor(() => byText('[role="tab"]', 'Produit'), 'onglet Produit'));
    const select = await waitFor(() => root.querySelector<HTMLSelectElement>(`select[id="mgr-produit-entreprise-${p.id}"]`), 'choix du profil');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Profil par défaut (Éditeur SAS)', 'Client Tiers SA', 'Éditeur SAS']);
    const tiers = [...select.options].find((o) => o.textContent === 'Client Tiers SA')!;
    await choose(select, tiers.value);
    await click(byText('button', 'Enregistrer le profil du produit'));
    await waitFor(() => status() === "Profil d'entreprise de « Tiers » : Client Tiers SA.", 'annonce');
    expect((await repo.getProduct(p.id))?.companyId).toBe(tiers.value);
  });
});
