import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cli, tempDir } from '../../support/cli';

// `check --bibliotheque` : un tableur dont les minimums (ou intitulés) diffèrent du catalogue de la bibliothèque
// est signalé avec le vocabulaire de l'extension ; le code de sortie ne dépend toujours que des points bloquants.

const LIB = join(FIXTURES, 'bibliotheque.json');
const tmp = tempDir('convergence-referentiel-');

describe('convergence-helper check --bibliotheque', () => {
  // Feuille « Urbanisation » (nom du fichier) : U01.1 passe à un minimum de 3, même intitulé à la casse près.
  const csv = join(tmp, 'Urbanisation.csv');
  writeFileSync(csv, 'ID;Critère;Obligation;Niveaux acceptables;Réponse\nU01.1;IDENTIFICATION (illustratif);Obligation;3;Niveau 3\n');

  it('minimum différent : listé (bibliothèque puis fichier), texte et JSON', () => {
    const r = cli('check', csv, '--bibliotheque', LIB, '--date', '2025-06-01');
    expect(r.err).toBe('');
    expect(r.out).toContain('Critères modifiés par rapport à la bibliothèque « bibliotheque.json » (1) :');
    expect(r.out).toContain('~ [Urbanisation] U01.1 : minimum modifié(s)');
    expect(r.out).toContain('minimum : bibliothèque niveaux acceptables 2, 3 ; fichier niveaux acceptables 3');
    expect(r.out).not.toContain('intitulé :');
    const json = JSON.parse(cli('check', csv, '--bibliotheque', LIB, '--json').out);
    expect(json.referentiel.criteres).toEqual([expect.objectContaining({ questionnaire: 'urbanisation', id: 'U01.1', aspects: ['minimum'] })]);
  });

  it('sans --bibliotheque : rien de plus ; bibliothèque illisible : code 2 et message qui nomme l\'option', () => {
    expect(cli('check', csv, '--json').out).not.toContain('referentiel');
    const bad = join(tmp, 'pas-une-bibliotheque.txt');
    writeFileSync(bad, 'bonjour');
    const r = cli('check', csv, '--bibliotheque', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--bibliotheque/);
  });

  it('mêmes minimums : « aucun »', () => {
    const same = join(tmp, 'meme', 'Urbanisation.csv');
    mkdirSync(join(tmp, 'meme'), { recursive: true });
    writeFileSync(same, 'ID;Critère;Obligation;Niveaux acceptables;Réponse\nU01.1;Identification (illustratif);Obligation;2, 3;Niveau 3\n');
    const r = cli('check', same, '--bibliotheque', LIB);
    expect(r.out).toContain('(0) :');
    expect(r.out).toContain('aucun : minimums, intitulés, natures et preuves attendues identiques.');
  });
});
