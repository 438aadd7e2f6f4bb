import { describe, expect, it } from 'vitest';
import { exportLibrary, commitImport, previewImport } from '../../../../lib/exchange/service';
import { parseLibraryJson, serializeLibrary } from '../../../../lib/exchange/json-format';
import { CONFORME, freshRepo, level, PROV, seedProduct, snapshot } from '../../support/db';
import type { Repository } from '../../../../lib/db/repository';

const enc = (s: string) => new TextEncoder().encode(s);

async function populated(): Promise<Repository> {
  const { repo, tick } = freshRepo();
  await seedProduct(repo, 'p1');
  await repo.createVariant({ id: 'v1', productId: 'p1', os: 'ios', device: 'mobile' }, 'a');
  await repo.putCompany({ id: 'c1', denomination: 'ACME Santé', extra: {} }, 'a');
  await repo.learnCriteria(
    [
      { questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] },
      { questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', obligation: 'obligation', expectedEvidence: ['Politique'] },
    ],
    PROV,
    'a',
  );
  tick();
  await repo.saveAnswers('p1', '', [
    { questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2'), comment: '=HYPERLINK("http://x")', validUntil: '2026-01-01' },
    { questionnaire: 'ethique', criterionId: 'ETH.1.1', value: CONFORME, evidence: [{ evidenceType: 'Politique', name: 'politique.pdf' }], specificite: 'non' },
  ], PROV, { kind: 'capture', label: 'c', author: 'alice' });
  await repo.saveAnswers('p1', 'v1', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('3') }], PROV, { kind: 'capture', label: 'c', author: 'alice' });
  return repo;
}

describe('format d’échange JSON', () => {
  it('aller-retour sans perte d’une bibliothèque entière vers une base neuve', async () => {
    const a = await populated();
    const lib = await exportLibrary(a, undefined, new Date('2025-05-01T00:00:00Z'));
    expect(lib).toMatchObject({ format: 'assistant-convergence', version: 1, scope: 'bibliotheque' });
    const text = serializeLibrary(lib);
    const { repo: b } = freshRepo();
    const preview = await previewImport(b, { fileName: 'lib.json', data: enc(text) });
    expect(preview.counts).toEqual({ created: 3, changed: 0, unchanged: 0, conflict: 0 });
    expect(preview.products.created).toBe(1);
    await commitImport(b, preview, { conflicts: 'garder', author: 'bob' });
    const again = await exportLibrary(b, undefined, new Date('2025-05-01T00:00:00Z'));
    expect(again).toEqual(lib);
    // Réimporter le même fichier ne change rien.
    const p2 = await previewImport(b, { fileName: 'lib.json', data: enc(text) });
    expect(p2.counts).toEqual({ created: 0, changed: 0, unchanged: 3, conflict: 0 });
  });

  it('exporte un produit avec les critères qu’il utilise', async () => {
    const a = await populated();
    await seedProduct(a, 'p2');
    const lib = await exportLibrary(a, ['p1']);
    expect(lib.scope).toBe('produit');
    expect(lib.products.map((p) => p.id)).toEqual(['p1']);
    expect(lib.criteria).toHaveLength(2);
  });

  it('conflit : la réponse enregistrée est plus récente que le fichier', async () => {
    const a = await populated();
    const text = serializeLibrary(await exportLibrary(a));
    const { repo: b, tick } = freshRepo(new Date('2030-01-01T00:00:00Z'));
    await commitImport(b, await previewImport(b, { fileName: 'l.json', data: enc(text) }), { conflicts: 'garder', author: 'x' });
    tick();
    await b.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('NA') }], PROV, { kind: 'saisie', label: 's', author: 'x' });
    const p = await previewImport(b, { fileName: 'l.json', data: enc(text) });
    expect(p.counts.conflict).toBe(1);
    await commitImport(b, p, { conflicts: 'garder', author: 'x' });
    expect((await b.resolvedAnswers('p1')).find((r) => r.criterionKey === 'interoperabilite/A08.5.23')?.answer.value).toEqual(level('NA'));
    const p2 = await previewImport(b, { fileName: 'l.json', data: enc(text) });
    await commitImport(b, p2, { conflicts: 'remplacer', author: 'x' });
    expect((await b.resolvedAnswers('p1')).find((r) => r.criterionKey === 'interoperabilite/A08.5.23')?.answer.value).toEqual(level('2'));
  });

  it('refuse de valider quand la base a changé depuis l’aperçu (l’aperçu ne dirait plus vrai)', async () => {
    const a = await populated();
    const text = serializeLibrary(await exportLibrary(a));
    const { repo: b } = freshRepo();
    const p = await previewImport(b, { fileName: 'l.json', data: enc(text) });
    await commitImport(b, p, { conflicts: 'garder', author: 'x' });
    const before = await snapshot(b);
    await expect(commitImport(b, p, { conflicts: 'garder', author: 'x' })).rejects.toThrow(/a changé depuis l'aperçu/);
    expect(await snapshot(b)).toBe(before);
  });

  describe('JSON invalide refusé : erreurs précises en français, rien d’écrit', () => {
    async function expectRejected(text: string, pattern: RegExp) {
      const { repo } = freshRepo();
      await seedProduct(repo, 'p0');
      const before = await snapshot(repo);
      await expect(previewImport(repo, { fileName: 'mauvais.json', data: enc(text) })).rejects.toThrow(pattern);
      expect(await snapshot(repo)).toBe(before);
    }

    it('erreur de syntaxe', () => expectRejected('{ "format": ', /mauvais\.json.*JSON invalide/));
    it('pas notre format', () => expectRejected('{"hello": 1}', /n'est pas un fichier Assistant Convergence/));
    it('version non prise en charge', () => expectRejected('{"format":"assistant-convergence","version":9}', /version de format 9/));
    it('clés de pollution de prototype', async () => {
      const a = await populated();
      const lib = JSON.parse(serializeLibrary(await exportLibrary(a)));
      const text = JSON.stringify(lib).replace('"comment":""', '"comment":"","__proto__":{"polluted":true}');
      await expectRejected(text, /clé interdite au champ answers\[\d+\]\.__proto__/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
    it('champ invalide : l’erreur nomme son chemin', async () => {
      const a = await populated();
      const lib = JSON.parse(serializeLibrary(await exportLibrary(a)));
      lib.answers[1].value = { kind: 'niveau', level: 'Niveau 9' };
      await expectRejected(JSON.stringify(lib), /champ answers\[1\]\.value\.level/);
    });
    it('réponse rattachée à un produit absent', async () => {
      const a = await populated();
      const lib = JSON.parse(serializeLibrary(await exportLibrary(a)));
      lib.products = [];
      lib.variants = [];
      await expectRejected(JSON.stringify(lib), /champ answers\[0\]\.productId : produit « p1 » absent du fichier/);
    });
  });

  it('parseLibraryJson accepte un BOM', async () => {
    const a = await populated();
    const text = '\uFEFF' + serializeLibrary(await exportLibrary(a));
    expect(parseLibraryJson(text, 'x.json').answers).toHaveLength(3);
  });
});
