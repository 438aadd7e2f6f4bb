import { RangeSet } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { LibraryCache } from '../../../../lib/db/library-cache';
import { Repository } from '../../../../lib/db/repository';
import { ConvergenceDB } from '../../../../lib/db/schema';
import { resolveAnswers } from '../../../../lib/domain/resolve';
import { answer, crit, freshRepo, level, PROV, seedProduct } from '../../support/db';

const META = { kind: 'saisie' as const, label: 'Saisie', author: 'alice' };

/** Un producteur (20 réponses, spécificité Non) et n distributeurs, chacun avec une réponse de famille et une de variante. */
async function whiteLabel(n: number) {
  const { repo, tick } = freshRepo();
  await seedProduct(repo, 'prod', { kind: 'producteur' });
  const producer = Array.from({ length: 20 }, (_, i) => answer('prod', '', 'interoperabilite', `A${String(i).padStart(2, '0')}.1`, level('2'), { specificite: 'non' }));
  await repo.db.answers.bulkAdd(producer);
  const ids = Array.from({ length: n }, (_, i) => `d${i}`);
  for (const id of ids) {
    await seedProduct(repo, id, { kind: 'distributeur', producerProductId: 'prod' });
    await repo.createVariant({ id: `${id}-v`, productId: id, os: 'android', device: 'mobile' }, 'a');
    await repo.saveAnswers(id, '', [{ questionnaire: 'interoperabilite', criterionId: 'A00.1', value: level('3') }], PROV, META);
    await repo.saveAnswers(id, `${id}-v`, [{ questionnaire: 'interoperabilite', criterionId: 'A01.1', value: level('1') }], PROV, META);
  }
  return { repo, tick, ids };
}

