import type { Feature } from '../feature';
import { guard } from './guard';
import { panel } from './panel';

/** Le seul endroit où les fonctions du script de contenu sont enregistrées. */
export const FEATURES: readonly Feature[] = [panel, guard];
