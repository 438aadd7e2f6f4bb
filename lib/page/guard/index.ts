/** Garde avant validation : boutons reconnus, règles sur l'état courant de la page, interception. */
export * from './types';
export { BUTTON_LIKE, buttonInPath, buttonName, guardedAction } from './buttons';
export {
  belowMinimum,
  depositProblems,
  dossierProblems,
  ethiqueProblems,
  evaluateGuard,
  ficheProblems,
  isMandatory,
  knownStatuses,
  levelProblems,
  missingEvidence,
  orientationProblems,
  relevel,
  type BelowMinimum,
  type GuardInput,
} from './evaluate';
export { interceptSubmits, type Blocked, type InterceptOptions, type Interceptor } from './intercept';
export { productKeyOf, readDepositZones, readRecapEntries, readShownStatuses, type DepositZone, type RecapEntry } from './read';
