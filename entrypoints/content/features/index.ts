import type { Feature } from '../feature';
import { guard } from './guard';
import { panel } from './panel';
import { journey } from './journey';

/** Le seul endroit où les fonctions du script de contenu sont enregistrées. */
// La garde d'abord : son écoute en phase de capture doit être posée avant tout affichage.
export const FEATURES: readonly Feature[] = [guard, panel, journey];
