// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { captureFromPage } from '../../../../../lib/page/plan/capture';
import { readQuestionnaire } from '../../../../../lib/page/read/criteria';
import { previewImport, commitImport } from '../../../../../lib/exchange/service';
import { freshRepo, level, PROV, workbook } from '../../../support/db';

const PRODUCT = { id: 'p1', name: 'Produit', version: 'v0.1', type: 'socle' as const, responsable: '', description: '' };

async function seeded() {
  const { repo, tick } = freshRepo();
  await repo.createProduct(PRODUCT, 't');
  await repo.saveAnswers('p1', '', [
    { questionnaire: 'interoperabilite', criterionId: 'A06.1.1', value: level('3'), comment: 'ancien', evidence: [{ evidenceType: 'Doc', name: 'a.pdf' }] },
  ], PROV, { kind: 'capture', label: 'c', author: 't' });
  tick();
  return repo;
}

describe("une capture ou un import n'efface jamais ce que la page ou le fichier ne montre pas", () => {
  it('capture d\'un critère sans niveau choisi, avec un commentaire : le niveau et les preuves restent', async () => {
    const repo = await seeded();
    const main = new DOMParser().parseFromString(`<main><article><p>Option</p><h3>A06.1.1 Utilisation du CI-SIS</h3>
      <fieldset><legend>Niveau</legend><label><input type="radio" name="n"> Niveau 0 : …</label><label><input type="radio" name="n"> Niveau 3 : …</label></fieldset>
      <label>Commentaire<textarea>nouveau commentaire</textarea></label></article><button>Valider</button></main>`, 'text/html').querySelector('main')!;
    const q = readQuestionnaire(main, "Questionnaire d'évaluation : Interopérabilité");
    const cap = captureFromPage({ type: 'criteria', questionnaire: 'interoperabilite', title: '', criteria: q.criteria, unreadable: [] });
    expect(cap.answers).toEqual([{ questionnaire: 'interoperabilite', criterionId: 'A06.1.1', comment: 'nouveau commentaire' }]);
    await repo.saveAnswers('p1', '', cap.answers, PROV, { kind: 'capture', label: 'c', author: 't' });
    const [a] = await repo.answersOfProduct('p1');
    expect(a).toMatchObject({ value: level('3'), comment: 'nouveau commentaire', evidence: [{ evidenceType: 'Doc', name: 'a.pdf' }] });
  });

  it('import d\'un tableau aux cellules vides : commentaire et preuves gardés ; une réponse relevée sur la page devient un conflit sans date', async () => {
    const repo = await seeded();
    const file = workbook([{ name: 'Interopérabilité', rows: [['ID', 'Niveau', 'Commentaire', 'Preuves'], ['A06.1.1', 'Niveau 2', '', '']] }]);
    const p = await previewImport(repo, { fileName: 'suivi.xlsx', data: file, target: { productId: 'p1', variantId: '' } });
    expect(p.items.map((i) => i.status)).toEqual(['conflict']);
    expect(p.items[0]).toMatchObject({ before: 'Niveau 3 — « ancien » — 1 preuve(s)', after: 'Niveau 2 — « ancien » — 1 preuve(s)' });
    await commitImport(repo, p, { conflicts: 'garder', author: 't' });
    expect((await repo.answersOfProduct('p1'))[0]).toMatchObject({ value: level('3'), comment: 'ancien' });
    const p2 = await previewImport(repo, { fileName: 'suivi.xlsx', data: file, target: { productId: 'p1', variantId: '' } });
    await commitImport(repo, p2, { conflicts: 'remplacer', author: 't' });
    expect((await repo.answersOfProduct('p1'))[0]).toMatchObject({ value: level('2'), comment: 'ancien', evidence: [{ name: 'a.pdf' }] });
  });
});

describe('colonne « Type » ambiguë', () => {
  it('« Type » avec Niveau / Conformité : colonne ignorée, pas de refus ; avec Obligation / Option : lue', async () => {
    const { parseSpreadsheet } = await import('../../../../../lib/exchange/sheet-import');
    const sheet = (t1: string, t2: string) => workbook([{ name: 'Interopérabilité', rows: [['ID', 'Critère', 'Type', 'Réponse'], ['A06.1.1', 'CI-SIS', t1, 'Niveau 2'], ['A06.1.2', 'Veille', t2, 'Niveau 1']] }]);
    const loose = parseSpreadsheet(sheet('Niveau', 'Niveau'), 'suivi.xlsx');
    expect(loose.rows.map((r) => r.criterion.obligation)).toEqual([undefined, undefined]);
    const strict = parseSpreadsheet(sheet('Obligation', 'Option'), 'suivi.xlsx');
    expect(strict.rows.map((r) => r.criterion.obligation)).toEqual(['obligation', 'option']);
  });
});
