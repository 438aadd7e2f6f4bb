/**
 * Altérations du paquet d'exemple (tests/fixtures/producteur.convergence-paquet) : chacune doit être refusée
 * par verifyPackage ET par `convergence-helper paquet verifier` avec le code 1, sans jamais rendre le contenu.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase64, generateSigningKeyPair, signPackageDocument, verifyPackage } from '../../../../../lib/exchange/package';
import type { PackageVerification } from '../../../../../lib/exchange/package';
import { editJson, FIXTURE_V2, fixtureBytes, runPaquet, seeded } from '../../../support/package';
import type { PackageDoc } from '../../../support/package';

const tmp = mkdtempSync(join(tmpdir(), 'convergence-paquet-altere-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const original = fixtureBytes();

/** Refusé comme modifié par la bibliothèque et par la commande (code 1, rapport « INVALIDE »). */
async function expectRefused(bytes: Uint8Array, label: string): Promise<PackageVerification> {
  const r = await verifyPackage(bytes, 'altere.convergence-paquet');
  expect(r.ok, label).toBe(false);
  expect(!r.ok && r.kind, label).toBe('altered');
  expect(r, label).not.toHaveProperty('package');
  const path = join(tmp, 'altere.convergence-paquet');
  writeFileSync(path, bytes);
  const cli = await runPaquet('verifier', path);
  expect(cli.code, label).toBe(1);
  expect(cli.out, label).toContain('Signature : INVALIDE');
  return r;
}

const edit = (f: (d: PackageDoc) => void) => editJson(original, f);

describe('paquet altéré : refusé partout, code 1', () => {
  it('le paquet d’exemple, intact, est valide (code 0)', async () => {
    expect((await verifyPackage(original)).ok).toBe(true);
    const path = join(tmp, 'intact.convergence-paquet');
    writeFileSync(path, original);
    expect((await runPaquet('verifier', path)).code).toBe(0);
  });

  it('un octet changé à 200 positions tirées au hasard (graine fixe) : 200 refus', async () => {
    const random = seeded(20260312);
    const positions = new Set<number>();
    for (let n = 0; n < 200; n++) {
      const bytes = original.slice();
      const pos = Math.floor(random() * bytes.length);
      positions.add(pos);
      // Un masque non nul : l'octet change toujours (espace, structure, base64, texte, UTF-8…).
      bytes[pos] = bytes[pos]! ^ (1 + Math.floor(random() * 255));
      await expectRefused(bytes, `octet ${pos}`);
    }
    // Les positions couvrent tout le fichier, signature et clé comprises.
    expect(positions.size).toBeGreaterThan(150);
  });

  it('une autre clé publique à la place de celle du producteur', async () => {
    const other = new Uint8Array(await crypto.subtle.exportKey('spki', (await generateSigningKeyPair()).publicKey));
    const r = await expectRefused(edit((d) => void (d.publicKey.spki = encodeBase64(other))), 'autre clé');
    expect(!r.ok && r.message).toMatch(/Paquet « altere\.convergence-paquet » refusé : il a été modifié ou abîmé depuis sa signature \(la signature ne correspond pas au contenu/);
  });

  it('le numéro d’ordre changé (pour passer pour une mise à jour)', async () => {
    await expectRefused(edit((d) => void (d.sequence = d.sequence + 1)), 'numéro d’ordre');
  });

  it('un niveau changé dans le contenu signé', async () => {
    await expectRefused(
      edit((d) => {
        const a = d.answers.find((x) => x.value?.kind === 'niveau')!;
        a.value = { kind: 'niveau', level: a.value?.kind === 'niveau' && a.value.level === '3' ? '2' : '3' };
      }),
      'niveau',
    );
  });

  it('les métadonnées changées : producteur, date, n° Convergence, version, algorithme, champ ajouté ou retiré', async () => {
    const edits: [string, (d: PackageDoc) => void][] = [
      ['producteur', (d) => void (d.producer.name = 'Autre Éditeur SAS')],
      ['date', (d) => void (d.createdAt = '2027-01-01T00:00:00.000Z')],
      ['n° Convergence', (d) => void (d.product.convergenceNumber = '9999')],
      ['version', (d) => void (d.version = 2 as 1)],
      ['algorithme', (d) => void ((d.publicKey as { algorithm: string }).algorithm = 'ECDSA-P384-SHA384')],
      ['champ ajouté', (d) => void (d.note = 'ajout')],
      ['commentaires confidentiels annoncés', (d) => void (d.omitted.confidentialComments = 0)],
      ['preuve retirée', (d) => void d.answers.find((a) => a.evidence)!.evidence!.pop()],
      ['signature retirée', (d) => void delete (d as Partial<PackageDoc>).signature],
      // Une vraie signature, de la même clé, mais sur le paquet n° 2.
      ['signature d’un autre paquet', (d) => void (d.signature = (JSON.parse(new TextDecoder().decode(fixtureBytes(FIXTURE_V2))) as PackageDoc).signature)],
    ];
    for (const [label, f] of edits) await expectRefused(edit(f), label);
  });

  it('un fichier tronqué, ou du texte après la fin', async () => {
    await expectRefused(original.slice(0, original.length - 40), 'tronqué');
    await expectRefused(new Uint8Array([...original, ...new TextEncoder().encode('{}')]), 'texte ajouté');
  });

  it('re-signé par une autre clé : intact, mais ce n’est plus la clé du producteur (empreinte différente)', async () => {
    const before = await verifyPackage(original);
    const doc = JSON.parse(new TextDecoder().decode(original)) as PackageDoc;
    const after = await verifyPackage(await signPackageDocument(doc, await generateSigningKeyPair()));
    expect(before.ok && after.ok).toBe(true);
    // La règle de rejeu en fait une issue distincte (diff-replay.test.ts) : jamais un remplacement silencieux.
    if (before.ok && after.ok) expect(after.fingerprint.hex).not.toBe(before.fingerprint.hex);
  });
});
