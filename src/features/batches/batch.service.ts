/** The Batch API's rules. */
import type { BatchTable, CourseTable, Db } from '../../db/database.ts';
import { notFound, stateError } from '../../errors.ts';
import type { CourseView } from '../courses/course.presenter.ts';
import { getCourseView } from '../courses/course.service.ts';
import type { Caller } from '../people/caller.ts';
import { findBatch } from './batch.repository.ts';

/** The blended-learning course type. */
export const blendedCourseType = 2;

/** A course the caller may see that is blended, or 400 UNSUPPORTED_OPERATION naming the rule. */
export async function requireBlendedCourse(db: Db, caller: Caller, courseId: string): Promise<CourseView> {
  const view = await getCourseView(db, caller, courseId);
  if (view.course.type !== blendedCourseType) {
    throw stateError('UNSUPPORTED_OPERATION', 'Batches exist only in blended learning courses (type 2)');
  }
  return view;
}

/** A batch of a blended course the caller may see: 404 for unknown or other-portal ids. */
export async function requireBatch(
  db: Db,
  caller: Caller,
  courseId: string,
  batchId: string,
): Promise<{ view: CourseView; course: CourseTable; batch: BatchTable }> {
  const view = await requireBlendedCourse(db, caller, courseId);
  const batch = await findBatch(db, caller.portalId, courseId, batchId);
  if (batch === undefined) throw notFound('batch', batchId);
  return { view, course: view.course, batch };
}
