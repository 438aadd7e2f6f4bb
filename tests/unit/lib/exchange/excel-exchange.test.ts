import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { commitImport, exportProductXlsx, previewImport } from '../../../../lib/exchange/service';
import { parseSpreadsheet } from '../../../../lib/exchange/sheet-import';
import { detectHeader, roleOfHeader } from '../../../../lib/exchange/headers';
import { neutralizeCell, readCellText } from '../../../../lib/exchange/cell-safety';
import { libraryFromWorkbook } from '../../../../lib/exchange/workbook-library';
import { CONFORME, freshRepo, level, PROV, seedProduct, workbook } from '../../support/db';

async function populated() {
  const { repo, tick } = freshRepo();
  await seedProduct(repo, 'p1');
  await repo.learnCriteria(
    [
      { questionnaire: 'orientation', id: 'Q3', title: 'Le service contient-il les données suivantes ?', kind: 'choix-multiple', obligation: 'obligation' },
      { questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur CDA', section: 'A08.5 Partage', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'], displayCondition: 'Oui à la question 10' },
      { questionnaire: 'interoperabilite', id: 'A06.1.1', title: 'Utilisation du CI-SIS', obligation: 'option', scale: 'maturite' },
      { questionnaire: 'securite', id: '04.03', title: 'Identification électronique', obligation: 'obligation', acceptableLevels: ['2'] },
      { questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', obligation: 'obligation', expectedEvidence: ['Politique', 'CGU'] },
      { questionnaire: 'rgpd', id: 'RGPD.1', title: 'Questionnaire RGPD', obligation: 'obligation', expectedEvidence: ['Questionnaire RGPD'] },
      { questionnaire: 'fiche-administrative', id: 'SIRET', title: 'SIRET', kind: 'texte', obligation: 'obligation' },
    ],
    PROV,
    'a',
  );
  tick();
  await repo.saveAnswers(
    'p1',
    '',
    [
      { questionnaire: 'orientation', criterionId: 'Q3', value: { kind: 'choix', choices: ['Mesures de santé', 'Documents'] } },
      { questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2'), comment: '=HYPERLINK("http://evil","clic")\nligne 2', validUntil: '2026-12-31' },
      { questionnaire: 'interoperabilite', criterionId: 'A06.1.1', value: level('1'), comment: '-5 % de latence', specificite: 'oui' },
      { questionnaire: 'securite', criterionId: '04.03', value: level('NA') },
      { questionnaire: 'ethique', criterionId: 'ETH.1.1', value: CONFORME, specificite: 'non', evidence: [{ evidenceType: 'Politique', name: 'politique.pdf', hash: 'a'.repeat(64) }, { evidenceType: 'CGU', name: '@cgu.pdf' }] },
      { questionnaire: 'rgpd', criterionId: 'RGPD.1', value: { kind: 'preuves' }, evidence: [{ evidenceType: 'Questionnaire RGPD', name: 'rgpd.xlsx' }] },
      { questionnaire: 'fiche-administrative', criterionId: 'SIRET', value: { kind: 'texte', text: '12345678901234' } },
    ],
    PROV,
    { kind: 'capture', label: 'c', author: 'alice' },
  );
  return repo;
}

describe('export Excel', () => {
  it('une feuille par questionnaire, les colonnes attendues et une feuille de préparation', async () => {
    const repo = await populated();
    const { bytes, fileName } = await exportProductXlsx(repo, 'p1', '', new Date('2025-06-01T00:00:00Z'));
    expect(fileName).toBe('Produit_p1_2025-06-01.xlsx');
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Produit', 'Orientation', 'Interopérabilité', 'Maturité Sécurité', 'Éthique', 'RGPD', 'Fiche administrative', 'Préparation']);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Interopérabilité']!, { header: 1 });
    expect(rows[2]).toEqual(['ID', 'Critère', 'Section', 'Type de critère', 'Obligation/Option', 'Niveaux acceptables', 'Réponse', 'Commentaire', 'Spécificité', 'Preuves', 'Types de preuves attendus', "Conditions d'affichage", 'Provenance', 'Date', "Valide jusqu'au", 'Auteur']);
    expect(rows[3]?.slice(0, 7)).toEqual(['A06.1.1', 'Utilisation du CI-SIS', '', 'Maturité', 'Option', '', 'Maturité faible']);
    expect(rows[4]?.[5]).toBe('NA, 2, 3');
    expect(rows[4]?.[6]).toBe('Niveau 2');
    const prep = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Préparation']!, { header: 1 });
    expect(prep[0]?.[0]).toBe("Dossier d'évaluation générable");
  });

  it('à l’export, neutralise les formules injectées et les caractères de contrôle', async () => {
    const repo = await populated();
    const { bytes } = await exportProductXlsx(repo, 'p1');
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const ws = wb.Sheets['Interopérabilité']!;
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    expect(cells.some((c) => c.f)).toBe(false);
    const comment = cells.find((c) => String(c.v).includes('HYPERLINK'));
    expect(String(comment?.v).startsWith("'=")).toBe(true);
    expect(String(cells.find((c) => String(c.v).includes('latence'))?.v)).toBe("'-5 % de latence");
    expect(neutralizeCell('+33 1 02')).toBe("'+33 1 02");
    expect(neutralizeCell('- point 1 ; - point 2')).toBe('- point 1 ; - point 2'); // une puce reste lisible
    expect(neutralizeCell('-cmd|calc')).toBe("'-cmd|calc");
    expect(neutralizeCell('a\u0007b')).toBe('ab');
    expect(readCellText("'=1+1")).toBe('=1+1');
  });
});

