import { describe, expect, it } from 'vitest';
import { base64ToBytes, encodeBase64 } from '../../../../lib/text/base64';
import { sha256Hex } from '../../../../lib/domain/evidence';
import { library } from '../../support/libraries';
import { seedAnswers } from '../../support/seed';

// Preuves du producteur sur la page d'un distributeur (issue 10) : seulement celles dont le paquet porte le
// contenu, seulement sur une zone de leur type, et seulement quand on les demande (page.evidence.get).
// Deux bibliothèques réelles (Dexie sur fake-indexeddb), par les messages du protocole comme le panneau.

const PDF = new TextEncoder().encode('%PDF-1.4 politique de sécurité du producteur');
const PNG = new TextEncoder().encode('\x89PNG capture décrite seulement');
const POLITIQUE = 'Politique de sécurité';
const CAPTURE = "Capture d'écran";
const DISTRIBUTOR_PAGE = { name: "Solution d'éditeur distributeur", version: 'v1', number: '2742' };

/** Producteur : deux preuves sur 01.01 ; le contenu de la politique est coché, la capture reste décrite seulement. */
async function producerPackage() {
  const p = library();
  await p.repo.putCompany({ id: 'c1', denomination: 'Producteur SAS', extra: {} }, 'p');
  const prod = await p.must<{ id: string }>('product.create', {
    product: { name: 'Solution producteur', version: 'v1', type: 'socle', responsable: 'P', description: 'd', convergenceNumber: '2726', role: { kind: 'producteur' } },
    author: 'p',
  });
  const add = (name: string, type: string, evidenceType: string, bytes: Uint8Array) =>
    p.must<{ id: string; hash: string; size: number }>('evidence.add', { productId: prod.id, variantId: '', name, type, evidenceType, contentBase64: encodeBase64(bytes), author: 'p' });
  const pdf = await add('politique.pdf', 'application/pdf', POLITIQUE, PDF);
  const png = await add('capture.png', 'image/png', CAPTURE, PNG);
  await seedAnswers(p.repo, prod.id, [
      {
        questionnaire: 'securite',
        criterionId: '01.01',
        value: { kind: 'niveau', level: '2' },
        specificite: 'non',
        evidence: [
          { evidenceType: POLITIQUE, name: 'politique.pdf', fileId: pdf.id, hash: pdf.hash, size: pdf.size },
          { evidenceType: CAPTURE, name: 'capture.png', fileId: png.id, hash: png.hash, size: png.size },
        ],
      },
    ], { author: 'p', at: '2026-03-12T10:00:00.000Z' });
  const built = await p.must<{ fileName: string; contentBase64: string }>('package.share.build', {
    productId: prod.id,
    variantId: '',
    questionnaires: ['securite'],
    evidenceContents: [pdf.hash],
  });
  return { file: { fileName: built.fileName, contentBase64: built.contentBase64 }, pdf, png };
}

/** Distributeur : son produit 2742, relié au paquet importé, et ouvert sur sa page produit. */
async function distributorWith(file: { fileName: string; contentBase64: string }) {
  const d = library();
  const prod = await d.must<{ id: string }>('product.create', {
    product: { name: DISTRIBUTOR_PAGE.name, version: 'v1', type: 'socle', responsable: 'D', description: 'd', convergenceNumber: '2742' },
    author: 'd',
  });
  const inspect = await d.must('package.inspect', file);
  await d.must('package.commit', { ...file, confirmedFingerprint: inspect.fingerprint.hex, distributorProductId: prod.id, author: 'd' });
  return { ...d, productId: prod.id };
}

type Files = { files: { id: string; name: string; evidenceType: string; hash: string; type: string }[] };

describe('preuves du producteur sur la page du distributeur', () => {
  it('décrite seulement : jamais proposée ; contenu inclus : proposé, avec son type de preuve', async () => {
    const { file, pdf, png } = await producerPackage();
    const d = await distributorWith(file);
    const { files } = await d.must<Files>('page.evidence.list', { pageProduct: DISTRIBUTOR_PAGE });
    expect(files.map((f) => f.name)).toEqual(['politique.pdf']);
    expect(files[0]).toMatchObject({ evidenceType: POLITIQUE, hash: pdf.hash, type: 'application/pdf' });
    expect(files.some((f) => f.hash === png.hash)).toBe(false);
    // La capture décrite seulement ne se demande pas non plus par son empreinte.
    expect(await d.send('page.evidence.get', { pageProduct: DISTRIBUTOR_PAGE, fileId: `paquet-${png.hash}`, zone: CAPTURE }))
      .toEqual({ ok: false, error: 'Preuve introuvable pour ce produit.' });
  });

  it("jointe seulement sur une zone de son type, et les octets joints sont ceux du producteur (SHA-256)", async () => {
    const { file, pdf } = await producerPackage();
    const d = await distributorWith(file);
    const { files } = await d.must<Files>('page.evidence.list', { pageProduct: DISTRIBUTOR_PAGE });
    const fileId = files[0]!.id;
    // Autre type de zone, ou aucune zone dite : refusé (jamais joint d'office).
    expect(await d.send('page.evidence.get', { pageProduct: DISTRIBUTOR_PAGE, fileId, zone: CAPTURE })).toMatchObject({ ok: false, error: expect.stringMatching(/ne se joint qu'à une zone « Politique de sécurité »/) });
    expect(await d.send('page.evidence.get', { pageProduct: DISTRIBUTOR_PAGE, fileId })).toMatchObject({ ok: false });
    // La zone de son type (l'identifiant de critère ajouté au libellé ne change pas le type).
    const got = await d.must<{ meta: { name: string; hash: string }; contentBase64: string }>('page.evidence.get', { pageProduct: DISTRIBUTOR_PAGE, fileId, zone: `${POLITIQUE} (01.01)` });
    const bytes = base64ToBytes(got.contentBase64);
    expect(await sha256Hex(bytes)).toBe(pdf.hash);
    expect(bytes).toEqual(PDF);
    expect(got.meta.name).toBe('politique.pdf');
  });

  it("paquet gardé altéré, ou page d'un autre produit : rien n'est proposé", async () => {
    const { file, pdf } = await producerPackage();
    const d = await distributorWith(file);
    // Sur la page du producteur lui-même (lecture seule chez le distributeur) : ce n'est pas un distributeur.
    expect((await d.must<Files>('page.evidence.list', { pageProduct: { name: 'Solution producteur', version: 'v1', number: '2726' } })).files).toEqual([]);
    // Les octets gardés sont revérifiés avant d'offrir : une altération les rend muets.
    const row = (await d.repo.db.packages.toArray())[0]!;
    const text = new TextDecoder().decode(row.bytes).replace('"level":"2"', '"level":"3"');
    await d.repo.db.packages.update(row.id, { bytes: new TextEncoder().encode(text) });
    expect((await d.must<Files>('page.evidence.list', { pageProduct: DISTRIBUTOR_PAGE })).files).toEqual([]);
    expect(await d.send('page.evidence.get', { pageProduct: DISTRIBUTOR_PAGE, fileId: `paquet-${pdf.hash}`, zone: POLITIQUE })).toMatchObject({ ok: false });
  });
});
