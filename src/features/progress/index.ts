/** The public surface of features/progress/: what other folders may use of it; everything else stays inside. */
export { type CompletionSnapshot, completionSnapshot, recordCompletionChanges } from './completion-changes.ts';
export {
  CourseRule,
  defaultPermissionSettings,
  EntityRule,
  ModuleRule,
  type PermissionSettings,
  readPermissionSettings,
} from './completion-settings.ts';
export { blockingEntities, isModuleLocked, learnerMarkedTypes } from './progress.rules.ts';
export {
  countMandatoryContent,
  type LearnerLocks,
  learnerLocks,
  loadLearnerProgress,
  loadProgressOfLearner,
} from './progress.service.ts';
export {
  type EntityProgress,
  type LearnerProgress,
  type ModuleProgress,
  type ProgressPlace,
  progressDisplay,
} from './progress.types.ts';
export { deleteProgressIn, recordLearnerAction, recordOnlineResult } from './progress-writes.service.ts';
