import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBackupCli } from '../../../../lib/cli/backup';
import { writeBackup } from '../../../../lib/exchange/backup';
import { cli, tempDir } from '../../support/cli';
import { freshRepo } from '../../support/db';
import { populated } from '../../support/backup';

const tmp = tempDir('convergence-sauvegarde-');

let good = '';
let altered = '';
let truncated = '';

beforeAll(async () => {
  const { repo, tick } = freshRepo();
  await populated(repo, tick);
  const text = await (await writeBackup(repo)).file.text();
  good = join(tmp, 'sauvegarde.json');
  writeFileSync(good, text);
  altered = join(tmp, 'modifiee.json');
  writeFileSync(altered, text.replace('Première lecture', 'Premiere lecture'));
  truncated = join(tmp, 'tronquee.json');
  writeFileSync(truncated, text.slice(0, text.length - 100));
  writeFileSync(join(tmp, 'notes.txt'), 'bonjour');
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runBackupCli(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

describe('convergence-helper sauvegarde verifier', () => {
  it('sauvegarde intacte : comptes, empreinte conforme, contenus vérifiés, code 0', async () => {
    const r = await run('verifier', good);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sauvegarde « sauvegarde.json »');
    expect(r.out).toContain('Produits : 2, variantes : 1, fiches administratives : 1, critères : 2, réponses : 3');
    expect(r.out).toContain('Empreinte du contenu (SHA-256) : conforme');
    expect(r.out).toContain('Contenus des preuves : 3/3 vérifié(s)');
    expect(r.out).toContain('Résultat : sauvegarde intacte.');
  });

  it('--json : le rapport pour une machine', async () => {
    const r = await run('verifier', good, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ valid: true, checksum: 'conforme', counts: { products: 2, blobs: 3 }, blobs: { total: 3, verified: 3, bad: 0 }, problems: [] });
  });

  it('sauvegarde modifiée ou tronquée : code 1, le problème nommé', async () => {
    const a = await run('verifier', altered);
    expect(a.code).toBe(1);
    expect(a.out).toContain('Empreinte du contenu (SHA-256) : DIFFÉRENTE');
    expect(a.out).toContain('Résultat : sauvegarde abîmée ou modifiée');
    const t = await run('verifier', truncated, '--json');
    expect(t.code).toBe(1);
    expect(JSON.parse(t.out)).toMatchObject({ valid: false, problems: [expect.stringContaining('fichier tronqué')] });
  });

  it("fichier absent, qui n'est pas une sauvegarde, ou commande incorrecte : code 2, message français sans trace", async () => {
    const missing = await run('verifier', join(tmp, 'absent.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^Erreur : Fichier « .*absent\.json » introuvable\.\n$/);
    const notBackup = await run('verifier', join(tmp, 'notes.txt'), '--json');
    expect(notBackup.code).toBe(2);
    expect(JSON.parse(notBackup.out).erreur).toMatch(/« notes\.txt ».*objet JSON est attendu/);
    expect((await run('restaurer', good)).code).toBe(2);
    expect((await run('verifier')).code).toBe(2);
    expect((await run('--help')).out).toContain('Codes de sortie');
  });

  it('branchée dans convergence-helper', () => {
    const r = cli('sauvegarde', 'verifier', good);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Résultat : sauvegarde intacte.');
  });
});
