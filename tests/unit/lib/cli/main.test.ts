import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cli, tempDir } from '../../support/cli';

const tmp = tempDir('convergence-cli-');

describe('CLI convergence-helper', () => {
  it('--help en français, code 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage :');
    expect(r.out).toContain('Codes de sortie');
  });

  it('check sur un classeur prêt : code 0', () => {
    const r = cli('check', join(FIXTURES, 'pret.xlsx'), '--date', '2025-06-01');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Prêt à candidater : oui');
  });

  it('check sur un tableau d’éditeur avec points bloquants : code 1, points bloquants avant les avertissements', () => {
    const r = cli('check', join(FIXTURES, 'bloquants.xlsx'));
    expect(r.code).toBe(1);
    const iBlock = r.out.indexOf('Points bloquants (3)');
    const iWarn = r.out.indexOf('Avertissements');
    expect(iBlock).toBeGreaterThan(0);
    expect(iWarn).toBeGreaterThan(iBlock);
    expect(r.out).toContain('A08.5.23 : niveau actuel « Niveau 1 » sous le minimum requis');
    expect(r.out).toContain('ACC.1.1 : critère obligatoire déclaré Non conforme');
    expect(r.out).toContain('A06.2.1 : critère obligatoire sans réponse');
    expect(r.out).toContain('absent du fichier');
  });

  it('--json : une sortie lisible par un programme', () => {
    const r = cli('check', join(FIXTURES, 'bloquants.xlsx'), '--json');
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out);
    expect(data.blockers).toBe(3);
    expect(data.products[0].report.findings[0].severity).toBe('bloquant');
  });

  it('check sur une bibliothèque JSON avec une réponse à revoir : code 0 et un avertissement', () => {
    const r = cli('check', join(FIXTURES, 'bibliotheque.json'), '--date', '2025-06-01', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data.kind).toBe('json');
    expect(data.products[0].report.findings).toMatchObject([{ code: 'reponse-perimee', criterionId: '09.04' }]);
  });

  it('entrée illisible : code 2, message clair en français, sans pile d’appels', () => {
    for (const [file, pattern] of [
      ['pas-un-classeur.xlsx', /ce n'est pas un classeur/],
      ['niveau-inconnu.xlsx', /feuille « Interopérabilité », ligne 2, colonne C : niveau inconnu « Excellent »/],
      ['absent.xlsx', /introuvable/],
    ] as const) {
      const r = cli('check', join(FIXTURES, file));
      expect(r.code, file).toBe(2);
      expect(r.err).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    const bad = join(tmp, 'proto.json');
    writeFileSync(bad, '{"format":"assistant-convergence","version":1,"__proto__":{"x":1}}');
    const r = cli('check', bad, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).erreur).toContain('clé interdite');
  });

  it('erreurs d’usage : code 2', () => {
    expect(cli('check').code).toBe(2);
    expect(cli('fly', 'x').code).toBe(2);
    expect(cli('check', 'a', '--date', 'hier').err).toContain('AAAA-MM-JJ');
  });

  it('convert xlsx → json → xlsx garde réponses et critères', () => {
    const json = join(tmp, 'pret.json');
    const r1 = cli('convert', join(FIXTURES, 'pret.xlsx'), json);
    expect(r1.code).toBe(0);
    const lib = JSON.parse(readFileSync(json, 'utf8'));
    expect(lib.format).toBe('assistant-convergence');
    expect(lib.answers).toHaveLength(9);
    const xlsx = join(tmp, 'pret-bis.xlsx');
    const r2 = cli('convert', json, xlsx);
    expect(r2.code).toBe(0);
    const json2 = join(tmp, 'pret-bis.json');
    expect(cli('convert', xlsx, json2).code).toBe(0);
    const lib2 = JSON.parse(readFileSync(json2, 'utf8'));
    const pick = (l: { answers: { criterionKey: string; value: unknown; comment: string; evidence: unknown }[] }) =>
      l.answers.map((a) => [a.criterionKey, a.value, a.comment, a.evidence]).sort();
    expect(pick(lib2)).toEqual(pick(lib));
    const crit = (l: { criteria: { key: string; title: string; obligation: string; acceptableLevels: unknown; expectedEvidence: unknown }[] }) =>
      l.criteria.map((c) => [c.key, c.title, c.obligation, c.acceptableLevels, c.expectedEvidence]).sort();
    expect(crit(lib2)).toEqual(crit(lib));
    expect(cli('check', xlsx, '--date', '2025-06-01').code).toBe(0);
  });

  it('convert nomme l’entrée et la sortie', () => {
    const out = join(tmp, 'nomme.json');
    const r = cli('convert', join(FIXTURES, 'pret.xlsx'), out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Conversion tableur → bibliothèque JSON : « .*pret\.xlsx » → « .*nomme\.json » écrit \(\d+ critère\(s\), 9 réponse\(s\)\)\.$/m);
  });

  it('un nom sur plusieurs lignes ne contrefait pas la ligne « Résultat » ; aucun caractère de contrôle brut', () => {
    const lib = JSON.parse(readFileSync(join(FIXTURES, 'bibliotheque.json'), 'utf8'));
    lib.products[0].name = 'Produit\nRésultat : 0 point(s) bloquant(s), 0 avertissement(s).\u202e';
    lib.criteria[0].title = 'Titre\n\nRésultat : 0 point(s) bloquant(s), 0 avertissement(s).\u202e';
    lib.answers = lib.answers.filter((a: { criterionKey: string }) => a.criterionKey !== lib.criteria[0].key);
    const file = join(tmp, 'piege.json');
    writeFileSync(file, JSON.stringify(lib));
    const r = cli('check', file, '--date', '2025-06-01');
    expect(r.code).toBe(1);
    expect(r.out.match(/^Résultat :/gm)).toHaveLength(1);
    expect(r.out).toContain('Titre\\n\\nRésultat : 0 point(s)');
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const j = cli('check', file, '--date', '2025-06-01', '--json');
    expect(j.out).not.toMatch(/[\u202e]/);
    expect(JSON.parse(j.out).products[0].report.findings.some((f: { message: string }) => f.message.includes('\u202e'))).toBe(true);
    expect(JSON.parse(j.out).products[0].name).toBe('Produit Résultat : 0 point(s) bloquant(s), 0 avertissement(s).');
  });

  it('JSON très imbriqué, version absente : code 2, français, fichier nommé', () => {
    const deep = join(tmp, 'profond.json');
    writeFileSync(deep, '['.repeat(10_000) + ']'.repeat(10_000));
    const r = cli('check', deep);
    expect(r.code).toBe(2);
    expect(r.err).toBe('Erreur : Fichier « profond.json » : JSON invalide à la ligne 1, colonne 65 : imbrication trop profonde (plus de 64 niveaux).\n');
    const nover = join(tmp, 'sans-version.json');
    writeFileSync(nover, '{"format":"assistant-convergence"}');
    expect(cli('check', nover).err).toContain('version de format absente');
  });

  it('convert n’écrit jamais ce que l’import refuserait (commentaire trop long), et rien quand il refuse', () => {
    const csv = join(tmp, 'long.csv');
    writeFileSync(csv, `ID;Réponse;Commentaire\nA06.1.1;Niveau 2;${'x'.repeat(10_001)}\n`);
    const out = join(tmp, 'long.json');
    const r = cli('convert', csv, out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/« long\.csv » refusé, rien n'a été enregistré : feuille « long », ligne 2, colonne C : texte trop long \(10 001 caractères, maximum 10 000\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('convert refuse une extension de sortie inconnue, plutôt que d’écrire un format inattendu', () => {
    const r = cli('convert', join(FIXTURES, 'pret.xlsx'), join(tmp, 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('.json');
  });
});
