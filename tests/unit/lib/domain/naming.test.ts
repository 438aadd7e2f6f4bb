import { describe, expect, it } from 'vitest';
import { parseVariantName, sameProductName, scopeDisplayName, variantDisplayName } from '../../../../lib/domain/naming';
import { ScopeSchema } from '../../../../lib/domain/schemas';

describe('parseVariantName : règle ANS « [NomDuProduit] [OS] [Appareil] »', () => {
  it('OS et appareil reconnus', () => {
    expect(parseVariantName('Dossia iOS Mobile')).toEqual({ base: 'Dossia', os: 'ios', osLabel: 'iOS', device: 'mobile', deviceLabel: 'Mobile' });
  });

  it('appareil facultatif', () => {
    expect(parseVariantName('Dossia Android')).toEqual({ base: 'Dossia', os: 'android', osLabel: 'Android' });
  });

  it('« Web Site Web » : l’appareil en deux mots, puis l’OS', () => {
    expect(parseVariantName('Mon Appli Web Site Web')).toEqual({ base: 'Mon Appli', os: 'web', osLabel: 'Web', device: 'site-web', deviceLabel: 'Site Web' });
  });

  it('casse indifférente, libellés rendus dans l’orthographe d’usage', () => {
    expect(parseVariantName('Dossia IOS mobile')).toEqual({ base: 'Dossia', os: 'ios', osLabel: 'iOS', device: 'mobile', deviceLabel: 'Mobile' });
  });

  it('tirets isolés tolérés entre les parties', () => {
    expect(parseVariantName('Dossia – iOS – Mobile')).toMatchObject({ base: 'Dossia', os: 'ios', device: 'mobile' });
    expect(parseVariantName('Dossia - Android')).toMatchObject({ base: 'Dossia', os: 'android' });
  });

  it('espaces insécables et multiples tolérés', () => {
    expect(parseVariantName('  Dossia\u00a0 iOS\u202fMobile ')).toMatchObject({ base: 'Dossia', os: 'ios', device: 'mobile' });
  });

  it('OS hors schéma : « autre », le libellé est gardé', () => {
    expect(parseVariantName('Dossia Windows Ordinateur')).toEqual({ base: 'Dossia', os: 'autre', osLabel: 'Windows', deviceLabel: 'Ordinateur' });
    expect(parseVariantName('Dossia mac os')).toEqual({ base: 'Dossia', os: 'autre', osLabel: 'macOS' });
    expect(parseVariantName('Dossia Linux')).toMatchObject({ os: 'autre', osLabel: 'Linux' });
  });

  it('appareil hors schéma : libellé seul, pas de valeur de schéma inventée', () => {
    const v = parseVariantName('Dossia Android Tablette');
    expect(v).toEqual({ base: 'Dossia', os: 'android', osLabel: 'Android', deviceLabel: 'Tablette' });
    expect(v?.device).toBeUndefined();
  });

  it('nom de base à plusieurs mots et accentué gardé tel qu’écrit', () => {
    expect(parseVariantName('Santé Connectée Pro Web')).toMatchObject({ base: 'Santé Connectée Pro', os: 'web' });
  });

  it('« Webinaire » n’est pas l’OS Web (mot entier seulement)', () => {
    expect(parseVariantName('Webinaire')).toBeNull();
    expect(parseVariantName('Dossia Webinaire')).toBeNull();
  });

  it('un OS seul (ou OS + appareil) n’est pas un nom de variante : base vide', () => {
    expect(parseVariantName('iOS')).toBeNull();
    expect(parseVariantName('Web Site Web')).toBeNull();
    expect(parseVariantName('– iOS Mobile')).toBeNull();
  });

  it('sans OS, pas de variante (« Dossia Mobile », « Dossia Site Web », « Dossia »)', () => {
    expect(parseVariantName('Dossia Mobile')).toBeNull();
    expect(parseVariantName('Dossia Site Web')).toBeNull();
    expect(parseVariantName('Dossia')).toBeNull();
    expect(parseVariantName('')).toBeNull();
  });

  it('relit les noms que variantDisplayName écrit', () => {
    const name = variantDisplayName({ name: 'Dossia' }, { os: 'autre', osLabel: 'Windows', device: 'site-web' });
    expect(parseVariantName(name)).toEqual({ base: 'Dossia', os: 'autre', osLabel: 'Windows', device: 'site-web', deviceLabel: 'Site Web' });
    expect(parseVariantName(variantDisplayName({ name: 'Dossia' }, { os: 'ios', device: 'mobile' }))).toMatchObject({ base: 'Dossia', os: 'ios', device: 'mobile' });
  });
});

describe('sameProductName', () => {
  it('égal à la casse, aux accents et aux espaces près', () => {
    expect(sameProductName('Dossia Santé', '  dossia   SANTE ')).toBe(true);
    expect(sameProductName("Solution d'éditeur", 'Solution d’éditeur')).toBe(true);
  });

  it('des noms différents ne sont pas égaux', () => {
    expect(sameProductName('Dossia', 'Dossia Pro')).toBe(false);
  });

  it('un nom vide n’égale rien, pas même un autre nom vide', () => {
    expect(sameProductName('', '')).toBe(false);
    expect(sameProductName(' ', '')).toBe(false);
  });
});

describe('scopeDisplayName : un seul nom de portée pour le panneau, le gestionnaire et les exports', () => {
  it('la famille garde sa version (deux versions d’un produit ne se confondent pas)', () => {
    expect(scopeDisplayName({ name: 'Dossia', version: 'v3.1' })).toBe('Dossia v3.1');
  });

  it('la variante prend son nom ANS, sans version (c’est le nom que Convergence affiche)', () => {
    expect(scopeDisplayName({ name: 'Dossia', version: 'v3.1' }, { os: 'ios', device: 'mobile' })).toBe('Dossia iOS Mobile');
  });
});

describe('ScopeSchema : la portée des messages et du panneau, définie une fois', () => {
  it('famille (variantId vide) ou variante', () => {
    expect(ScopeSchema.parse({ productId: 'p1', variantId: '' })).toEqual({ productId: 'p1', variantId: '' });
    expect(ScopeSchema.parse({ productId: 'p1', variantId: 'v1' })).toEqual({ productId: 'p1', variantId: 'v1' });
  });

  it('refuse un produit vide ou une clé de trop : elle arrive de pages non fiables', () => {
    expect(ScopeSchema.safeParse({ productId: '', variantId: '' }).success).toBe(false);
    expect(ScopeSchema.safeParse({ productId: 'p1', variantId: '', extra: 1 }).success).toBe(false);
  });
});
