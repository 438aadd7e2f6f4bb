import { describe, expect, it } from 'vitest';
import { buildPackage, canonicalJson, decodeCanonicalBase64, encodeBase64, generateSigningKeyPair, verifyPackage } from '../../../../../lib/exchange/package';
import { editJson, fixtureBytes, seeded, simpleInput } from '../../../support/package';

describe('sérialisation canonique du contenu signé', () => {
  it('membres triés, aucun espace, chaînes en NFC, nombres écrits comme en JSON', () => {
    // « é » décomposé (e + accent) et composé doivent donner les mêmes octets : un éditeur de texte peut changer l'un en l'autre.
    const decomposed = 'Cafe\u0301';
    expect(canonicalJson({ b: [1, 2.5, -0, 1e21], a: { z: true, y: null }, 'é': decomposed })).toBe('{"a":{"y":null,"z":true},"b":[1,2.5,0,1e+21],"é":"Café"}');
    expect(canonicalJson({ a: 'Caf\u00e9' })).toBe(canonicalJson({ a: decomposed }));
  });

  it('ordre des unités UTF-16, indépendant de la langue ; membres undefined omis comme dans le fichier écrit', () => {
    expect(canonicalJson({ b: 1, B: 2, a: undefined, _: 3 })).toBe('{"B":2,"_":3,"b":1}');
  });

  it('refuse ce qui n\'a pas une seule écriture : nombre non fini, demi-paire isolée, noms égaux après NFC', () => {
    // 1e400 lu par JSON.parse devient Infinity : il ne doit pas se signer comme « null ».
    expect(() => canonicalJson({ n: JSON.parse('1e400') })).toThrow(/nombre non fini/);
    expect(() => canonicalJson({ s: 'a\ud800' })).toThrow(/demi-paire/);
    expect(() => canonicalJson({ 'Cafe\u0301': 1, 'Caf\u00e9': 2 })).toThrow(/en double/);
  });

  it('le même paquet construit deux fois se vérifie, et son contenu signé est le même', async () => {
    const keys = await generateSigningKeyPair();
    const a = await buildPackage(simpleInput(), keys);
    const b = await buildPackage(simpleInput(), keys);
    const ra = await verifyPackage(a.bytes);
    const rb = await verifyPackage(b.bytes);
    expect(ra.ok && rb.ok).toBe(true);
    // Les signatures ECDSA diffèrent (aléa de signature), pas ce qu'elles signent.
    const unsigned = (p: typeof a.package) => canonicalJson({ ...p, signature: undefined });
    expect(unsigned(a.package)).toBe(unsigned(b.package));
  });

  it("l'ordre des champs et les espaces du fichier ne comptent pas ; une valeur changée compte", async () => {
    const original = fixtureBytes();
    const doc = JSON.parse(new TextDecoder().decode(original)) as Record<string, unknown>;
    // Champs en ordre inverse à tous les niveaux, indentation, retours à la ligne Windows.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const reformatted = new TextEncoder().encode('\uFEFF' + JSON.stringify(reversed(doc), null, '\t').replace(/\n/g, '\r\n') + '\n\n');
    const before = await verifyPackage(original);
    const after = await verifyPackage(reformatted);
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) {
      expect(after.package).toEqual(before.package);
      expect(after.fingerprint).toEqual(before.fingerprint);
    }
    const changed = await verifyPackage(editJson(original, (d) => void (d.answers[0]!.comment = `${d.answers[0]!.comment ?? ''} `)));
    expect(changed).toMatchObject({ ok: false, kind: 'altered' });
  });
});

describe('base64 des clés, signatures et contenus', () => {
  it('même écriture que Node (Buffer), aller-retour exact, toutes longueurs', () => {
    const random = seeded(7);
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      const b64 = encodeBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeCanonicalBase64(b64)).toEqual(bytes);
    }
  });

  it('une seule écriture acceptée : bits de remplissage non nuls, remplissage manquant ou en trop, autre alphabet refusés', () => {
    // « QR== » et « QQ== » donneraient le même octet avec un décodeur tolérant : un caractère changé passerait inaperçu.
    expect(decodeCanonicalBase64('QQ==')).toEqual(new Uint8Array([0x41]));
    expect(decodeCanonicalBase64('QUI=')).toEqual(new Uint8Array([0x41, 0x42]));
    for (const bad of ['QR==', 'QUJ=', 'QQ=', 'QQ', 'Q===', 'QQ==QQ==', 'Q-_A', 'QUJD\n', 'QU é']) expect(decodeCanonicalBase64(bad), bad).toBeNull();
  });
});
