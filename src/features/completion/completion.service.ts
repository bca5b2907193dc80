/**
 * The learner's own actions on their progress: open and (un)mark entities, (un)mark modules, as the course's
 * completion rules allow. Each is one transaction that records its completion events.
 */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { EntityType } from '../../entity-types.ts';
import { forbidden, notFound, stateError } from '../../errors.ts';
import { requireModule } from '../modules/index.ts';
import {
  completionSnapshot,
  type EntityProgress,
  EntityRule,
  type LearnerProgress,
  learnerMarkedTypes,
  ModuleRule,
  type ProgressPlace,
  readPermissionSettings,
  recordCompletionChanges,
  recordLearnerAction,
} from '../progress/index.ts';
import { type ActionOutcome, type ActionPath, outcomeOf, placeOf } from './completion-outcome.ts';

/** The error-code noun of each kind, for UNABLE_TO_MARK_AS_COMPLETE_AS_<NOUN>_LOCKED. */
const lockNouns: Record<number, string> = {
  [EntityType.offlineTest]: 'OFFLINE_TEST',
  [EntityType.onlineTest]: 'ONLINE_TEST',
  [EntityType.assignment]: 'ASSIGNMENT',
  [EntityType.file]: 'FILE',
  [EntityType.content]: 'CONTENT',
  [EntityType.session]: 'SESSION',
  [EntityType.link]: 'LINK',
};

const howCompleted: Record<number, string> = {
  [EntityType.offlineTest]: 'an offline test is completed when its marks are recorded',
  [EntityType.onlineTest]: 'an online test is completed when a passing result is recorded',
  [EntityType.assignment]: 'an assignment is completed when its marks are recorded',
};

function lockedError(noun: string, name: string, action: 'complete' | 'open') {
  const verb = action === 'open' ? 'opened' : 'marked as completed';
  return stateError(`UNABLE_TO_MARK_AS_COMPLETE_AS_${noun}_LOCKED`, `${name} is locked and cannot be ${verb} yet`);
}

function requireEnrolled(progress: LearnerProgress | undefined, place: ProgressPlace): LearnerProgress {
  if (progress === undefined || !progress.isEnrolled) {
    const where = place.batchId === null ? `course ${place.courseId}` : `batch ${place.batchId}`;
    throw forbidden(`only a learner enrolled in ${where} (not waitlisted) has progress to mark`);
  }
  return progress;
}

/** The caller (an enrolled learner) opens, marks or unmarks an entity of a module. */
export async function actOnEntity(
  context: AppContext,
  caller: Caller,
  path: ActionPath,
  entityType: number,
  entityId: string,
  what: string,
  action: 'open' | 'complete' | 'incomplete',
): Promise<ActionOutcome> {
  return context.db.transaction().execute(async (trx) => {
    const { course } = await requireModule(trx, caller, path.courseId, path.batchId, path.moduleId);
    const place = placeOf(caller, path);
    const snapshot = await completionSnapshot(trx, context, place, [caller.erecno]);
    const entity = snapshot.progress
      .get(caller.erecno)
      ?.modules.find((module) => module.moduleId === path.moduleId)
      ?.entities.find((candidate) => candidate.entityId === entityId && candidate.entityType === entityType);
    if (entity === undefined) throw notFound(what, entityId);
    requireEnrolled(snapshot.progress.get(caller.erecno), place);
    checkEntityAction(
      entity,
      readPermissionSettings(course.permission_settings).whenAnEntityIsConsideredAsCompleted,
      action,
    );
    if (action === 'complete' && entity.state === 'completed')
      return outcomeOf(snapshot.progress.get(caller.erecno), path.moduleId, entityId);
    const at = context.clock.now();
    await recordLearnerAction(trx, {
      place,
      erecno: caller.erecno,
      subjectKind: 'entity',
      subjectId: entityId,
      action,
      by: caller.erecno,
      at,
    });
    const after = await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    return outcomeOf(after.get(caller.erecno), path.moduleId, entityId);
  });
}

function checkEntityAction(entity: EntityProgress, rule: number, action: 'open' | 'complete' | 'incomplete'): void {
  const noun = lockNouns[entity.entityType] ?? 'ENTITY';
  if (action === 'open') {
    if (entity.isLocked) throw lockedError(noun, entity.name, 'open');
    return;
  }
  if (!learnerMarkedTypes.includes(entity.entityType)) {
    throw forbidden(`${howCompleted[entity.entityType] ?? 'it completes by itself'}, not by the learner marking it`);
  }
  if (rule !== EntityRule.learnerMarks) {
    throw forbidden(
      'this course completes an entity when the learner opens it (whenAnEntityIsConsideredAsCompleted 2), ' +
        'not by marking it: open it instead',
    );
  }
  if (action === 'complete' && entity.isLocked) throw lockedError(noun, entity.name, 'complete');
}

/** The caller (an enrolled learner) marks or unmarks a module completed: only under module rule 1. */
export async function actOnModule(
  context: AppContext,
  caller: Caller,
  path: ActionPath,
  action: 'complete' | 'incomplete',
): Promise<ActionOutcome> {
  return context.db.transaction().execute(async (trx) => {
    const { course, courseModule } = await requireModule(trx, caller, path.courseId, path.batchId, path.moduleId);
    const place = placeOf(caller, path);
    const snapshot = await completionSnapshot(trx, context, place, [caller.erecno]);
    const progress = requireEnrolled(snapshot.progress.get(caller.erecno), place);
    if (
      readPermissionSettings(course.permission_settings).whenAModuleIsConsideredAsCompleted !== ModuleRule.learnerMarks
    ) {
      throw forbidden(
        'this course completes a module when all its mandatory entities are completed ' +
          '(whenAModuleIsConsideredAsCompleted 2), not by the learner marking it',
      );
    }
    const module = progress.modules.find((candidate) => candidate.moduleId === path.moduleId);
    if (action === 'complete' && module?.isLocked) {
      throw stateError(
        'UNABLE_TO_MARK_AS_COMPLETE_AS_MODULE_LOCKED',
        `${courseModule.name} is locked and cannot be marked as completed yet`,
      );
    }
    const at = context.clock.now();
    await recordLearnerAction(trx, {
      place,
      erecno: caller.erecno,
      subjectKind: 'module',
      subjectId: path.moduleId,
      action,
      by: caller.erecno,
      at,
    });
    const after = await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    return outcomeOf(after.get(caller.erecno), path.moduleId, null);
  });
}
