// Fil de lecture des classeurs quand l'outil tourne depuis les sources (tests, repli sans regroupement) :
// le TypeScript y est chargé par tsx. L'outil regroupé (bin/convergence-helper.mjs) a son propre parse-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker-entry.ts');
