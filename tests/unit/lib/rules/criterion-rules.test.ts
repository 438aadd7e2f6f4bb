import { describe, expect, it } from 'vitest';
import { mergeCriterion } from '../../../../lib/domain/catalogue';
import { checkUnanswered } from '../../../../lib/rules/criterion-rules';
import { PROV } from '../../support/db';

describe('nature Obligation / Option inconnue', () => {
  it('sans nature lue, « option » est une valeur par défaut marquée comme telle, et le constat le dit', () => {
    const unknown = mergeCriterion(undefined, { questionnaire: 'interoperabilite', id: 'A06.1.1', title: 'CI-SIS' }, PROV);
    expect(unknown).toMatchObject({ obligation: 'option', obligationKnown: false });
    const [f] = checkUnanswered(unknown, undefined);
    expect(f).toMatchObject({ severity: 'avertissement', code: 'non-repondu' });
    expect(f?.message).toContain('de nature inconnue');
    expect(f?.action).toContain('Vérifiez sa nature sur Convergence');

    // Une page ou un fichier qui la donne la rend connue, et elle le reste.
    const known = mergeCriterion(unknown, { questionnaire: 'interoperabilite', id: 'A06.1.1', obligation: 'option' }, PROV);
    expect(known.obligationKnown).toBeUndefined();
    const again = mergeCriterion(known, { questionnaire: 'interoperabilite', id: 'A06.1.1', title: 'CI-SIS' }, PROV);
    expect(again.obligationKnown).toBeUndefined();
    expect(checkUnanswered(again, undefined)[0]?.message).toContain('critère optionnel sans réponse');
  });
});
