import { describe, expect, it } from 'vitest';
import { PAGE_KIND_LABELS, PAGE_KINDS } from '../../../../../lib/page/model/kinds';
import { PAGE_MODULES, PAGE_REGISTRY } from '../../../../../lib/page/kinds';

describe('table des types de page', () => {
  it('un module par type, rangé sous son type, avec son libellé ; rien d\'autre', () => {
    expect(Object.keys(PAGE_REGISTRY).sort()).toEqual([...PAGE_KINDS].sort());
    for (const kind of PAGE_KINDS) {
      expect(PAGE_REGISTRY[kind].kind).toBe(kind);
      expect(PAGE_REGISTRY[kind].label).toBe(PAGE_KIND_LABELS[kind]);
    }
    // L'ordre de la liste départage les scores égaux de la reconnaissance.
    expect(PAGE_MODULES.map((m) => m.kind)).toEqual([...PAGE_KINDS]);
  });

  it('lecture et règles de la garde : portées par les modules des pages qui en ont', () => {
    const withRead = PAGE_MODULES.filter((m) => m.read).map((m) => m.kind);
    const withGuard = PAGE_MODULES.filter((m) => m.guard).map((m) => m.kind);
    expect(withRead).toEqual(['produit-formulaire', 'marque-blanche', 'fiche-administrative', 'orientation', 'questionnaire-niveaux', 'ethique', 'rgpd', 'securite-echanges']);
    expect(withGuard).toEqual(['fiche-administrative', 'orientation', 'questionnaire-niveaux', 'ethique', 'rgpd', 'securite-echanges']);
  });
});
