import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../../lib/exchange/service';
import { MAX_FILE_BYTES } from '../../../../lib/exchange/workbook-read';
import { freshRepo, level, PROV, seedProduct, snapshot, workbook } from '../../support/db';
import type { SheetSpec } from '../../support/db';

const TARGET = { productId: 'p1', variantId: '' };

async function expectRefused(data: Uint8Array, fileName: string, patterns: RegExp[]) {
  const { repo } = freshRepo();
  await seedProduct(repo, 'p1');
  await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A06.1.1', value: level('1') }], PROV, { kind: 'capture', label: 'c', author: 'a' });
  const before = await snapshot(repo);
  let message = '';
  try {
    await previewImport(repo, { fileName, data, target: TARGET });
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message, 'the file should be refused').not.toBe('');
  for (const p of patterns) expect(message).toMatch(p);
  expect(message).toContain(fileName);
  expect(await snapshot(repo)).toBe(before);
  return message;
}

const sheet = (rows: unknown[][], extra: Partial<SheetSpec> = {}): SheetSpec => ({ name: 'Interopérabilité', rows, ...extra });

describe('fichier invalide : une erreur claire en français, et rien n’est écrit', () => {
  it('pas un classeur', async () => {
    await expectRefused(new TextEncoder().encode('Bonjour, ceci est un texte.'), 'notes.xlsx', [/ce n'est pas un classeur/]);
  });

  it('un zip qui n’est pas un classeur', async () => {
    const fakeZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await expectRefused(fakeZip, 'archive.xlsx', [/illisible/]);
  });

  it('fichier trop volumineux', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    await expectRefused(big, 'enorme.xlsx', [/trop volumineux/, /maximum 10 Mo/]);
  });

  it('aucun en-tête reconnaissable', async () => {
    await expectRefused(workbook([sheet([['Nom', 'Prénom'], ['Jean', 'Dupont']])]), 'contacts.xlsx', [/aucune ligne d'en-tête reconnue/, /feuille « Interopérabilité »/, /ligne 1/]);
  });

  it('niveau illisible : l’erreur nomme la feuille, la ligne et la colonne, pour corriger le fichier', async () => {
    await expectRefused(
      workbook([sheet([['Titre du suivi'], [], ['ID', 'Critère', 'Niveau'], ['A06.1.1', 'CI-SIS', 'Niveau 2'], ['A08.5.23', 'CDA', 'Excellent']])]),
      'suivi.xlsx',
      [/feuille « Interopérabilité », ligne 5, colonne C : niveau inconnu « Excellent »/],
    );
  });

  it('conformité illisible sur Éthique', async () => {
    await expectRefused(workbook([{ name: 'Éthique', rows: [['ID', 'Réponse'], ['ETH.1.1', 'Niveau 2']] }]), 'ethique.xlsx', [/feuille « Éthique », ligne 2, colonne B : conformité inconnue/]);
  });

  it('identifiants en double, même d’une feuille à l’autre', async () => {
    await expectRefused(
      workbook([sheet([['ID', 'Niveau'], ['A06.1.1', '2']]), { name: 'Interop bis', rows: [['ID', 'Niveau'], ['A06.1.1', '3']] }]),
      'doublons.xlsx',
      [/feuille « Interop bis », ligne 2, colonne A : identifiant « A06\.1\.1 » en double \(déjà présent feuille « Interopérabilité », ligne 2\)/],
    );
  });

  it('une formule dans une cellule lue est refusée (sa valeur n’est pas fiable)', async () => {
    await expectRefused(workbook([sheet([['ID', 'Niveau'], ['A06.1.1', '2']], { formulas: { B2: 'SUM(1,1)' } })]), 'formules.xlsx', [/ligne 2, colonne B : formule interdite/]);
  });

  it('chaînes hostiles en guise d’identifiants', async () => {
    await expectRefused(workbook([sheet([['ID', 'Critère', 'Niveau'], ['=HYPERLINK("http://evil","x")', 'CI-SIS', '2']])]), 'hostile.xlsx', [/ligne 2, colonne A : identifiant de critère invalide/]);
  });

  it('obligation, minimum, spécificité et dates invalides', async () => {
    const msg = await expectRefused(
      workbook([sheet([
        ['ID', 'Obligation', 'Niveau minimum', 'Niveau', 'Spécificité', "Valide jusqu'au"],
        ['A01', 'Peut-être', '2', '2', '', ''],
        ['A02', 'Option', 'beaucoup', '2', '', ''],
        ['A03', 'Option', '', '2', 'Parfois', ''],
        ['A04', 'Option', '', '2', '', 'demain'],
      ])]),
      'valeurs.xlsx',
      [/ligne 2, colonne B/, /ligne 3, colonne C/, /ligne 4, colonne E/, /ligne 5, colonne F/],
    );
    expect(msg).toContain("rien n'a été enregistré");
  });

  it('questionnaire inconnu', async () => {
    await expectRefused(workbook([{ name: 'Feuil1', rows: [['ID', 'Niveau'], ['ZZ9', '2']] }]), 'inconnu.xlsx', [/feuille « Feuil1 », ligne 2, colonne A : impossible de déterminer le questionnaire/]);
  });

  it('caractères de contrôle retirés, jamais enregistrés', async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    const p = await previewImport(repo, { fileName: 'ok.xlsx', data: workbook([sheet([['ID', 'Niveau', 'Commentaire'], ['A06.1.1', '2', 'a\u0001b\u0007c']])]), target: TARGET });
    const change = p.plan[0]?.change as { input: { comment?: string } };
    expect(change.input.comment).toBe('abc');
  });
});
