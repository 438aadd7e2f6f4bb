import { describe, expect, it } from 'vitest';
import { neutralizeCell, readCellRaw, readCellText } from '../../../../lib/exchange/cell-safety';
import { commitImport, exportProductXlsx, previewImport } from '../../../../lib/exchange/service';
import { parseSpreadsheet } from '../../../../lib/exchange/sheet-import';
import { freshRepo, PROV, seedProduct } from '../../support/db';

// Textes piégeux : formules, tabulation devant « = », apostrophe de la personne, espaces de bord, numéro
// international, tiret seul, puce, arobase, apostrophe devant une formule.
const TRICKY = ['=1+1', '\t=1', "'déjà", '  espaces  ', '+33 6 12 34 56 78', '-', '- puce', '@x', "'=x", "''", "'", '-5 % de latence', 'a\nb', '\n=1', '=', 'texte ordinaire'];

describe('export Excel puis import : le texte écrit revient à l’identique', () => {
  it('neutraliser puis relire rend exactement le texte', () => {
    for (const t of TRICKY) expect(readCellRaw(neutralizeCell(t)), JSON.stringify(t)).toBe(t);
    // Ce que l'export neutralise commence toujours par une apostrophe (jamais une formule pour le tableur).
    for (const t of ['=1+1', '\t=1', '+33', '@x', '-x', "'=x"]) expect(neutralizeCell(t).startsWith("'")).toBe(true);
    expect(neutralizeCell('- puce')).toBe('- puce');
    expect(neutralizeCell("'déjà")).toBe("'déjà");
    expect(readCellText('  Niveau 2  ')).toBe('Niveau 2');
  });

  it('commentaires et réponses en texte libre : export, import, mêmes textes', async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    await repo.learnCriteria(
      [
        ...TRICKY.map((_, i) => ({ questionnaire: 'interoperabilite' as const, id: `A01.${i + 1}`, title: `Critère ${i + 1}`, obligation: 'option' as const })),
        ...TRICKY.map((_, i) => ({ questionnaire: 'fiche-administrative' as const, id: `CHAMP${i + 1}`, title: `Champ ${i + 1}`, kind: 'texte' as const, obligation: 'option' as const })),
      ],
      PROV,
      'a',
    );
    await repo.saveAnswers(
      'p1',
      '',
      [
        ...TRICKY.map((comment, i) => ({ questionnaire: 'interoperabilite' as const, criterionId: `A01.${i + 1}`, value: { kind: 'niveau' as const, level: '2' as const }, comment })),
        ...TRICKY.map((text, i) => ({ questionnaire: 'fiche-administrative' as const, criterionId: `CHAMP${i + 1}`, value: { kind: 'texte' as const, text } })),
      ],
      PROV,
      { kind: 'capture', label: 'c', author: 'a' },
    );
    const { bytes } = await exportProductXlsx(repo, 'p1');
    const parsed = parseSpreadsheet(bytes, 'export.xlsx');
    const comments = parsed.rows.filter((r) => r.questionnaire === 'interoperabilite').map((r) => r.answer?.comment);
    expect(comments).toEqual(TRICKY);
    const texts = parsed.rows.filter((r) => r.questionnaire === 'fiche-administrative').map((r) => (r.answer?.value?.kind === 'texte' ? r.answer.value.text : null));
    expect(texts).toEqual(TRICKY);

    // Et dans une autre base : l'import enregistre ces mêmes textes.
    const { repo: other } = freshRepo();
    await seedProduct(other, 'p1');
    await commitImport(other, await previewImport(other, { fileName: 'export.xlsx', data: bytes }), { conflicts: 'garder', author: 'b' });
    const stored = new Map((await other.answersOfProduct('p1')).map((a) => [a.criterionId, a]));
    TRICKY.forEach((t, i) => {
      expect(stored.get(`A01.${i + 1}`)?.comment, JSON.stringify(t)).toBe(t);
      const v = stored.get(`CHAMP${i + 1}`)?.value;
      expect(v?.kind === 'texte' ? v.text : null, JSON.stringify(t)).toBe(t);
    });
  });
});
