import { describe, expect, it } from 'vitest';
import { checkReplay, diffPackages, inheritedChanges, packageIdentity, verifyPackage } from '../../../../../lib/exchange/package';
import type { KnownPackage, ProducerPackage } from '../../../../../lib/exchange/package';
import { answer, FIXTURE_V2, fixtureBytes, niveau } from '../../../support/package';

async function fixtures(): Promise<{ v1: ProducerPackage; v2: ProducerPackage; fingerprint: string }> {
  const a = await verifyPackage(fixtureBytes());
  const b = await verifyPackage(fixtureBytes(FIXTURE_V2));
  if (!a.ok || !b.ok) throw new Error('paquets d’exemple invalides : relancer npx tsx tests/fixtures/generate-paquet.ts');
  expect(a.fingerprint).toEqual(b.fingerprint);
  return { v1: a.package, v2: b.package, fingerprint: a.fingerprint.hex };
}

describe('différences entre deux paquets', () => {
  it('les deux paquets d’exemple : un ajouté, un retiré, trois modifiés (niveau, conformité + commentaire, spécificité)', async () => {
    const { v1, v2 } = await fixtures();
    const d = diffPackages(v1, v2);
    expect(d.added.map((e) => e.key)).toEqual(['urbanisation/U02.3']);
    expect(d.removed.map((e) => e.key)).toEqual(['ethique/DEV.1.5']);
    expect(d.changed.map((c) => [c.key, c.fields])).toEqual([
      ['interoperabilite/A08.5.23', ['level']],
      ['securite/09.04', ['specificite']],
      ['ethique/ETH.1.1', ['conformity', 'comment']],
    ]);
    expect(d.unchanged).toBe(5);
    expect(d.metadata).toEqual([]);
    // Les critères que le guide ANS dit susceptibles de différer en marque blanche sont signalés.
    expect(d.changed.filter((c) => c.whiteLabelReview).map((c) => c.id)).toEqual(['09.04', 'ETH.1.1']);
    expect(d.changed[0]!.title).toBe('Consommateur de documents CDA (illustratif)');
  });

  it('un paquet comparé à lui-même : aucune différence', async () => {
    const { v1 } = await fixtures();
    expect(diffPackages(v1, v1)).toMatchObject({ added: [], removed: [], changed: [], unchanged: v1.answers.length, metadata: [] });
  });

  it('les réponses du distributeur qui héritent d’un critère changé deviennent « à revoir » ; les siennes non', async () => {
    const { v1, v2 } = await fixtures();
    const d = diffPackages(v1, v2);
    // Le distributeur a sa propre réponse à A08.5.23 ; une réponse vide (ETH.1.1) ne compte pas comme la sienne.
    const own = [answer('interoperabilite', 'A08.5.23', niveau('3')), answer('ethique', 'ETH.1.1', null, 'brouillon')];
    const inherited = inheritedChanges(d, own);
    expect(inherited.map((c) => [c.id, c.change, c.fields, c.mustAnswerNow])).toEqual([
      // Spécificité passée à « Oui » : le distributeur doit maintenant répondre lui-même.
      ['09.04', 'changed', ['specificite'], true],
      // Retiré du paquet : le distributeur perd la réponse qu'il reprenait.
      ['DEV.1.5', 'removed', [], false],
      ['ETH.1.1', 'changed', ['conformity', 'comment'], false],
    ]);
    // Sans réponse propre, A08.5.23 (spécificité « Non ») est aussi reprise, donc à revoir.
    expect(inheritedChanges(d, []).map((c) => c.id)).toEqual(['A08.5.23', '09.04', 'DEV.1.5', 'ETH.1.1']);
  });
});

describe('règle de rejeu', () => {
  const known = (over: Partial<KnownPackage> = {}): KnownPackage => ({ fingerprint: 'a'.repeat(64), convergenceNumber: '4101', sequence: 3, ...over });
  const candidate = (sequence: number, fingerprint = 'a'.repeat(64), convergenceNumber = '4101') => ({ fingerprint, convergenceNumber, sequence });

  it('même clé, même produit : seul un numéro d’ordre plus grand passe ; égal ou plus petit est un rejeu', () => {
    expect(checkReplay(candidate(4), [known()])).toMatchObject({ kind: 'mise-a-jour', previous: { sequence: 3 } });
    expect(checkReplay(candidate(3), [known()])).toMatchObject({ kind: 'rejeu', message: expect.stringMatching(/déjà été importé/) });
    expect(checkReplay(candidate(2), [known()])).toMatchObject({ kind: 'rejeu', message: expect.stringMatching(/plus ancien que le paquet n° 3/) });
    // Le dernier paquet connu compte, pas le premier.
    expect(checkReplay(candidate(4), [known({ sequence: 1 }), known({ sequence: 5 })]).kind).toBe('rejeu');
  });

  it('même produit, autre clé : issue distincte qui exige un choix, quel que soit le numéro', () => {
    const v = checkReplay(candidate(99, 'b'.repeat(64)), [known()]);
    expect(v).toMatchObject({ kind: 'autre-cle', previous: [known()], message: expect.stringMatching(/AUTRE clé/) });
  });

  it('produit inconnu : premier paquet ; empreinte à confirmer sauf clé déjà acceptée pour un autre produit', () => {
    expect(checkReplay(candidate(1), [])).toMatchObject({ kind: 'nouveau', keyKnown: false });
    expect(checkReplay(candidate(1, 'a'.repeat(64), '5000'), [known()])).toMatchObject({ kind: 'nouveau', keyKnown: true });
  });

  it('les paquets d’exemple : le n° 2 met à jour le n° 1, jamais l’inverse', async () => {
    const { v1, v2, fingerprint } = await fixtures();
    const after1 = [{ ...packageIdentity(v1, fingerprint) }];
    expect(checkReplay(packageIdentity(v2, fingerprint), after1).kind).toBe('mise-a-jour');
    expect(checkReplay(packageIdentity(v1, fingerprint), [packageIdentity(v2, fingerprint)]).kind).toBe('rejeu');
  });
});