describe('import Excel', () => {
  it('réimporte son propre export sans perte (réponses et critères)', async () => {
    const repo = await populated();
    const { bytes } = await exportProductXlsx(repo, 'p1');
    const { repo: fresh } = freshRepo(new Date('2025-09-01T00:00:00Z'));
    await seedProduct(fresh, 'p1');
    const preview = await previewImport(fresh, { fileName: 'export.xlsx', data: bytes });
    expect(preview.target).toEqual({ productId: 'p1', variantId: '' });
    expect(preview.counts).toEqual({ created: 7, changed: 0, unchanged: 0, conflict: 0 });
    await commitImport(fresh, preview, { conflicts: 'garder', author: 'bob' });
    const strip = (xs: { answer: { value: unknown; comment: string; evidence: unknown; specificite?: unknown; validUntil?: unknown; criterionKey: string } }[]) =>
      xs.map(({ answer: a }) => ({ k: a.criterionKey, v: a.value, c: a.comment, e: a.evidence, s: a.specificite, u: a.validUntil }));
    expect(strip(await fresh.resolvedAnswers('p1'))).toEqual(strip(await repo.resolvedAnswers('p1')));
    const critOf = (cs: { key: string; title: string; kind: string; obligation: string; acceptableLevels: unknown; expectedEvidence: unknown; section?: string; scale?: string; displayCondition?: string }[]) =>
      cs.map((c) => ({ k: c.key, t: c.title, kind: c.kind, o: c.obligation, a: c.acceptableLevels, e: c.expectedEvidence, s: c.section, sc: c.scale, d: c.displayCondition })).sort((x, y) => x.k.localeCompare(y.k));
    expect(critOf(await fresh.listCriteria())).toEqual(critOf(await repo.listCriteria()));
    // Une seconde fois : rien de nouveau.
    const again = await previewImport(fresh, { fileName: 'export.xlsx', data: bytes });
    expect(again.counts).toEqual({ created: 0, changed: 0, unchanged: 7, conflict: 0 });
  });

  it('l’aperçu compte nouveaux / modifiés / inchangés / en conflit, sans rien écrire', async () => {
    const { repo, tick } = freshRepo(new Date('2025-03-01T00:00:00Z'));
    await seedProduct(repo, 'p1');
    await repo.saveAnswers('p1', '', [
      { questionnaire: 'interoperabilite', criterionId: 'A01.1', value: level('1') },
      { questionnaire: 'interoperabilite', criterionId: 'A01.2', value: level('2') },
      { questionnaire: 'interoperabilite', criterionId: 'A01.3', value: level('2') },
    ], PROV, { kind: 'capture', label: 'c', author: 'a' });
    tick();
    const file = workbook([{ name: 'Interopérabilité', rows: [
      ['ID', 'Niveau', 'Date'],
      ['A01.1', 'Niveau 3', '01/04/2025'],
      ['A01.2', 'Niveau 2', ''],
      ['A01.3', 'Niveau 3', '01/01/2025'],
      ['A01.4', 'NA', ''],
    ] }]);
    const p = await previewImport(repo, { fileName: 'suivi.xlsx', data: file, target: { productId: 'p1', variantId: '' } });
    expect(p.items.map((i) => [i.criterionId, i.status])).toEqual([['A01.1', 'changed'], ['A01.2', 'unchanged'], ['A01.3', 'conflict'], ['A01.4', 'created']]);
    expect(p.items[0]).toMatchObject({ before: 'Niveau 1', after: 'Niveau 3', where: 'feuille « Interopérabilité », ligne 2' });
    expect((await repo.answersOfProduct('p1')).map((a) => a.value)).toEqual([level('1'), level('2'), level('2')]);
    const r = await commitImport(repo, p, { conflicts: 'garder', author: 'a' });
    expect(r.result.answers).toEqual({ created: 1, changed: 1, unchanged: 0 });
    const values = Object.fromEntries((await repo.answersOfProduct('p1')).map((a) => [a.criterionId, a.value]));
    expect(values).toEqual({ 'A01.1': level('3'), 'A01.2': level('2'), 'A01.3': level('2'), 'A01.4': level('NA') });
    expect((await repo.answersOfProduct('p1')).find((a) => a.criterionId === 'A01.4')?.provenance).toMatchObject({ kind: 'import', ref: 'suivi.xlsx — feuille « Interopérabilité », ligne 5' });
    // L’import est une seule opération : une annulation le défait en entier.
    await repo.undo('a');
    expect(Object.fromEntries((await repo.answersOfProduct('p1')).map((a) => [a.criterionId, a.value]))).toEqual({ 'A01.1': level('1'), 'A01.2': level('2'), 'A01.3': level('2') });
  });
});

