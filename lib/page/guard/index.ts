/** Garde avant validation : boutons reconnus, règles sur l'état courant de la page, interception. */
export * from './types';
export { BUTTON_LIKE, buttonInPath, buttonName, guardedAction } from './buttons';
export { isMandatory } from './mandatory';
export { evaluateCriterion, evaluateCriteria, criterionAtRisk, missingEvidence } from './criterion';
export {
  belowMinimum,
  criteriaPageProblems,
  criteriaProblems,
  depositProblems,
  dossierProblems,
  ficheProblems,
  knownStatuses,
  orientationProblems,
  pageQuestionnaire,
  relevel,
  type BelowMinimum,
} from './rules';
export { interceptSubmits, type Blocked, type InterceptOptions, type Interceptor } from './intercept';
export { readDepositZones, readRecapEntries, readShownStatuses, type DepositZone, type RecapEntry } from './read';
