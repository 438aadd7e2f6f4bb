import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../../../lib/domain/resolve';
import { isArchitectureQuestion, WHITE_LABEL_REVIEW_CRITERIA } from '../../../../lib/domain/white-label';
import { answer, CONFORME, crit, freshRepo, level, product, PROV, seedProduct } from '../../support/db';

const ARCHI = crit({ questionnaire: 'orientation', id: 'Q4', title: 'Pour quelle architecture du service sollicitez-vous un référencement à Mon Espace Santé ?', kind: 'choix-multiple' });
const criteria = new Map([[ARCHI.key, ARCHI]]);

describe('resolveAnswers', () => {
  const fam = product('fam');
  const base = [
    answer('fam', '', 'interoperabilite', 'A06.1.1', level('2')),
    answer('fam', '', 'securite', '04.03', level('1')),
    answer('fam', '', 'orientation', 'Q1', { kind: 'choix', choices: ['Non'] }),
    answer('fam', '', 'orientation', 'Q4', { kind: 'choix', choices: ['Web', 'Android', 'iOS'] }),
    answer('fam', 'android', 'securite', '04.03', level('3')),
    answer('fam', 'ios', 'orientation', 'Q4', { kind: 'choix', choices: ['iOS'] }),
  ];

  it('la réponse propre de la variante d’abord, puis celle de la famille', () => {
    const r = resolveAnswers({ product: fam, variantId: 'android', answers: base, criteria });
    const by = new Map(r.map((x) => [x.criterionKey, x]));
    expect(by.get('securite/04.03')?.source).toBe('variante');
    expect(by.get('securite/04.03')?.answer.value).toEqual(level('3'));
    expect(by.get('interoperabilite/A06.1.1')?.source).toBe('famille');
    expect(by.get('orientation/Q1')?.source).toBe('famille');
  });

  it('la question d’architecture reste propre à chaque variante (jamais héritée de la famille)', () => {
    const android = resolveAnswers({ product: fam, variantId: 'android', answers: base, criteria });
    expect(android.find((x) => x.criterionKey === 'orientation/Q4')).toBeUndefined();
    const ios = resolveAnswers({ product: fam, variantId: 'ios', answers: base, criteria });
    expect(ios.find((x) => x.criterionKey === 'orientation/Q4')?.answer.value).toEqual({ kind: 'choix', choices: ['iOS'] });
    const family = resolveAnswers({ product: fam, variantId: '', answers: base, criteria });
    expect(family.find((x) => x.criterionKey === 'orientation/Q4')?.source).toBe('famille');
  });

  it('reconnaît la question d’architecture à son libellé, à défaut par Q4', () => {
    expect(isArchitectureQuestion({ questionnaire: 'orientation', id: '7', title: 'Pour quelle architecture du service sollicitez-vous…' })).toBe(true);
    expect(isArchitectureQuestion({ questionnaire: 'orientation', id: 'Q4' })).toBe(true);
    expect(isArchitectureQuestion({ questionnaire: 'orientation', id: 'Q4', title: 'Hébergement' })).toBe(false);
    expect(isArchitectureQuestion({ questionnaire: 'securite', id: 'Q4' })).toBe(false);
  });

  describe('marque blanche', () => {
    const dist = product('dist', { kind: 'distributeur', producerProductId: 'prod' });
    const producerAnswers = [
      answer('prod', '', 'interoperabilite', 'A06.1.1', level('3'), { specificite: 'non' }),
      answer('prod', '', 'urbanisation', 'U01', level('2'), { specificite: 'oui' }),
      answer('prod', '', 'urbanisation', 'U02', level('2')),
      answer('prod', '', 'ethique', 'ETH.1.1', CONFORME, { specificite: 'non', evidence: [{ evidenceType: 'Politique', name: 'secret.pdf' }] }),
      answer('prod', '', 'orientation', 'Q1', { kind: 'choix', choices: ['Oui'] }, { specificite: 'non' }),
      answer('prod', '', 'rgpd', 'RGPD.AIPD', { kind: 'preuves' }, { specificite: 'non' }),
    ];

    it('n’hérite que là où le producteur a dit spécificité = Non, jamais l’orientation', () => {
      const r = resolveAnswers({ product: dist, variantId: '', answers: [], producerAnswers, criteria });
      const keys = r.map((x) => x.criterionKey);
      expect(keys).toContain('interoperabilite/A06.1.1');
      expect(keys).toContain('ethique/ETH.1.1');
      expect(keys).not.toContain('urbanisation/U01');
      expect(keys).not.toContain('urbanisation/U02');
      expect(keys).not.toContain('orientation/Q1');
      expect(keys).not.toContain('rgpd/RGPD.AIPD');
      expect(r.every((x) => x.source === 'producteur')).toBe(true);
    });

    it('ne transmet jamais les preuves du producteur au distributeur, seulement les types couverts', () => {
      const r = resolveAnswers({ product: dist, variantId: '', answers: [], producerAnswers, criteria });
      const eth = r.find((x) => x.criterionKey === 'ethique/ETH.1.1');
      expect(eth?.answer.evidence).toEqual([]);
      expect(eth?.inheritedEvidenceTypes).toEqual(['Politique']);
      expect(JSON.stringify(r)).not.toContain('secret.pdf');
    });

    it('préfère les réponses propres du distributeur', () => {
      const own = [answer('dist', '', 'interoperabilite', 'A06.1.1', level('1'))];
      const r = resolveAnswers({ product: dist, variantId: '', answers: own, producerAnswers, criteria });
      expect(r.find((x) => x.criterionKey === 'interoperabilite/A06.1.1')?.source).toBe('famille');
    });

    it('signale les critères de marque blanche pré-identifiés, même hérités', () => {
      const r = resolveAnswers({ product: dist, variantId: '', answers: [], producerAnswers, criteria });
      expect(r.find((x) => x.criterionKey === 'ethique/ETH.1.1')?.reviewFlag).toBe(true);
      expect(r.find((x) => x.criterionKey === 'interoperabilite/A06.1.1')?.reviewFlag).toBe(false);
      const nominal = resolveAnswers({ product: product('n'), variantId: '', answers: [answer('n', '', 'securite', '09.02', level('2'))] });
      expect(nominal[0]?.reviewFlag).toBe(false);
      expect(WHITE_LABEL_REVIEW_CRITERIA).toHaveLength(16);
    });
  });

  it('marche par le Repository, le producteur enregistré dans la même base', async () => {
    const { repo } = freshRepo();
    await seedProduct(repo, 'prod', { kind: 'producteur' });
    await seedProduct(repo, 'dist', { kind: 'distributeur', producerProductId: 'prod' });
    await repo.saveAnswers('prod', '', [{ questionnaire: 'securite', criterionId: '09.04', value: level('2'), specificite: 'non' }], PROV, { kind: 'capture', label: 'x', author: 'a' });
    const r = await repo.resolvedAnswers('dist');
    expect(r).toHaveLength(1);
    expect(r[0]?.source).toBe('producteur');
    expect(r[0]?.reviewFlag).toBe(true);
    expect(await repo.resolvedAnswers('dist', '', 'ethique')).toHaveLength(0);
  });
});
