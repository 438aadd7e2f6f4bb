import { describe, expect, it } from 'vitest';
import { readWorkbookIsolated } from '../../../../lib/cli/isolate';
import { FILE_LIMITS } from '../../../../lib/exchange/limits';
import { workbook } from '../../support/db';

const file = () => workbook([{ name: 'Interopérabilité', rows: [['ID', 'Niveau'], ['A06.1.1', 'Niveau 2']] }]);

// Le fil de lecture de l'outil en ligne de commande (ici depuis les sources, via tsx) : mêmes garanties.
describe('lecture isolée des classeurs (outil en ligne de commande)', () => {
  it('lit un classeur honnête dans un fil séparé', async () => {
    const grids = await readWorkbookIsolated(file(), 'ok.xlsx');
    expect(grids[0]?.rows).toEqual([['ID', 'Niveau'], ['A06.1.1', 'Niveau 2']]);
  });

  it('arrête le fil au-delà du temps imparti, avec un message qui nomme le fichier', async () => {
    await expect(readWorkbookIsolated(file(), 'lent.xlsx', { timeoutMs: 50 })).rejects.toThrow(
      'Fichier « lent.xlsx » refusé : lecture interrompue au bout de 0,05 s (classeur trop complexe ou piégé).',
    );
  });

  it('arrête le fil qui dépasse sa mémoire', async () => {
    await expect(readWorkbookIsolated(file(), 'gourmand.xlsx', { heapMb: 2, timeoutMs: 20_000 })).rejects.toThrow(
      'Fichier « gourmand.xlsx » refusé : lecture interrompue, le classeur demande trop de mémoire (plus de 2 Mo).',
    );
  });

  it('refuse une archive piégée sans lancer de fil', async () => {
    const started = Date.now();
    await expect(readWorkbookIsolated(file().subarray(0, 17), 'coupe.xlsx')).rejects.toThrow(/« coupe\.xlsx » illisible : archive tronquée/);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('limites par défaut : 7 s pour toute la lecture, 192 Mo de tas', () => {
    expect(FILE_LIMITS.parseTimeoutMs).toBe(7000);
    expect(FILE_LIMITS.parseHeapMb).toBe(192);
  });
});
