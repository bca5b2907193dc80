/** Who reaches which batch: blended courses only, drafts for those who manage the course, locks for a change. */

import { type Caller, CourseStatus, canView, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { BatchTable, CourseTable, Db } from '../../db/database.ts';
import { forbidden, notFound, stateError } from '../../errors.ts';
import { type CourseView, getCourseView, loadForChange } from '../courses/index.ts';
import * as repository from './batch.repository.ts';

/** The blended-learning course type. */
export const blendedCourseType = 2;

/** Refuses a course that is not blended: only blended learning courses have batches. */
export function ensureBlended(course: CourseTable): void {
  if (course.type !== blendedCourseType) {
    throw stateError('UNSUPPORTED_OPERATION', 'Batches exist only in blended learning courses (type 2)');
  }
}

/** A course the caller may see that is blended, or 400 UNSUPPORTED_OPERATION naming the rule. */
export async function requireBlendedCourse(db: Db, caller: Caller, courseId: string): Promise<CourseView> {
  const view = await getCourseView(db, caller, courseId);
  ensureBlended(view.course);
  return view;
}

/**
 * True when the caller sees every batch of the course, drafts included: those who would see the course drafted
 * (its managers, shared users, trainers, settings and data admins). Others see published and completed batches.
 */
export function seesEveryBatch(caller: Caller, view: CourseView): boolean {
  return canView(rolesOnCourse(caller, view.relations), CourseStatus.drafted);
}

/**
 * A batch of a blended course the caller may see: 404 for unknown or other-portal ids, 403 for an unpublished or
 * cancelled batch the caller may not see (see seesEveryBatch).
 */
export async function requireBatch(
  db: Db,
  caller: Caller,
  courseId: string,
  batchId: string,
): Promise<{ view: CourseView; course: CourseTable; batch: BatchTable }> {
  const view = await requireBlendedCourse(db, caller, courseId);
  return { view, course: view.course, batch: await batchOfView(db, caller, view, batchId) };
}

/**
 * A batch of a blended course whose view the caller already read (and the course's type already checked): 404 for an
 * unknown batch, 403 for an unpublished one the caller may not see. Saves reading the view a second time.
 */
export async function batchOfView(db: Db, caller: Caller, view: CourseView, batchId: string): Promise<BatchTable> {
  const batch = await repository.findBatch(db, caller.portalId, view.course.id, batchId);
  if (batch === undefined) throw notFound('batch', batchId);
  if (!repository.liveStatuses.includes(batch.publish_status) && !seesEveryBatch(caller, view)) {
    throw forbidden(`the batch is ${batch.publish_status}`);
  }
  return batch;
}

/**
 * For a write inside a transaction: the blended course (locked; the caller must manage it) and its batch (locked
 * too): 404 for an unknown course or batch, 403 for a caller who does not manage the course.
 */
export async function loadBatchForChange(
  context: AppContext,
  db: Db,
  caller: Caller,
  courseId: string,
  batchId: string,
): Promise<{ course: CourseTable; batch: BatchTable }> {
  const { course } = await loadForChange(context, db, caller, courseId);
  ensureBlended(course);
  const batch = await repository.findBatch(db, caller.portalId, courseId, batchId, context.dialect);
  if (batch === undefined) throw notFound('batch', batchId);
  return { course, batch };
}

/** A batch of the course in the caller's portal, whatever its state and without a visibility check: 404 otherwise. */
export async function findCourseBatch(
  db: Db,
  portalId: string,
  courseId: string,
  batchId: string,
): Promise<BatchTable> {
  const batch = await repository.findBatch(db, portalId, courseId, batchId);
  if (batch === undefined) throw notFound('batch', batchId);
  return batch;
}
