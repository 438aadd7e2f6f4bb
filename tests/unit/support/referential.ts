import type { CriterionInput } from '../../../lib/domain/schemas';

/** U01.1 tel qu'une page « Urbanisation » le montre ; `more` est ce que Convergence a changé depuis. */
export const urbanisation = (more: Partial<CriterionInput> = {}): CriterionInput => ({
  questionnaire: 'urbanisation',
  id: 'U01.1',
  title: 'Identification électronique des usagers (FranceConnect)',
  kind: 'niveau',
  obligation: 'obligation',
  acceptableLevels: ['2', '3'],
  ...more,
});
