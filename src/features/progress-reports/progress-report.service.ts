/**
 * The six course-progress reports: who may read whose progress, where a learner learns, and the progress the
 * completion engine computes for them. Every report loads progress once, for the whole page.
 */

import { type Caller, type CourseRoles, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { CourseTable, Db } from '../../db/database.ts';
import { forbidden, LmsError, notFound, stateError } from '../../errors.ts';
import { blendedCourseType, findCourseBatch } from '../batches/index.ts';
import { loadView } from '../courses/index.ts';
import { type EmployeeRow, findEmployee } from '../people/index.ts';
import {
  type EntityProgress,
  type LearnerProgress,
  loadLearnerProgress,
  loadProgressOfLearner,
  type ModuleProgress,
  type ProgressPlace,
} from '../progress/index.ts';
import * as repository from './progress-report.repository.ts';

/** The course or batch a report names (batchId null for self-paced and e-material courses). */
export interface ReportTarget {
  courseId: string;
  batchId: string | null;
}

/** A place with what a report shows of it. */
export interface PlaceInfo {
  place: ProgressPlace;
  courseName: string;
  courseType: number;
  batchName: string | null;
}

/** One learner's progress at one place, ready to present. */
export interface LearnerReport {
  info: PlaceInfo;
  learner: EmployeeRow;
  enrolledAt: number;
  progress: LearnerProgress;
}

/** A learner's progress in one module. */
export interface ModuleReport {
  learner: EmployeeRow;
  module: ModuleProgress;
}

/** May read everyone's progress in a course: LMS admin, course owner, course admin, trainer of the course. */
export function readsCourseProgress(roles: CourseRoles): boolean {
  return roles.admin || roles.courseOwner || roles.courseAdmin || roles.trainer;
}

/** May read this learner's progress in a course: the learner, their manager, or one who reads the whole course. */
export function readsLearnerProgress(caller: Caller, learner: EmployeeRow, roles: CourseRoles): boolean {
  return caller.erecno === learner.erecno || learner.manager_erecno === caller.erecno || readsCourseProgress(roles);
}

/** Self-paced and e-material courses report at the course, blended ones per batch: the other way is refused. */
function checkKind(course: CourseTable, batchId: string | null): void {
  if (batchId === null && course.type === blendedCourseType) {
    throw stateError(
      'UNSUPPORTED_OPERATION',
      'Learners of a blended learning course learn in its batches: use /courses/{courseId}/batches/{batchId}/...',
    );
  }
  if (batchId !== null && course.type !== blendedCourseType) {
    throw stateError('UNSUPPORTED_OPERATION', 'Batches exist only in blended learning courses (type 2)');
  }
}

/** The course (and batch) of the caller's portal and the caller's roles on the course; 404 for unknown ids. */
async function loadPlace(db: Db, caller: Caller, target: ReportTarget) {
  const view = await loadView(db, caller, target.courseId);
  checkKind(view.course, target.batchId);
  const batch =
    target.batchId === null ? null : await findCourseBatch(db, caller.portalId, target.courseId, target.batchId);
  const info: PlaceInfo = {
    place: { portalId: caller.portalId, courseId: view.course.id, batchId: batch?.id ?? null },
    courseName: view.course.name,
    courseType: view.course.type,
    batchName: batch?.name ?? null,
  };
  return { info, roles: rolesOnCourse(caller, view.relations) };
}

/** An employee of the caller's portal, or 404 naming the learner. */
async function loadLearner(db: Db, caller: Caller, learnerId: string): Promise<EmployeeRow> {
  const learner = await findEmployee(db, caller.portalId, learnerId);
  if (learner === undefined) throw notFound('learner', learnerId);
  return learner;
}

/** The learner's report at the place, after the read rule; 404 when they hold no seat there. */
async function loadLearnerReport(
  context: AppContext,
  caller: Caller,
  target: ReportTarget,
  learnerId: string,
): Promise<LearnerReport> {
  const db = context.db;
  const [{ info, roles }, learner] = await Promise.all([
    loadPlace(db, caller, target),
    loadLearner(db, caller, learnerId),
  ]);
  if (!readsLearnerProgress(caller, learner, roles)) {
    throw forbidden("only the learner, their manager, the course's admins and trainers and LMS admins read this");
  }
  const seat = await repository.findSeat(db, info.place, learnerId);
  if (seat === undefined) {
    const where = info.place.batchId === null ? 'course' : 'batch';
    throw new LmsError(404, '404', `Not found: learner ${learnerId} is not enrolled in this ${where}`);
  }
  const progress = (await loadLearnerProgress(db, context, info.place, [learnerId])).get(learnerId);
  if (progress === undefined) throw notFound('learner', learnerId);
  return { info, learner, enrolledAt: Number(seat.enrolled_at), progress };
}

/** #41: one learner's progress in one course or batch. */
export async function learnerCourseProgress(
  context: AppContext,
  caller: Caller,
  target: ReportTarget,
  learnerId: string,
): Promise<LearnerReport> {
  return loadLearnerReport(context, caller, target, learnerId);
}

/** #42: a page of the enrolled learners' progress in one course or batch (course managers and trainers). */
export async function placeProgress(
  context: AppContext,
  caller: Caller,
  target: ReportTarget,
  startIndex: number,
  limit: number,
): Promise<LearnerReport[]> {
  const db = context.db;
  const { info, roles } = await loadPlace(db, caller, target);
  if (!readsCourseProgress(roles)) {
    throw forbidden("only the course's admins, owner and trainers and LMS admins read every learner's progress");
  }
  const learners = await repository.findPlaceLearners(db, info.place, startIndex, limit);
  const erecnos = learners.map((learner) => learner.erecno);
  const progress = await loadLearnerProgress(db, context, info.place, erecnos);
  return learners.flatMap((learner) => {
    const found = progress.get(learner.erecno);
    return found === undefined ? [] : [{ info, learner, enrolledAt: Number(learner.enrolled_at), progress: found }];
  });
}

/**
 * #40: a page of every course and batch a learner is enrolled in, with their progress. The learner, their manager
 * and LMS admins see every place; course admins, owners and trainers see the places in their courses; a caller who
 * may read none of them is refused.
 */
export async function learnerProgressEverywhere(
  context: AppContext,
  caller: Caller,
  learnerId: string,
  startIndex: number,
  limit: number,
): Promise<LearnerReport[]> {
  const db = context.db;
  const learner = await loadLearner(db, caller, learnerId);
  const seesAll = caller.isAdmin || caller.erecno === learner.erecno || learner.manager_erecno === caller.erecno;
  const readableBy = seesAll ? undefined : caller.erecno;
  const places = await repository.findLearnerPlaces(db, caller.portalId, learnerId, { readableBy, startIndex, limit });
  if (!seesAll && places.length === 0 && startIndex === 0) {
    throw forbidden("only the learner, their manager, the course's admins and trainers and LMS admins read this");
  }
  const infos: PlaceInfo[] = places.map((row) => ({
    place: { portalId: caller.portalId, courseId: row.course_id, batchId: row.batch_id },
    courseName: row.course_name,
    courseType: row.course_type,
    batchName: row.batch_name,
  }));
  const progress = await loadProgressOfLearner(
    db,
    context,
    caller.portalId,
    learnerId,
    infos.map((info) => info.place),
  );
  return infos.flatMap((info, index) => {
    const found = progress.find(
      (candidate) => candidate.place.courseId === info.place.courseId && candidate.place.batchId === info.place.batchId,
    );
    const enrolledAt = Number(places[index]!.enrolled_at);
    return found === undefined ? [] : [{ info, learner, enrolledAt, progress: found }];
  });
}

/** #43: a learner's progress in one module of the course or batch; 404 for a module not there. */
export async function moduleProgress(
  context: AppContext,
  caller: Caller,
  target: ReportTarget,
  moduleId: string,
  learnerId: string,
): Promise<ModuleReport> {
  const report = await loadLearnerReport(context, caller, target, learnerId);
  const found = report.progress.modules.find((module) => module.moduleId === moduleId);
  if (found === undefined) throw notFound('module', moduleId);
  return { learner: report.learner, module: found };
}

/** #44 and #45: a learner's entities of one type in the course or batch, in module and entity order. */
export async function entitiesProgress(
  context: AppContext,
  caller: Caller,
  target: ReportTarget,
  learnerId: string,
  entityType: number,
): Promise<{ learner: EmployeeRow; entities: EntityProgress[] }> {
  const report = await loadLearnerReport(context, caller, target, learnerId);
  const entities = report.progress.modules.flatMap((module) =>
    module.entities.filter((entity) => entity.entityType === entityType),
  );
  return { learner: report.learner, entities };
}

/**
 * The best progress of a learner in each of some courses (a learner may hold seats in several batches of one
 * blended course: a completed one wins, then the highest percentage). Courses they hold no seat in are absent.
 */
export async function bestProgressInCourses(
  db: Db,
  context: AppContext,
  portalId: string,
  erecno: string,
  courseIds: readonly string[],
): Promise<Map<string, LearnerProgress>> {
  const places = await repository.findLearnerPlaces(db, portalId, erecno, { courseIds });
  const progress = await loadProgressOfLearner(
    db,
    context,
    portalId,
    erecno,
    places.map((row) => ({ portalId, courseId: row.course_id, batchId: row.batch_id })),
  );
  const best = new Map<string, LearnerProgress>();
  for (const candidate of progress) {
    const current = best.get(candidate.place.courseId);
    if (current === undefined || rank(candidate) > rank(current)) best.set(candidate.place.courseId, candidate);
  }
  return best;
}

function rank(progress: LearnerProgress): number {
  return (progress.isCompleted ? 1000 : 0) + progress.percentage;
}
