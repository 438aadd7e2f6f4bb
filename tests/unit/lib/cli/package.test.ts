import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as bin, tempDir } from '../../support/cli';
import { FIXTURE_V1, FIXTURE_V2, FIXTURES, fixtureBytes, runPaquet } from '../../support/package';

const tmp = tempDir('convergence-paquet-cli-');

describe('convergence-helper paquet verifier', () => {
  it('paquet intact : signature, producteur, empreinte, produit, comptes ; code 0', async () => {
    const r = await runPaquet('verifier', FIXTURE_V1);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Signature : valide (ECDSA P-256, SHA-256)');
    expect(r.out).toContain('Producteur : Producteur SAS');
    expect(r.out).toMatch(/Empreinte de la clé : [0-9A-F]{4}( [0-9A-F]{4}){7}\n/);
    expect(r.out).toContain('Produit : Dossia v3.1 — n° Convergence 4101');
    expect(r.out).toContain('Paquet n° 1 du 12/03/2026 à 10:00 UTC');
    expect(r.out).toContain('Contenu : 9 critère(s)');
    expect(r.out).toContain('Non transmis : 1 commentaire(s) confidentiel(s), contenu de 1 preuve(s)');
    expect(r.out).toContain('Spécificité « Oui » (à répondre par le distributeur) : 04.03, ACC.1.1');
    expect(r.out).toContain('Résultat : paquet authentique et intact.');
  });

  it('--json : le rapport pour une machine', async () => {
    const r = await runPaquet('verifier', FIXTURE_V1, '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data).toMatchObject({ file: 'producteur.convergence-paquet', valid: true, signature: 'valide', sequence: 1, product: { convergenceNumber: '4101' } });
    expect(data.fingerprint.hex).toMatch(/^[0-9a-f]{64}$/);
    expect(data.summary).toMatchObject({ criteria: 9, omitted: { confidentialComments: 1, evidenceContents: 1 } });
  });

  it('paquet modifié : code 1, avec --json aussi', async () => {
    const path = join(tmp, 'modifie.convergence-paquet');
    writeFileSync(path, readFileSync(FIXTURE_V1, 'utf8').replace('"level":"2"', '"level":"3"'));
    const r = await runPaquet('verifier', path, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ valid: false, kind: 'altered', signature: 'invalide', message: expect.stringContaining('modifié') });
  });

  it("fichier illisible ou qui n'est pas un paquet : code 2, message français qui nomme le fichier, sans trace", async () => {
    writeFileSync(join(tmp, 'vide.convergence-paquet'), '');
    writeFileSync(join(tmp, 'notes.txt'), 'bonjour');
    writeFileSync(join(tmp, 'image.convergence-paquet'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]));
    const big = join(tmp, 'gros.convergence-paquet');
    writeFileSync(big, '');
    truncateSync(big, 11 * 1024 * 1024);
    mkdirSync(join(tmp, 'dossier'));
    const cases: [string, RegExp][] = [
      [join(tmp, 'absent.convergence-paquet'), /Fichier « .*absent\.convergence-paquet » introuvable\./],
      [join(tmp, 'vide.convergence-paquet'), /Fichier « vide\.convergence-paquet » vide\./],
      [join(tmp, 'notes.txt'), /Fichier « notes\.txt » : ce n'est pas un paquet producteur/],
      [join(tmp, 'image.convergence-paquet'), /ce n'est pas un paquet producteur/],
      [join(FIXTURES, 'bibliotheque.json'), /c'est un export JSON de bibliothèque/],
      [big, /trop volumineux \(11 Mo, maximum 10 Mo\)/],
      [join(tmp, 'dossier'), /est un dossier/],
    ];
    for (const [path, message] of cases) {
      const r = await runPaquet('verifier', path);
      expect(r.code, path).toBe(2);
      expect(r.err, path).toMatch(message);
      expect(r.err, path).not.toMatch(/\n\s+at /);
    }
    const json = await runPaquet('verifier', join(tmp, 'notes.txt'), '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).erreur).toMatch(/notes\.txt/);
  });

  it('commande incorrecte : code 2 ; --help : code 0', async () => {
    expect((await runPaquet('verifier')).code).toBe(2);
    expect((await runPaquet('signer', FIXTURE_V1)).code).toBe(2);
    expect((await runPaquet('verifier', FIXTURE_V1, '--force')).code).toBe(2);
    expect((await runPaquet()).code).toBe(2);
    const help = await runPaquet('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Codes de sortie');
  });
});

describe('convergence-helper paquet diff', () => {
  it('les deux paquets d’exemple : ajoutés, retirés, modifiés et champs changés ; code 0', async () => {
    const r = await runPaquet('diff', FIXTURE_V1, FIXTURE_V2);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nouveau paquet : accepté comme mise à jour');
    expect(r.out).toContain('Critères ajoutés (1) :\n    + [Urbanisation] U02.3');
    expect(r.out).toContain('Critères retirés (1) :\n    - [Éthique Mon espace santé] DEV.1.5');
    expect(r.out).toContain('~ [Interopérabilité] A08.5.23 Consommateur de documents CDA (illustratif) : niveau (Niveau 2 → Niveau 3)');
    expect(r.out).toContain('~ [Maturité Sécurité] 09.04 Réalisation des sauvegardes (marque blanche : à revoir) : spécificité (Non → Oui)');
    expect(r.out).toContain('ETH.1.1 Finalités (marque blanche : à revoir) : conformité (Conforme → Non conforme), commentaire');
    expect(r.out).toContain('Critères inchangés : 5');
  });

  it('dans l’autre sens : le plus ancien serait refusé comme rejeu ; --json', async () => {
    const r = await runPaquet('diff', FIXTURE_V2, FIXTURE_V1, '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data).toMatchObject({ valid: true, sameKey: true, update: { verdict: 'rejeu' } });
    expect(data.changed.map((c: { id: string }) => c.id)).toEqual(['A08.5.23', '09.04', 'ETH.1.1']);
  });

  it('un des deux paquets modifié : code 1 ; illisible : code 2', async () => {
    const path = join(tmp, 'v2-modifie.convergence-paquet');
    const bytes = fixtureBytes(FIXTURE_V2);
    bytes[100] = bytes[100]! ^ 0x01;
    writeFileSync(path, bytes);
    const r = await runPaquet('diff', FIXTURE_V1, path);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Paquet producteur « v2-modifie.convergence-paquet »');
    expect((await runPaquet('diff', FIXTURE_V1, join(tmp, 'absent.convergence-paquet'))).code).toBe(2);
    expect((await runPaquet('diff', FIXTURE_V1)).code).toBe(2);
  });
});

describe('branchée dans convergence-helper', () => {
  it('paquet verifier et paquet diff : codes 0, 1 et 2 du vrai exécutable', () => {
    const ok = bin('paquet', 'verifier', FIXTURE_V1);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Résultat : paquet authentique et intact.');
    const altered = join(tmp, 'bin-modifie.convergence-paquet');
    writeFileSync(altered, readFileSync(FIXTURE_V1, 'utf8').replace('Producteur SAS', 'Producteur SA'));
    expect(bin('paquet', 'verifier', altered).code).toBe(1);
    expect(bin('paquet', 'verifier', join(tmp, 'absent.convergence-paquet')).code).toBe(2);
    expect(bin('paquet', 'diff', FIXTURE_V1, FIXTURE_V2).code).toBe(0);
    expect(bin('--help').out).toContain('convergence-helper paquet verifier FICHIER');
  });
});
