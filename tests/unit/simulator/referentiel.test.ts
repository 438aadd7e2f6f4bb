// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { levelQuestionnaire } from '../../simulator/src/data/index.ts';
import { acceptableLevels } from '../../simulator/src/rules.ts';
import { getState, resetTo, update } from '../../simulator/src/store.ts';

// Le simulateur change de référentiel entre deux visites (`__convergenceSim.setReferentiel(2)`) : la version est
// dans l'état persisté, les définitions la suivent, et un scénario repart toujours du référentiel 1.

const u011 = () => levelQuestionnaire('urbanisation').criteria.find((c) => c.id === 'U01.1')!;

describe('simulateur : référentiel 2', () => {
  it('U01.1 change d\'intitulé et de minimum ; le reste est identique ; un scénario remet le référentiel 1', () => {
    resetTo('questionnaires');
    expect(u011().title).toBe('Identification électronique des usagers (FranceConnect)');
    expect(acceptableLevels(u011())).toEqual(['2', '3']);
    const others = levelQuestionnaire('urbanisation').criteria.filter((c) => c.id !== 'U01.1');

    update((s) => void (s.referentiel = 2));
    expect(getState().referentiel).toBe(2);
    expect(u011().title).toBe('Identification électronique des usagers par FranceConnect ou Pro Santé Connect');
    expect(acceptableLevels(u011())).toEqual(['3']);
    expect(levelQuestionnaire('urbanisation').criteria.filter((c) => c.id !== 'U01.1')).toEqual(others);

    resetTo('questionnaires');
    expect(getState().referentiel).toBeUndefined();
    expect(acceptableLevels(u011())).toEqual(['2', '3']);
  });
});
