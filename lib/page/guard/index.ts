/** Garde avant validation : boutons reconnus, règles sur l'état courant de la page, interception. */
export * from './types';
export { BUTTON_LIKE, buttonInPath, buttonName, guardedAction } from './buttons';
export {
  belowMinimum,
  criteriaPageProblems,
  criteriaProblems,
  criterionAtRisk,
  depositProblems,
  dossierProblems,
  evaluateCriteria,
  evaluateCriterion,
  evaluateGuard,
  ficheProblems,
  isMandatory,
  knownStatuses,
  missingEvidence,
  orientationProblems,
  relevel,
  type BelowMinimum,
} from './evaluate';
export { interceptSubmits, type Blocked, type InterceptOptions, type Interceptor } from './intercept';
export { readDepositZones, readRecapEntries, readShownStatuses, type DepositZone, type RecapEntry } from './read';
