/**
 * Completion recorded for a learner by someone else: a course (or batch) completed or revoked under the course's
 * rule (the learner themself under rule 1, the course's managers and trainers under rule 3), and online test
 * results. Each is one transaction that records its completion events.
 */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { EntityType } from '../../entity-types.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { readParent } from '../modules/index.ts';
import {
  CourseRule,
  completionSnapshot,
  readPermissionSettings,
  recordCompletionChanges,
  recordLearnerAction,
  recordOnlineResult,
} from '../progress/index.ts';
import { type ActionOutcome, type ActionPath, outcomeOf, placeOf } from './completion-outcome.ts';

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
    return outcomeOf(after.get(learnerErecno), null, null);
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
    return outcomeOf(after.get(result.learnerErecno), path.moduleId, testId);
  });
}
