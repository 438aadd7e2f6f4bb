import { describe, expect, it } from 'vitest';
import { AnswerSchema, CriterionSchema, ProductSchema, VariantSchema, CompanyProfileSchema } from '../../../../lib/domain/schemas';
import { variantDisplayName } from '../../../../lib/domain/naming';
import { questionnaireFromCriterionId, questionnaireFromLabel } from '../../../../lib/domain/questionnaires';
import { formatZodIssues } from '../../../../lib/domain/zod-fr';
import { mergeCriterion } from '../../../../lib/domain/catalogue';
import { sha256Hex, makeEvidenceFile } from '../../../../lib/domain/evidence';
import { answer, crit, level, product, PROV, T0 } from '../../support/db';

describe('schémas du domaine', () => {
  it('accepte un critère à niveaux avec ses niveaux acceptables (A08.5.23)', () => {
    const c = crit({ questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Partage de documents', obligation: 'obligation', acceptableLevels: ['3', 'NA', '2'] });
    expect(CriterionSchema.parse(c).acceptableLevels).toEqual(['NA', '2', '3']);
    expect(c.kind).toBe('niveau');
  });

  it('accepte toutes les formes d’identifiant du guide', () => {
    for (const [q, id] of [['interoperabilite', 'A06.1.1'], ['securite', '04.03'], ['ethique', 'QUA.1.5'], ['ethique', 'DEV.1.1'], ['orientation', 'Q4']] as const) {
      expect(CriterionSchema.safeParse(crit({ questionnaire: q, id })).success).toBe(true);
    }
  });

  it('refuse un critère invalide, en français, en nommant le champ', () => {
    const bad = CriterionSchema.safeParse({ ...crit({ questionnaire: 'securite', id: '04.03' }), obligation: 'peut-être' });
    expect(bad.success).toBe(false);
    expect(formatZodIssues(bad.error!.issues)).toMatch(/^champ obligation : valeur non autorisée/);
    const wrongKey = CriterionSchema.safeParse({ ...crit({ questionnaire: 'securite', id: '04.03' }), key: 'autre/04.03' });
    expect(wrongKey.success).toBe(false);
    const msg = formatZodIssues(wrongKey.error!.issues);
    expect(msg).toContain('champ key');
    expect(msg).toContain('securite/04.03');
  });

  it('refuse dans une réponse les clés inconnues, les caractères de contrôle et les niveaux invalides', () => {
    const a = answer('p1', '', 'interoperabilite', 'A06.1.1', level('2'));
    expect(AnswerSchema.safeParse(a).success).toBe(true);
    expect(AnswerSchema.safeParse({ ...a, extra: 1 }).success).toBe(false);
    expect(AnswerSchema.safeParse({ ...a, comment: 'a\u0000b' }).success).toBe(false);
    const bad = AnswerSchema.safeParse({ ...a, value: { kind: 'niveau', level: '5' } });
    expect(bad.success).toBe(false);
    expect(formatZodIssues(bad.error!.issues)).toContain('champ value.level');
  });

  it('produit, variante et profil de l’entreprise', () => {
    expect(ProductSchema.safeParse(product('p1', { kind: 'distributeur', producerProductId: 'prod' })).success).toBe(true);
    expect(ProductSchema.safeParse({ ...product('p1'), type: 'premium' }).success).toBe(false);
    const v = { id: 'v1', productId: 'p1', os: 'android', device: 'mobile', createdAt: T0.toISOString(), updatedAt: T0.toISOString() } as const;
    expect(VariantSchema.safeParse(v).success).toBe(true);
    expect(variantDisplayName({ name: 'SantéPlus' }, v)).toBe('SantéPlus Android Mobile');
    expect(variantDisplayName({ name: 'SantéPlus' }, { os: 'web', device: 'site-web' })).toBe('SantéPlus Web Site Web');
    expect(variantDisplayName({ name: 'X' }, { os: 'autre', osLabel: 'Windows', device: 'mobile' })).toBe('X Windows Mobile');
    expect(CompanyProfileSchema.safeParse({ id: 'c', denomination: 'ACME', siret: '123', extra: {}, updatedAt: T0.toISOString() }).success).toBe(false);
  });

  it('devine le questionnaire au nom de la feuille et à la forme des identifiants', () => {
    expect(questionnaireFromLabel('Interopérabilité')).toBe('interoperabilite');
    expect(questionnaireFromLabel('MATURITE SECURITE')).toBe('securite');
    expect(questionnaireFromLabel('Sécurité pour les échanges de données')).toBe('securite-echanges');
    expect(questionnaireFromLabel('Ethique MES')).toBe('ethique');
    expect(questionnaireFromLabel('Notes')).toBeNull();
    expect(questionnaireFromCriterionId('ETH.1.8')).toBe('ethique');
    expect(questionnaireFromCriterionId('09.04')).toBe('securite');
    expect(questionnaireFromCriterionId('A08.5.22')).toBe('interoperabilite');
    expect(questionnaireFromCriterionId('X')).toBeNull();
  });

  it('fusionner ce que sait le catalogue ne perd jamais un champ connu', () => {
    const first = crit({ questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', obligation: 'obligation', expectedEvidence: ['Politique de confidentialité'] });
    const later = mergeCriterion(first, { questionnaire: 'ethique', id: 'ETH.1.1', title: '  ', section: 'Éthique' }, { ...PROV, at: '2025-04-01T00:00:00.000Z' });
    expect(later.title).toBe('Finalités');
    expect(later.obligation).toBe('obligation');
    expect(later.expectedEvidence).toEqual(['Politique de confidentialité']);
    expect(later.section).toBe('Éthique');
    const same = mergeCriterion(later, { questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités' }, { ...PROV, at: '2026-01-01T00:00:00.000Z' });
    expect(same.updatedAt).toBe(later.updatedAt);
  });

  it('empreinte SHA-256 des preuves (Web Crypto)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const f = await makeEvidenceFile({ productId: 'p', name: 'cgu.pdf', type: 'application/pdf', blob: new Blob(['abc']), evidenceType: 'CGU' });
    expect(f.size).toBe(3);
    expect(f.hash).toMatch(/^ba7816bf/);
  });
});