describe('en-tête trouvé sur des feuilles de formes diverses', () => {
  it('reconnaît les noms français et leurs synonymes, sans égard aux accents ni à la casse', () => {
    expect(roleOfHeader('Identifiant')).toBe('id');
    expect(roleOfHeader('RÉFÉRENCE')).toBe('id');
    expect(roleOfHeader('Libellé')).toBe('title');
    expect(roleOfHeader('Intitulé du critère')).toBe('title');
    expect(roleOfHeader('Nature')).toBe('obligation');
    expect(roleOfHeader('Obligation / Option')).toBe('obligation');
    expect(roleOfHeader('Niveau minimum (requis)')).toBe('minimum');
    expect(roleOfHeader('Niveaux acceptables')).toBe('acceptable');
    expect(roleOfHeader("Niveau d'auto-évaluation")).toBe('answer');
    expect(roleOfHeader('Niveau sélectionné')).toBe('answer');
    expect(roleOfHeader('Justification')).toBe('comment');
    expect(roleOfHeader('Commentaire éditeur')).toBe('comment');
    expect(roleOfHeader('Couleur')).toBeNull();
  });

  it('trouve l’en-tête en ligne 4 sous des titres fusionnés, malgré des colonnes en plus', () => {
    const file = workbook([{
      name: 'Suivi interop',
      merges: ['A1:F1', 'A2:F2'],
      rows: [
        ['SUIVI DE CONFORMITÉ — Produit X'],
        ['Mis à jour par l’équipe qualité'],
        [],
        ['Priorité', 'Référence', 'Intitulé', 'Nature', 'Niveau minimum requis', "Niveau d'auto-évaluation", 'Justification', 'Responsable interne'],
        ['P1', 'A08.5.23', 'Consommateur CDA', 'Obligation', 'NA, 2, 3', 'niveau 2', 'Affichage des CDA', 'Jean'],
        ['P2', 'A06.1.1', 'CI-SIS', 'Option', 'Aucun niveau minimum requis', 'Maturité moyenne', '', 'Paul'],
        [],
        ['', 'Total', '', '', '', '', '', ''],
      ],
    }]);
    const parsed = parseSpreadsheet(file, 'suivi.xlsx');
    expect(parsed.sheets[0]).toMatchObject({ name: 'Suivi interop', questionnaire: 'interoperabilite', headerRow: 4, rows: 2 });
    expect(parsed.rows.map((r) => [r.criterion.id, r.criterion.obligation, r.criterion.acceptableLevels, r.answer?.value])).toEqual([
      ['A08.5.23', 'obligation', ['NA', '2', '3'], level('2')],
      ['A06.1.1', 'option', [], level('2')],
    ]);
    expect(parsed.rows[0]?.answer?.comment).toBe('Affichage des CDA');
    expect(parsed.rows[1]?.criterion.scale).toBe('maturite');
  });

  it('lit plusieurs feuilles, questionnaire deviné par le nom de la feuille ou la forme des identifiants', () => {
    const file = workbook([
      { name: 'Lisez-moi', rows: [['Ce classeur suit nos réponses.']] },
      { name: 'Éthique', rows: [['Code', 'Libellé', 'Réponse', 'Preuves'], ['ETH.1.1', 'Finalités', 'Conforme', 'Politique : politique.pdf'], ['ACC.1.1', 'Inclusion', 'Non conforme', '']] },
      { name: 'Feuil3', rows: [['ID', 'Critère', 'Niveau'], ['04.03', 'Identification', '2'], ['A06.1.1', 'CI-SIS', 'Niveau 1']] },
    ]);
    const parsed = parseSpreadsheet(file, 'multi.xlsx');
    expect(parsed.skippedSheets).toEqual([{ name: 'Lisez-moi', reason: "aucune ligne d'en-tête reconnue" }]);
    expect(parsed.rows.map((r) => `${r.questionnaire}/${r.criterion.id}`)).toEqual(['ethique/ETH.1.1', 'ethique/ACC.1.1', 'securite/04.03', 'interoperabilite/A06.1.1']);
    expect(parsed.rows[0]?.answer?.evidence).toEqual([{ evidenceType: 'Politique', name: 'politique.pdf' }]);
    expect(parsed.rows[0]?.evidenceStated).toBe(true);
    expect(parsed.rows[2]?.evidenceStated).toBe(false);
  });

  it('suit la colonne « Questionnaire » quand elle existe', () => {
    const file = workbook([{ name: 'Tout', rows: [['Questionnaire', 'ID', 'Réponse'], ['Urbanisation', 'U.1', 'Niveau 3'], ['Maturité Sécurité', '09.02', 'NA']] }]);
    expect(parseSpreadsheet(file, 't.xlsx').rows.map((r) => r.questionnaire)).toEqual(['urbanisation', 'securite']);
  });

  it('lit aussi les fichiers CSV', () => {
    const csv = new TextEncoder().encode('Identifiant;Libellé;Niveau\nA06.1.1;CI-SIS;Niveau 2\n');
    const parsed = parseSpreadsheet(csv, 'export.csv');
    expect(parsed.rows[0]?.answer?.value).toEqual(level('2'));
  });

  it('detectHeader préfère la ligne la plus riche', () => {
    expect(detectHeader([['ID', 'Critère'], ['ID', 'Critère', 'Réponse', 'Commentaire']])?.row).toBe(1);
    expect(detectHeader([['Nom', 'Prénom']])).toBeNull();
  });

  it('convertit un classeur en bibliothèque', () => {
    const file = workbook([{ name: 'Interopérabilité', rows: [['ID', 'Critère', 'Niveau'], ['A06.1.1', 'CI-SIS', '2']] }]);
    const lib = libraryFromWorkbook(parseSpreadsheet(file, 'mon suivi.xlsx'));
    expect(lib.products[0]?.name).toBe('mon suivi');
    expect(lib.answers[0]).toMatchObject({ criterionKey: 'interoperabilite/A06.1.1', value: level('2') });
  });
});
