import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../../lib/domain/errors';
import { sha256Hex } from '../../../../../lib/domain/evidence';
import { EVALUATION_QUESTIONNAIRES } from '../../../../../lib/domain/questionnaires';
import { WHITE_LABEL_REVIEW_CRITERIA } from '../../../../../lib/domain/white-label';
import {
  buildPackage,
  exportPublicKeyJwk,
  exportPublicKeyPem,
  generateSigningKeyPair,
  isConfidentialComment,
  keyFingerprint,
  PACKAGE_QUESTIONNAIRES,
  preparePackage,
  signPackageDocument,
  summarizePackage,
  verifyPackage,
} from '../../../../../lib/exchange/package';
import { answer, fixtureBytes, niveau, simpleInput } from '../../../support/package';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('construction et vérification', () => {
  it('aller-retour : le paquet vérifié est celui qui a été construit, avec l’empreinte de la clé', async () => {
    const keys = await generateSigningKeyPair();
    const built = await buildPackage(simpleInput(), keys);
    const r = await verifyPackage(built.bytes, built.fileName);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.package).toEqual(built.package);
    expect(r.fingerprint).toEqual(built.fingerprint);
    expect(r.package).toMatchObject({ sequence: 1, producer: { name: 'Producteur SAS' }, product: { name: 'Dossia', version: 'v3.1', convergenceNumber: '4101' } });
    expect(built.fileName).toBe('dossia-v3-1-4101-n1.convergence-paquet');
    // Écrit sans espace : chaque octet du fichier compte (voir les tests d'altération).
    expect(text(built.bytes)).not.toMatch(/[\n\r\t]|": | ,/);
  });

  it("les réponses d'orientation ne sont jamais dans un paquet, même si la sélection les demande", async () => {
    const built = await buildPackage(simpleInput(), await generateSigningKeyPair());
    expect(built.package.questionnaires).toEqual(['securite', 'ethique']);
    expect(built.package.answers.map((a) => a.key)).toEqual(['securite/04.03', 'securite/09.04', 'ethique/ETH.1.1']);
    expect(text(built.bytes)).not.toContain('orientation');
    expect(built.leftOut.neverShared).toBe(1);
    // Et un paquet signé qui en contiendrait une est refusé à la lecture.
    const forged = { ...built.package, questionnaires: [...built.package.questionnaires, 'orientation'], answers: [...built.package.answers, { key: 'orientation/Q1', questionnaire: 'orientation', id: 'Q1' }] };
    const r = await verifyPackage(await signPackageDocument(forged, await generateSigningKeyPair()));
    expect(r).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!r.ok && r.message).toMatch(/signature est intacte.*champ questionnaires\[2\]/);
  });

  it('un commentaire marqué « confidentiel » ne sort pas ; le paquet dit combien ont été retenus', async () => {
    const input = simpleInput();
    input.selection = { ...input.selection, confidentialComments: new Set(['securite/09.04']) };
    expect(isConfidentialComment('securite/09.04', input.selection)).toBe(true);
    expect(isConfidentialComment('securite/04.03', input.selection)).toBe(false);
    const built = await buildPackage(input, await generateSigningKeyPair());
    expect(text(built.bytes)).not.toContain('Sauvegardes quotidiennes');
    // Le niveau et la spécificité du critère restent : seul le commentaire est retenu.
    expect(built.package.answers.find((a) => a.key === 'securite/09.04')).toEqual({ key: 'securite/09.04', questionnaire: 'securite', id: '09.04', value: niveau('1'), specificite: 'non' });
    expect(built.package.omitted.confidentialComments).toBe(1);
    expect(summarizePackage(built.package).omitted.confidentialComments).toBe(1);
  });

  it('preuves : décrites (nom, type, SHA-256) par défaut, contenu seulement quand il est coché, vérifié à la lecture', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 politique');
    const hash = await sha256Hex(pdf);
    const other = 'a'.repeat(64);
    const input = simpleInput({
      answers: [
        answer('ethique', 'ETH.1.1', { kind: 'conformite', conformity: 'conforme' }, '', 'non', [
          { evidenceType: 'Politique de confidentialité', name: 'politique.pdf', hash, size: pdf.byteLength },
          { evidenceType: 'Politique de confidentialité', name: 'annexe.pdf', hash: other, size: 10 },
        ]),
      ],
    });
    const described = await buildPackage(input, await generateSigningKeyPair());
    expect(described.package.answers[0]!.evidence).toEqual([
      { evidenceType: 'Politique de confidentialité', name: 'politique.pdf', sha256: hash, size: pdf.byteLength },
      { evidenceType: 'Politique de confidentialité', name: 'annexe.pdf', sha256: other, size: 10 },
    ]);
    input.selection = { ...input.selection, evidenceContents: new Map([[hash, { bytes: pdf, mediaType: 'application/pdf' }]]) };
    const withContent = await buildPackage(input, await generateSigningKeyPair());
    expect(withContent.package.answers[0]!.evidence![0]).toMatchObject({ mediaType: 'application/pdf', content: Buffer.from(pdf).toString('base64') });
    expect(withContent.package.answers[0]!.evidence![1]!.content).toBeUndefined();
    expect(summarizePackage(withContent.package).evidence).toEqual({ described: 2, withContent: 1, contentBytes: pdf.byteLength });
    // Un contenu qui ne correspond pas à son empreinte, même signé, est refusé.
    const forged = structuredClone(withContent.package) as Record<string, unknown> & typeof withContent.package;
    forged.answers[0]!.evidence![0]!.content = Buffer.from('autre contenu!').toString('base64');
    const r = await verifyPackage(await signPackageDocument(forged, await generateSigningKeyPair()));
    expect(r).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('le producteur choisit les champs de chaque critère ; un critère sans rien à partager n’apparaît pas', async () => {
    const input = simpleInput();
    input.selection = {
      ...input.selection,
      fields: new Map([
        ['securite/04.03', { comment: false }],
        ['securite/09.04', { value: false, comment: false, specificite: false }],
      ]),
      excludedCriteria: new Set(['ethique/ETH.1.1']),
    };
    const { document, leftOut } = preparePackage(input);
    expect(document.answers).toEqual([{ key: 'securite/04.03', questionnaire: 'securite', id: '04.03', value: niveau('2'), specificite: 'oui' }]);
    expect(leftOut.notSelected).toBe(1);
  });

  it('refuse de construire ce que le distributeur refuserait : n° Convergence absent, numéro d’ordre invalide, paquet trop gros', async () => {
    const keys = await generateSigningKeyPair();
    await expect(buildPackage(simpleInput({ convergenceNumber: undefined }), keys)).rejects.toThrow(/n° Convergence du produit partagé est inconnu/);
    await expect(buildPackage(simpleInput({ sequence: 0 }), keys)).rejects.toThrow(UserError);
    const big = new Uint8Array(8 * 1024 * 1024);
    const hash = await sha256Hex(big);
    const input = simpleInput({ answers: [answer('ethique', 'ETH.1.1', null, '', 'non', [{ evidenceType: 'Preuve', name: 'gros.pdf', hash }])] });
    input.selection = { ...input.selection, evidenceContents: new Map([[hash, { bytes: big }]]) };
    await expect(buildPackage(input, keys)).rejects.toThrow(/Paquet trop volumineux \(10,7 Mo, maximum 10 Mo\)/);
  });

  it('un contenu de preuve de plusieurs Mo se construit et se vérifie (lecture linéaire, sans épuiser la pile)', async () => {
    const pdf = new Uint8Array(5 * 1024 * 1024).map((_, i) => i * 7);
    const hash = await sha256Hex(pdf);
    const input = simpleInput({ answers: [answer('ethique', 'ETH.1.1', null, '', 'non', [{ evidenceType: 'Preuve', name: 'gros.pdf', hash }])] });
    input.selection = { ...input.selection, evidenceContents: new Map([[hash, { bytes: pdf }]]) };
    const built = await buildPackage(input, await generateSigningKeyPair());
    const r = await verifyPackage(built.bytes);
    expect(r.ok && r.package.answers[0]!.evidence![0]!.content!.length).toBe(Math.ceil(pdf.length / 3) * 4);
  });

  it('un nom sur plusieurs lignes ou à l’affichage inversé est ramené à une ligne lisible', async () => {
    const built = await buildPackage(simpleInput({ companyName: 'Producteur\nSAS\u202e' }), await generateSigningKeyPair());
    expect(built.package.producer.name).toBe('Producteur SAS');
  });

  it('un paquet d’une version future, intact, est « invalide » (mettre à jour), pas « modifié »', async () => {
    const built = await buildPackage(simpleInput(), await generateSigningKeyPair());
    const r = await verifyPackage(await signPackageDocument({ ...built.package, version: 2 }, await generateSigningKeyPair()));
    expect(r).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/version de format \(2\) n'est pas prise en charge.*mettez à jour/) });
  });
});

