/**
 * Learners' actions on their progress: open and (un)mark entities, (un)mark modules, complete or revoke a course
 * (the learner, or under rule 3 a course admin or trainer), record online test results; and the requisite entities
 * that keep an entity locked. Every write is one transaction that records its completion events.
 */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { EntityType } from '../../entity-types.ts';
import { forbidden, invalidInput, notFound, stateError } from '../../errors.ts';
import { readParent, requireModule } from '../modules/index.ts';
import { findEmployee } from '../people/index.ts';
import {
  blockingEntities,
  CourseRule,
  completionSnapshot,
  type EntityProgress,
  EntityRule,
  type LearnerProgress,
  learnerMarkedTypes,
  loadLearnerProgress,
  ModuleRule,
  type ProgressPlace,
  readPermissionSettings,
  recordCompletionChanges,
  recordLearnerAction,
  recordOnlineResult,
} from '../progress/index.ts';

/** Where an action happens: a course (batchId null) or a batch, and a module for entity and module actions. */
export interface ActionPath {
  courseId: string;
  batchId: string | null;
  moduleId: string;
}

/** What an action answers: where the learner stands afterwards. */
export interface ActionOutcome {
  state: string;
  isModuleCompleted: boolean;
  isCourseCompleted: boolean;
}

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

function placeOf(caller: Caller, path: { courseId: string; batchId: string | null }): ProgressPlace {
  return { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
}

function requireEnrolled(progress: LearnerProgress | undefined, place: ProgressPlace): LearnerProgress {
  if (progress === undefined || !progress.isEnrolled) {
    const where = place.batchId === null ? `course ${place.courseId}` : `batch ${place.batchId}`;
    throw forbidden(`only a learner enrolled in ${where} (not waitlisted) has progress to mark`);
  }
  return progress;
}

function outcome(after: LearnerProgress | undefined, moduleId: string | null, entityId: string | null): ActionOutcome {
  const module = after?.modules.find((candidate) => candidate.moduleId === moduleId);
  const entity = module?.entities.find((candidate) => candidate.entityId === entityId);
  return {
    state: entity?.state ?? (module?.isCompleted ? 'completed' : 'notCompleted'),
    isModuleCompleted: module?.isCompleted ?? false,
    isCourseCompleted: after?.isCompleted ?? false,
  };
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
      return outcome(snapshot.progress.get(caller.erecno), path.moduleId, entityId);
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
    return outcome(after.get(caller.erecno), path.moduleId, entityId);
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
    return outcome(after.get(caller.erecno), path.moduleId, null);
  });
}

/**
 * Marks a learner's course (or batch) completed or revokes it. Rule 1: the learner themself; rule 3: the LMS admin,
 * the owner, a course admin or a trainer of the course; rules 2 and 4 complete by themselves.
 */
export async function actOnCourse(
  context: AppContext,
  caller: Caller,
  path: { courseId: string; batchId: string | null },
  learnerErecno: string,
  action: 'complete' | 'incomplete',
): Promise<ActionOutcome> {
  return context.db.transaction().execute(async (trx) => {
    const { view } = await readParent(trx, caller, path.courseId, path.batchId);
    const rule = readPermissionSettings(view.course.permission_settings).whenACourseIsConsideredAsCompleted;
    const roles = rolesOnCourse(caller, view.relations);
    if (rule === CourseRule.learnerMarks && learnerErecno !== caller.erecno) {
      throw forbidden(
        'this course is completed when the learner marks it (whenACourseIsConsideredAsCompleted 1): only the learner may',
      );
    }
    if (rule === CourseRule.markedByManager && !(canManage(roles) || roles.trainer)) {
      throw forbidden(
        'this course is completed when a course admin or trainer marks the learner (whenACourseIsConsideredAsCompleted 3)',
      );
    }
    if (rule !== CourseRule.learnerMarks && rule !== CourseRule.markedByManager) {
      throw forbidden(
        `this course completes by itself (whenACourseIsConsideredAsCompleted ${rule}: ` +
          `${rule === CourseRule.byDate ? 'by date' : 'when all mandatory entities are completed'}); nobody marks it`,
      );
    }
    const place = placeOf(caller, path);
    const snapshot = await completionSnapshot(trx, context, place, [learnerErecno]);
    const progress = snapshot.progress.get(learnerErecno);
    if (progress === undefined || !progress.isEnrolled) throw notFound('enrolled learner', learnerErecno);
    await recordLearnerAction(trx, {
      place,
      erecno: learnerErecno,
      subjectKind: 'course',
      subjectId: place.batchId ?? place.courseId,
      action,
      by: caller.erecno,
      at: context.clock.now(),
    });
    const after = await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    return outcome(after.get(learnerErecno), null, null);
  });
}

