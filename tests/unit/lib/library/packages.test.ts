import { describe, expect, it } from 'vitest';
import { base64ToBytes, encodeBase64 } from '../../../../lib/text/base64';
import { canonicalJson, generateSigningKeyPair, signPackageDocument } from '../../../../lib/exchange/package';
import { SHARE, build, distributor, importAs, producer, snapshot, updateProducer } from '../../support/libraries';
import { seedAnswers } from '../../support/seed';

describe('paquet producteur : clé, construction, import vérifié', () => {
  it('la clé de signature est créée une fois puis réutilisée (non exportable, rangée dans IndexedDB)', async () => {
    const p = await producer();
    const k1 = await p.must('package.key', {});
    const k2 = await p.must('package.key', {});
    expect(k2.fingerprint).toEqual(k1.fingerprint);
    expect(k1.fingerprint.display).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const row = (await p.repo.db.sharing.get('cle-signature'))!.value as { keys: CryptoKeyPair };
    expect(row.keys.privateKey.extractable).toBe(false);
    const exported = await p.must('package.key.export', {});
    expect(exported.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(exported.fingerprint.hex).toBe(k1.fingerprint.hex);
    // Deux paquets : même clé, numéro d'ordre augmenté.
    const a = await build(p);
    const b = await build(p);
    expect([a.built.sequence, b.built.sequence]).toEqual([1, 2]);
    expect(b.built.fingerprint.hex).toBe(k1.fingerprint.hex);
  });

  it("l'aperçu liste les 16 critères marque blanche, les spécificités « Oui », et garde les marques « confidentiel »", async () => {
    const p = await producer();
    const prev = await p.must('package.share.preview', SHARE(p.productId));
    expect(prev.summary.whiteLabelReview).toHaveLength(16);
    expect(prev.summary.specificiteOui.map((s: { key: string }) => s.key)).toEqual(['securite/09.04']);
    expect(prev.leftOut.confidentialComments).toBe(1);
    expect(prev.rows.map((r: { key: string }) => r.key)).not.toContain('orientation/Q1');
    await build(p);
    // Marques gardées pour ce produit : l'aperçu suivant les reprend sans qu'on les redonne.
    const again = await p.must('package.share.preview', { productId: p.productId, variantId: '', questionnaires: ['securite'] });
    expect(again.confidentialComments).toEqual(['securite/01.02']);
    expect(again.sequence).toBe(2);
  });

  it("construit chez le producteur, importé chez le distributeur : lecture seule, lien distributeur, réponses reprises où la spécificité est « Non »", async () => {
    const p = await producer();
    const file = await build(p);
    const bytes = new TextDecoder().decode(base64ToBytes(file.contentBase64));
    expect(bytes).not.toContain('Contrat interne du client X');
    expect(bytes).not.toContain('orientation');

    const d = await distributor();
    const inspect = await d.must('package.inspect', file);
    expect(inspect.verdict.kind).toBe('nouveau');
    expect(inspect.fingerprint.hex).toBe(file.built.fingerprint.hex);
    // Sans l'empreinte confirmée : rien n'est écrit.
    const before = await snapshot(d.repo);
    expect(await d.send('package.commit', { ...file, distributorProductId: d.productId, author: 'd' })).toMatchObject({ ok: false, error: expect.stringMatching(/confirmez d'abord l'empreinte/) });
    expect(await snapshot(d.repo)).toBe(before);

    const commit = await d.must('package.commit', { ...file, confirmedFingerprint: inspect.fingerprint.hex, distributorProductId: d.productId, author: 'd' });
    expect(commit.marker).toBe('Paquet de « Producteur SAS » du 12/03/2026');
    const list = await d.must('package.list', {});
    expect(list.packages).toEqual([expect.objectContaining({ producerProductId: commit.producerProductId, marker: commit.marker, sequence: 1 })]);
    const products = await d.must('products.list', {});
    const mine = products.products.find((e: { product: { id: string } }) => e.product.id === d.productId).product;
    expect(mine.role).toEqual({ kind: 'distributeur', producerProductId: commit.producerProductId });
    // Octets bruts gardés.
    const row = (await d.repo.db.packages.toArray())[0]!;
    expect(encodeBase64(row.bytes)).toBe(file.contentBase64);

    // Le produit reçu ne se partage pas au nom du distributeur : ses réponses passeraient pour les siennes.
    for (const type of ['package.share.preview', 'package.share.build'])
      expect(await d.send(type, { productId: commit.producerProductId, variantId: '', questionnaires: ['securite'] })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/seul son producteur peut le partager/),
      });

    // Produit du producteur en lecture seule.
    await expect(seedAnswers(d.repo, commit.producerProductId, [{ questionnaire: 'securite', criterionId: '01.01', value: { kind: 'niveau', level: '0' } }], { author: 'd' })).rejects.toThrow(/lecture seule/);

    // Résolution : spécificité Non reprise, Oui non ; commentaire confidentiel absent.
    const resolved = await d.must('answers.resolved', { productId: d.productId });
    const byKey = new Map(resolved.answers.map((r: { criterionKey: string }) => [r.criterionKey, r]));
    expect([...byKey.keys()].sort()).toEqual(['ethique/ETH.1.7', 'securite/01.01', 'securite/01.02']);
    expect((byKey.get('securite/01.02') as { answer: { comment: string } }).answer.comment).toBe('');
    expect(byKey.get('ethique/ETH.1.7')).toMatchObject({ reviewFlag: true, reviewReason: 'marque-blanche' });

    // Préparation : 09.04 « à répondre par le distributeur ».
    const readiness = await d.must('readiness.get', { productId: d.productId });
    expect(readiness.findings.map((f: { message: string }) => f.message)).toContain('09.04 : à répondre par le distributeur (spécificité « Oui » chez l\'éditeur producteur).');

    // Confirmer un critère marque blanche retire « à revoir ».
    await d.must('package.review.confirm', { productId: d.productId, keys: ['ethique/ETH.1.7'] });
    const after = await d.must('answers.resolved', { productId: d.productId });
    expect(after.answers.find((r: { criterionKey: string }) => r.criterionKey === 'ethique/ETH.1.7').reviewFlag).toBe(false);
  });

  it('paquet falsifié (octets, clé, numéro, niveau) : refusé comme modifié, bibliothèque du distributeur inchangée', async () => {
    const p = await producer();
    const file = await build(p);
    const d = await distributor();
    const before = await snapshot(d.repo);
    const bytes = base64ToBytes(file.contentBase64);
    const variants: Uint8Array[] = [];
    // 200 octets changés à des positions tirées (graine fixe : reproductible), un à la fois.
    let seed = 42;
    for (let i = 0; i < 200; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const v = bytes.slice();
      const at = seed % v.length;
      v[at] = v[at]! ^ (1 + (seed % 255));
      variants.push(v);
    }
    const doc = JSON.parse(new TextDecoder().decode(bytes));
    const other = await generateSigningKeyPair();
    const resigned = await signPackageDocument({ ...doc, sequence: 7 }, other);
    const otherKeyDoc = JSON.parse(new TextDecoder().decode(resigned));
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    variants.push(enc({ ...doc, publicKey: otherKeyDoc.publicKey }));
    variants.push(enc({ ...doc, sequence: 2 }));
    const edited = structuredClone(doc);
    edited.answers[0].value = { kind: 'niveau', level: '3' };
    variants.push(enc(edited));
    expect(canonicalJson(edited)).not.toBe(canonicalJson(doc));
    for (const [i, v] of variants.entries()) {
      const f = { fileName: 'p.convergence-paquet', contentBase64: encodeBase64(v) };
      const r = await d.send('package.inspect', f);
      expect(r.ok, `variante ${i}`).toBe(false);
      const c = await d.send('package.commit', { ...f, confirmedFingerprint: file.built.fingerprint.hex, acceptOtherKey: true, distributorProductId: d.productId, author: 'd' });
      expect(c.ok, `variante ${i}`).toBe(false);
    }
    const last = await d.send('package.commit', { fileName: 'p.convergence-paquet', contentBase64: encodeBase64(variants.at(-1)!), confirmedFingerprint: file.built.fingerprint.hex, author: 'd' });
    expect(last).toMatchObject({ ok: false, error: expect.stringMatching(/modifié/) });
    expect(await snapshot(d.repo)).toBe(before);
    expect(await d.repo.db.packages.count()).toBe(0);
  });

  it('rejeu refusé ; autre clé exige un choix explicite ; mise à jour : différences et réponses « à revoir » ; annuler rend le paquet précédent', async () => {
    const p = await producer();
    const v1 = await build(p);
    const d = await distributor();
    const { commit } = await importAs(d, v1);
    // Rejeu du même paquet.
    expect(await d.send('package.inspect', v1)).toMatchObject({ ok: false, error: expect.stringMatching(/déjà été importé/) });

    // Le producteur change 01.01 (niveau) et ETH.1.7 (commentaire) ; le distributeur répond lui-même à ETH.1.7.
    await updateProducer(p);
    await seedAnswers(d.repo, d.productId, [{ questionnaire: 'ethique', criterionId: 'ETH.1.7', value: { kind: 'conformite', conformity: 'conforme' } }], { author: 'd', at: '2026-03-12T10:00:00.000Z' });
    const v2 = await build(p);
    d.tick();
    const inspect = await d.must('package.inspect', v2);
    expect(inspect.verdict.kind).toBe('mise-a-jour');
    expect(inspect.diff.changed.map((c: { key: string; fields: string[] }) => [c.key, c.fields])).toEqual([
      ['securite/01.01', ['level']],
      ['ethique/ETH.1.7', ['comment']],
    ]);
    expect(inspect.inherited.map((c: { key: string }) => c.key)).toEqual(['securite/01.01']);
    const up = await d.must('package.commit', { ...v2, author: 'd' });
    expect(up.review).toEqual(['securite/01.01']);
    let resolved = await d.must('answers.resolved', { productId: d.productId });
    expect(resolved.answers.find((r: { criterionKey: string }) => r.criterionKey === 'securite/01.01')).toMatchObject({ reviewFlag: true, reviewReason: 'mise-a-jour', answer: { value: { level: '3' } } });
    const readiness = await d.must('readiness.get', { productId: d.productId });
    expect(readiness.findings.map((f: { message: string }) => f.message)).toContain('01.01 : à revoir, réponse du producteur changée par la mise à jour de son paquet.');
    // L'ancien paquet ne repasse plus.
    expect(await d.send('package.inspect', v1)).toMatchObject({ ok: false, error: expect.stringMatching(/plus ancien/) });

    // Annuler : le paquet n° 1 redevient celui en vigueur, avec ses réponses.
    await d.must('operations.undoLast', { author: 'd' });
    expect((await d.must('package.list', {})).packages).toEqual([expect.objectContaining({ sequence: 1, producerProductId: commit.producerProductId })]);
    resolved = await d.must('answers.resolved', { productId: d.productId });
    expect(resolved.answers.find((r: { criterionKey: string }) => r.criterionKey === 'securite/01.01')).toMatchObject({ reviewFlag: false, answer: { value: { level: '2' } } });

    // Réimporter la mise à jour annulée : elle redevient le paquet en vigueur, avec ses « à revoir ».
    d.tick();
    expect((await d.must('package.inspect', v2)).verdict.kind).toBe('mise-a-jour');
    await d.must('package.commit', { ...v2, author: 'd' });
    expect((await d.must('package.list', {})).packages.map((x: { sequence: number }) => x.sequence)).toEqual([2]);
    resolved = await d.must('answers.resolved', { productId: d.productId });
    expect(resolved.answers.find((r: { criterionKey: string }) => r.criterionKey === 'securite/01.01')).toMatchObject({ reviewFlag: true, answer: { value: { level: '3' } } });
    await d.must('operations.undoLast', { author: 'd' });

    // Autre clé pour le même produit : choix explicite exigé.
    const impostor = await producer();
    await impostor.must('package.key', {});
    const forged = await build(impostor);
    const seen = await d.must('package.inspect', forged);
    expect(seen.verdict.kind).toBe('autre-cle');
    const refused = await d.send('package.commit', { ...forged, confirmedFingerprint: seen.fingerprint.hex, author: 'd' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/autre clé/) });
    d.tick();
    await d.must('package.commit', { ...forged, confirmedFingerprint: seen.fingerprint.hex, acceptOtherKey: true, author: 'd' });
    expect((await d.must('package.list', {})).packages[0].fingerprint.hex).toBe(seen.fingerprint.hex);
  });
});
