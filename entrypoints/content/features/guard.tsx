import type { Feature } from '../feature';

/** Garde avant validation : interception des boutons qui soumettent (à venir). */
export const guard: Feature = {
  name: 'garde-validation',
  start() {},
};