describe('bibliothèques gardées en mémoire pour la résolution', () => {
  it("50 distributeurs d'un même producteur : chaque bibliothèque n'est lue qu'une fois, et le résultat est celui de resolveAnswers", async () => {
    const { repo, ids } = await whiteLabel(50);
    const reads = vi.spyOn(repo.db.answers, 'where');
    const first = [];
    for (const id of ids) first.push(await repo.resolvedAnswers(id, `${id}-v`));
    // 50 distributeurs + le producteur, une lecture chacun (et non plus le producteur 50 fois).
    expect(reads).toHaveBeenCalledTimes(51);
    const second = [];
    for (const id of ids) second.push(await repo.resolvedAnswers(id, `${id}-v`));
    expect(reads).toHaveBeenCalledTimes(51);
    expect(second).toEqual(first);
    reads.mockRestore();
    // Même résultat que la résolution pure sur ce que contient la base.
    const producer = await repo.answersOfProduct('prod');
    for (const [i, id] of ids.entries()) {
      const pure = resolveAnswers({ product: (await repo.getProduct(id))!, variantId: `${id}-v`, answers: await repo.answersOfProduct(id), criteria: new Map(), producerAnswers: producer });
      expect(first[i]).toEqual(pure);
    }
    expect(first[0]!.map((r) => [r.criterionKey, r.source])).toEqual([
      ['interoperabilite/A00.1', 'famille'],
      ['interoperabilite/A01.1', 'variante'],
      ...Array.from({ length: 18 }, (_, i) => [`interoperabilite/A${String(i + 2).padStart(2, '0')}.1`, 'producteur']),
    ]);
  });

  it('la bibliothèque du producteur est oubliée dès que ses réponses changent, et seulement elle', async () => {
    const { repo, tick, ids } = await whiteLabel(3);
    for (const id of ids) await repo.resolvedAnswers(id);
    tick();
    await repo.saveAnswers('prod', '', [{ questionnaire: 'interoperabilite', criterionId: 'A05.1', value: level('NA'), specificite: 'non' }], PROV, META);
    const reads = vi.spyOn(repo.db.answers, 'where');
    for (const id of ids) {
      const r = await repo.resolvedAnswers(id);
      expect(r.find((x) => x.criterionKey === 'interoperabilite/A05.1')?.answer.value).toEqual(level('NA'));
    }
    // Les distributeurs n'ont pas changé : seul le producteur est relu.
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("une écriture en lot (50 réponses ou plus) : Dexie ne dit pas quelles clés, toutes les bibliothèques sont relues", async () => {
    const { repo, ids } = await whiteLabel(2);
    await repo.resolvedAnswers('d0');
    const inputs = Array.from({ length: 60 }, (_, i) => ({ questionnaire: 'urbanisation' as const, criterionId: `U${i}`, value: level('2') }));
    await repo.saveAnswers(ids[1]!, '', inputs, PROV, META);
    const reads = vi.spyOn(repo.db.answers, 'where');
    await repo.resolvedAnswers('d0');
    expect(reads).toHaveBeenCalledTimes(2);
    // Sa famille : A00.1, les 60 nouvelles, et 19 reprises du producteur (A01.1 à A19.1).
    expect(await repo.resolvedAnswers(ids[1]!)).toHaveLength(1 + 60 + 19);
  });

  it("une écriture faite sans passer par le Repository (autre connexion à la base) est vue aussi", async () => {
    const { repo } = await whiteLabel(1);
    expect((await repo.resolvedAnswers('d0')).find((x) => x.criterionKey === 'interoperabilite/A00.1')?.answer.value).toEqual(level('3'));
    const other = new ConvergenceDB(repo.db.name);
    await other.answers.put(answer('d0', '', 'interoperabilite', 'A00.1', level('0')));
    other.close();
    expect((await repo.resolvedAnswers('d0')).find((x) => x.criterionKey === 'interoperabilite/A00.1')?.answer.value).toEqual(level('0'));
  });

  it("produits et catalogue aussi : un rôle changé, une question d'architecture apprise, un produit supprimé", async () => {
    const { repo } = await whiteLabel(1);
    expect((await repo.resolvedAnswers('d0')).some((x) => x.source === 'producteur')).toBe(true);
    await repo.updateProduct('d0', { role: { kind: 'nominal' } }, 'a');
    expect((await repo.resolvedAnswers('d0')).some((x) => x.source === 'producteur')).toBe(false);

    // Une réponse de famille à une question d'orientation inconnue est reprise par la variante…
    await repo.saveAnswers('d0', '', [{ questionnaire: 'orientation', criterionId: 'Q7', value: { kind: 'choix', choices: ['Web'] } }], PROV, META);
    expect((await repo.resolvedAnswers('d0', 'd0-v')).some((x) => x.criterionKey === 'orientation/Q7')).toBe(true);
    // … jusqu'à ce que le catalogue apprenne que c'est la question d'architecture (propre à chaque variante).
    const archi = crit({ questionnaire: 'orientation', id: 'Q7', title: 'Pour quelle architecture du service sollicitez-vous un référencement ?', kind: 'choix-multiple' });
    await repo.learnCriteria([{ questionnaire: 'orientation', id: 'Q7', title: archi.title, kind: 'choix-multiple' }], PROV, 'a');
    expect((await repo.resolvedAnswers('d0', 'd0-v')).some((x) => x.criterionKey === 'orientation/Q7')).toBe(false);

    await repo.deleteProduct('d0', 'a');
    await expect(repo.resolvedAnswers('d0')).rejects.toThrow('Produit introuvable');
  });

  it("une lecture en cours quand une écriture est validée n'est pas gardée ; deux lectures simultanées n'en font qu'une", async () => {
    const { repo } = await whiteLabel(1);
    const cache = new LibraryCache(repo.db);
    const reads = vi.spyOn(repo.db.answers, 'where');
    const [a, b] = [cache.answersOf('d0'), cache.answersOf('d0')];
    expect(reads).toHaveBeenCalledTimes(1);
    // Ce que Dexie signale à la validation d'une écriture des réponses de d0, pendant la lecture.
    cache.mutated({ [`idb://${repo.db.name}/answers/`]: new RangeSet('d0|x', 'd0|x') });
    expect(await a).toBe(await b);
    await cache.answersOf('d0');
    expect(reads).toHaveBeenCalledTimes(2);
    // Une écriture qui ne touche pas d0 ne la fait pas relire.
    cache.mutated({ [`idb://${repo.db.name}/answers/`]: new RangeSet('prod|', 'prod|') });
    await cache.answersOf('d0');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('les réponses rendues sont partagées avec la mémoire, donc gelées : les modifier échoue au lieu de la fausser', async () => {
    const { repo } = await whiteLabel(1);
    const [first] = await repo.resolvedAnswers('d0');
    expect(() => {
      (first!.answer as { comment: string }).comment = 'modifié';
    }).toThrow(TypeError);
    expect((await repo.resolvedAnswers('d0'))[0]!.answer.comment).toBe('');
  });

  it('deux Repository sur la même base : chacun voit les écritures de l’autre', async () => {
    const { repo } = await whiteLabel(1);
    const other = new Repository(new ConvergenceDB(repo.db.name));
    await other.resolvedAnswers('d0');
    await repo.saveAnswers('d0', '', [{ questionnaire: 'interoperabilite', criterionId: 'A00.1', value: level('NA') }], PROV, META);
    expect((await other.resolvedAnswers('d0')).find((x) => x.criterionKey === 'interoperabilite/A00.1')?.answer.value).toEqual(level('NA'));
    other.db.close();
  });
});