describe('fichiers hostiles', () => {
  it('imbrication trop profonde : refusée sans récursion, « modifié » si le fichier porte les repères d’un paquet, « pas un paquet » sinon', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const marked = new TextEncoder().encode(`{"format":"assistant-convergence-paquet","signature":"","x":${deep}}`);
    expect(await verifyPackage(marked)).toMatchObject({ ok: false, kind: 'altered', message: expect.stringContaining('imbrication trop profonde') });
    expect(await verifyPackage(new TextEncoder().encode(deep))).toMatchObject({ ok: false, kind: 'unreadable' });
  });

  it('une clé « __proto__ », même signée, est refusée sans toucher au prototype', async () => {
    const built = await buildPackage(simpleInput(), await generateSigningKeyPair());
    const doc = JSON.parse(text(built.bytes).replace('"producer":{', '"producer":{"__proto__":{"polluted":true},')) as Record<string, unknown>;
    const r = await verifyPackage(await signPackageDocument(doc, await generateSigningKeyPair()));
    expect(r).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringContaining('champ(s) inconnu(s) : __proto__') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('clés et empreintes', () => {
  it('empreinte = SHA-256 du SPKI ; lue à voix haute en 8 groupes de 4 chiffres hexadécimaux', async () => {
    const keys = await generateSigningKeyPair();
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    const fp = await keyFingerprint(keys.publicKey);
    expect(fp.hex).toBe(createHash('sha256').update(spki).digest('hex'));
    expect(fp.display).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect(fp.display.replace(/ /g, '').toLowerCase()).toBe(fp.hex.slice(0, 32));
  });

  it('la clé privée reste non exportable ; la clé publique s’exporte seule en PEM et en JWK', async () => {
    const keys = await generateSigningKeyPair();
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
    const pem = await exportPublicKeyPem(keys.publicKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    expect(new Uint8Array(createPublicKey(pem).export({ type: 'spki', format: 'der' }))).toEqual(spki);
    const jwk = await exportPublicKeyJwk(keys.publicKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(jwk).not.toHaveProperty('d');
  });
});

describe('listes du domaine reprises, jamais recopiées', () => {
  it('un paquet peut porter les questionnaires d’évaluation, et eux seuls', () => {
    expect([...PACKAGE_QUESTIONNAIRES]).toEqual(EVALUATION_QUESTIONNAIRES.filter((q) => q !== 'orientation'));
  });

  it('le résumé liste les 16 critères marque blanche de lib/domain/white-label.ts et dit lesquels sont dans le paquet', async () => {
    const r = await verifyPackage(fixtureBytes());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = summarizePackage(r.package);
    expect(s.whiteLabelReview).toHaveLength(16);
    expect(s.whiteLabelReview.map((c) => c.id)).toEqual(WHITE_LABEL_REVIEW_CRITERIA.map((c) => c.id));
    expect(s.whiteLabelReview.filter((c) => c.inPackage).map((c) => c.id)).toEqual(['04.03', '09.02', '09.04', 'ACC.1.1', 'ETH.1.1', 'DEV.1.5']);
    expect(s.specificiteOui.map((c) => c.id)).toEqual(['04.03', 'ACC.1.1']);
  });
});
