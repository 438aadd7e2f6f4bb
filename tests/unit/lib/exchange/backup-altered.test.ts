import { beforeAll, describe, expect, it } from 'vitest';
import { restoreBackupFile, writeBackup } from '../../../../lib/exchange/backup';
import { serializeLibrary } from '../../../../lib/exchange/json-format';
import { exportLibrary } from '../../../../lib/exchange/service';
import { sendBackup } from '../../../../components/manager/backup-transfer';
import { freshRepo, level, PROV, seedProduct } from '../../support/db';
import { everything, pageClient, populated } from '../../support/backup';

let text = '';
let exportJson = '';
const NAME = 'sauvegarde-mardi.json';

beforeAll(async () => {
  const { repo, tick } = freshRepo();
  await populated(repo, tick);
  text = await (await writeBackup(repo)).file.text();
  exportJson = serializeLibrary(await exportLibrary(repo));
});

/** La base qui reçoit : déjà remplie, pour vérifier que rien n'y change. */
async function target() {
  const { repo } = freshRepo();
  await seedProduct(repo, 'existant');
  await repo.saveAnswers('existant', '', [{ questionnaire: 'securite', criterionId: '04.03', value: level('1') }], PROV, { kind: 'saisie', label: 'S', author: 'x' });
  await repo.addEvidenceFile({ productId: 'existant', name: 'garde.pdf', blob: new Blob(['garde']), evidenceType: 'CGU' }, 'x');
  return repo;
}

/** Restaurer par les messages de la page doit échouer avec ce message, sans rien écrire (même les contenus déjà reçus). */
async function expectRefused(content: string | Blob, pattern: RegExp) {
  const repo = await target();
  const before = await everything(repo);
  const file = new File([content], NAME);
  const send = pageClient(repo);
  await expect(sendBackup(send, file, NAME, 'restauration', 'x')).rejects.toThrow(new RegExp(`Sauvegarde « ${NAME} » refusée, rien n'a été écrit : ${pattern.source}`));
  await expect(sendBackup(send, file, NAME, 'apercu', 'x')).rejects.toThrow(pattern);
  expect(await everything(repo)).toBe(before);
}

/** Change un caractère à l'endroit indiqué (le JSON reste valide). */
function flipAt(s: string, at: number): string {
  const c = s[at]!;
  const other = c === 'a' ? 'b' : c === '0' ? '1' : /[0-9]/.test(c) ? '0' : /[A-Za-z]/.test(c) ? 'a' : null;
  if (!other) throw new Error(`caractère « ${c} » non modifiable`);
  return s.slice(0, at) + other + s.slice(at + 1);
}

describe('sauvegarde abîmée ou modifiée : refusée en nommant le fichier, rien écrit', () => {
  it('un octet changé dans les données (une réponse) : empreinte du contenu différente', async () => {
    const at = text.indexOf('Première lecture');
    await expectRefused(flipAt(text, at + 3), /l'empreinte SHA-256 du contenu ne correspond pas/);
  });

  it("un octet changé dans le contenu d'une preuve (base64), après d'autres contenus déjà reçus", async () => {
    const lastBlob = text.lastIndexOf('"base64":"');
    await expectRefused(flipAt(text, lastBlob + 200), /le contenu de preuve [0-9a-f]{12}… ne correspond pas à son empreinte SHA-256/);
  });

  it("l'empreinte déclarée modifiée", async () => {
    const at = text.indexOf('"content":"') + 15;
    await expectRefused(flipAt(text, at), /l'empreinte SHA-256 du contenu ne correspond pas/);
  });

  it('des comptes modifiés (couverts par l\'empreinte)', async () => {
    await expectRefused(text.replace('"products":2', '"products":3'), /l'empreinte SHA-256 du contenu ne correspond pas/);
  });

  it('fichier tronqué, à plusieurs endroits', async () => {
    for (const cut of [Math.floor(text.length / 2), text.length - 5, text.indexOf('"data"') + 40]) await expectRefused(text.slice(0, cut), /fichier tronqué/);
  });

  it("un contenu de preuve retiré du fichier : l'index des contenus, couvert par l'empreinte, ne correspond plus", async () => {
    const start = text.indexOf('\n{"sha256"');
    const end = text.indexOf('\n', start + 1);
    const withoutFirst = text.slice(0, start + 1) + text.slice(end + 1);
    await expectRefused(withoutFirst, /l'empreinte SHA-256 du contenu ne correspond pas/);
  });

  it("un contenu annoncé mais jamais envoyé : la restauration est refusée à la validation, rien n'est écrit", async () => {
    const repo = await target();
    const before = await everything(repo);
    const send = pageClient(repo);
    const { openBackupFile } = await import('../../../../lib/exchange/backup');
    const opened = await openBackupFile(new Blob([text]), NAME);
    const begun = await send('backup.restore.begin', { fileName: NAME, manifest: opened.manifestText, purpose: 'restauration' });
    const first = await opened.readBlob(0);
    await send('backup.restore.blob', { sessionId: begun.sessionId, sha256: first.sha256, contentBase64: first.base64 });
    await expect(send('backup.restore.commit', { sessionId: begun.sessionId, author: 'x' })).rejects.toThrow(/refusée, rien n'a été écrit : 2 contenu\(s\) de preuve manquant\(s\)/);
    expect(await everything(repo)).toBe(before);
  });

  it("une clé __proto__ glissée dans les données", async () => {
    await expectRefused(text.replace('"comment":"Première lecture"', '"comment":"Première lecture","__proto__":{"x":1}'), /clé interdite au champ data\.(answers|journal)\[\d+\]\.(after\.)?__proto__/);
  });

  it("un export JSON de bibliothèque n'est pas une sauvegarde complète", async () => {
    const repo = await target();
    const before = await everything(repo);
    await expect(sendBackup(pageClient(repo), new File([exportJson], 'export.json'), 'export.json', 'apercu', 'x')).rejects.toThrow(
      /Sauvegarde « export\.json » refusée.*export JSON de bibliothèque.*« Importer »/,
    );
    await expect(restoreBackupFile(repo, new Blob(['pas du JSON']), 'notes.txt', 'x')).rejects.toThrow(/« notes\.txt ».*objet JSON est attendu/);
    await expect(restoreBackupFile(repo, new Blob(['{"format":"assistant-convergence-sauvegarde","version":7}']), 'futur.json', 'x')).rejects.toThrow(/version de sauvegarde 7 non prise en charge/);
    expect(await everything(repo)).toBe(before);
  });
});
