import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError, QUOTA_MESSAGE } from '../../../../lib/db/storage-errors';
import { UserError } from '../../../../lib/domain/errors';
import { freshRepo, level, PROV, seedProduct, snapshot } from '../../support/db';
import type { Repository } from '../../../../lib/db/repository';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Tout ce qui est stocké, contenus de preuves compris. */
async function everything(repo: Repository): Promise<string> {
  const blobs = await repo.db.blobs.toArray();
  return `${await snapshot(repo)}|${JSON.stringify(await repo.db.files.toArray())}|${blobs.map((b) => `${b.hash}:${b.size}`).join(',')}|${await repo.db.previews.count()}`;
}

describe('disque plein (quota) : message français, rien à moitié écrit', () => {
  it("une écriture refusée pour quota au milieu d'une opération : message qui dit quoi faire, base inchangée", async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A01.1', value: level('1') }], PROV, { kind: 'saisie', label: 's', author: 'a' });
    const before = await everything(repo);
    // La deuxième réponse créée fait déborder le disque : la première, déjà écrite dans la transaction, doit partir aussi.
    let created = 0;
    repo.db.answers.hook('creating', () => {
      if (++created === 2) throw quota();
    });
    const attempt = repo.saveAnswers(
      'p1',
      '',
      [
        { questionnaire: 'interoperabilite', criterionId: 'A02.1', value: level('2') },
        { questionnaire: 'interoperabilite', criterionId: 'A03.1', value: level('3') },
      ],
      PROV,
      { kind: 'capture', label: 'Capture', author: 'a' },
    );
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(QUOTA_MESSAGE);
    expect(QUOTA_MESSAGE).toMatch(/Rien n'a été écrit/);
    expect(QUOTA_MESSAGE).toMatch(/libérez de l'espace/);
    expect(QUOTA_MESSAGE).toMatch(/Sauvegarde complète/);
    expect(QUOTA_MESSAGE).toMatch(/supprimez les preuves anciennes/);
    expect(await everything(repo)).toBe(before);
  });

  it("AbortError de Dexie dont la cause est un quota, à l'écriture d'un contenu de preuve : même message, ni preuve ni contenu", async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'p1');
    const before = await everything(repo);
    repo.db.files.hook('creating', () => {
      throw new Dexie.AbortError('Transaction aborted', quota());
    });
    await expect(repo.addEvidenceFile({ productId: 'p1', name: 'gros.pdf', blob: new Blob(['x'.repeat(5000)]), evidenceType: 'Audit' }, 'a')).rejects.toThrow(QUOTA_MESSAGE);
    expect(await everything(repo)).toBe(before);
    expect(await repo.db.blobs.count()).toBe(0);
  });

  it("l'enregistrement d'un aperçu d'import refusé pour quota donne le même message", async () => {
    const { repo } = freshRepo();
    repo.db.previews.hook('creating', () => {
      throw new Dexie.QuotaExceededError('plein');
    });
    const preview = { id: 'ap-1', fileName: 'f.json', source: 'json', counts: { created: 0, changed: 0, unchanged: 0, conflict: 0 }, criteria: { created: 0, changed: 0 }, products: { created: 0, changed: 0 }, items: [], plan: [], changeBase: {} } as const;
    await expect(repo.savePreview(structuredClone(preview) as never)).rejects.toThrow(QUOTA_MESSAGE);
    expect(await repo.db.previews.count()).toBe(0);
  });

  it('reconnaît les formes du quota, et seulement elles', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('q'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('a', quota()))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('clé en double'))).toBe(false);
    expect(isQuotaError(new Error('autre'))).toBe(false);
  });
});
