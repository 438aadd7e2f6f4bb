import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../../../lib/exchange/limits';
import { TEXT_LIMITS } from '../../../../lib/exchange/text-limits';

// Les valeurs publiées dans docs/formats.md (§ 5) : un changement ici doit s'y reporter.
describe('limites des fichiers reçus, définies une seule fois', () => {
  it('fichiers et archives', () => {
    expect(FILE_LIMITS).toMatchObject({
      fileBytes: 10 * 1024 * 1024,
      zipEntries: 1000,
      zipEntryBytes: 32 * 1024 * 1024,
      zipTotalBytes: 48 * 1024 * 1024,
      zipRatio: 100,
      sheets: 50,
      rows: 20_000,
      cols: 200,
      jsonDepth: 64,
      jsonValues: 1_000_000,
      cells: 1_000_000,
      parseTimeoutMs: 7000,
      parseHeapMb: 192,
    });
  });

  it('les longueurs des textes sont celles des schémas zod', () => {
    expect(TEXT_LIMITS).toMatchObject({
      criterionId: 64,
      title: 2000,
      section: 500,
      displayCondition: 4000,
      comment: 10_000,
      textAnswer: 10_000,
      choices: 100,
      choice: 500,
      evidence: 100,
      evidenceName: 500,
      evidenceType: 300,
      expectedEvidence: 20,
      expectedEvidenceItem: 300,
      author: 200,
      productId: 100,
      productName: 300,
    });
  });
});