/** Records a learner's online test result: course admins, the owner, the LMS admin and trainers of the course. */
export async function recordOnlineTestResult(
  context: AppContext,
  caller: Caller,
  path: ActionPath,
  testId: string,
  result: { learnerErecno: string; marks: number; maximumMarks: number },
): Promise<ActionOutcome> {
  if (result.marks > result.maximumMarks) {
    throw invalidInput('marks', `must not be above maximumMarks (${result.maximumMarks}), got ${result.marks}`);
  }
  return context.db.transaction().execute(async (trx) => {
    const { view } = await readParent(trx, caller, path.courseId, path.batchId);
    const roles = rolesOnCourse(caller, view.relations);
    if (!(canManage(roles) || roles.trainer)) {
      throw forbidden('only the LMS admin, the course owner, a course admin or a trainer may record test results');
    }
    const place = placeOf(caller, path);
    const snapshot = await completionSnapshot(trx, context, place, [result.learnerErecno]);
    const progress = snapshot.progress.get(result.learnerErecno);
    const module = progress?.modules.find((candidate) => candidate.moduleId === path.moduleId);
    if (module === undefined) throw notFound('module', path.moduleId);
    const test = module.entities.find(
      (entity) => entity.entityId === testId && entity.entityType === EntityType.onlineTest,
    );
    if (test === undefined) throw notFound('onlineTest', testId);
    if (!progress!.isEnrolled)
      throw invalidInput('learnerId', `${result.learnerErecno} is not an enrolled learner here`);
    await recordOnlineResult(trx, {
      portalId: caller.portalId,
      entityId: testId,
      erecno: result.learnerErecno,
      marks: result.marks,
      maximumMarks: result.maximumMarks,
      by: caller.erecno,
      at: context.clock.now(),
    });
    const after = await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    return outcome(after.get(result.learnerErecno), path.moduleId, testId);
  });
}

/**
 * The entities that keep `entityId` locked for a learner. Readable by the learner, their manager, course managers
 * (LMS admin, owner, course admins) and trainers of the course.
 */
export async function lockedEntitiesFor(
  context: AppContext,
  caller: Caller,
  path: { courseId: string; batchId: string | null },
  learnerErecno: string,
  entityId: string,
): Promise<EntityProgress[]> {
  const db: Db = context.db;
  const { view } = await readParent(db, caller, path.courseId, path.batchId);
  const learner = await findEmployee(db, caller.portalId, learnerErecno);
  if (learner === undefined) throw notFound('learner', learnerErecno);
  const roles = rolesOnCourse(caller, view.relations);
  const allowed =
    learnerErecno === caller.erecno || learner.manager_erecno === caller.erecno || canManage(roles) || roles.trainer;
  if (!allowed) {
    throw forbidden(
      "only the learner, their manager, the course's admins and trainers may read the learner's progress",
    );
  }
  const loaded = await loadLearnerProgress(db, context, placeOf(caller, path), [learnerErecno]);
  const progress = loaded.get(learnerErecno);
  if (progress === undefined || !progress.isEnrolled) throw notFound('enrolled learner', learnerErecno);
  const blocking = blockingEntities(progress, entityId);
  if (blocking === undefined) throw notFound('entity', entityId);
  return blocking;
}
