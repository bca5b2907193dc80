/**
 * The parent a module family hangs on: a self-paced or e-material course's own modules, or a blended batch's. Checks
 * that the path's family fits the course type and that the caller may read (or change) the course.
 */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { BatchTable, CourseTable, Db } from '../../db/database.ts';
import { stateError } from '../../errors.ts';
import { batchOfView, blendedCourseType, requireBatch } from '../batches/index.ts';
import { type CourseView, getCourseView, loadForChange } from '../courses/index.ts';

/** The course a module family hangs on, and the batch for the blended family. */
export interface Parent {
  course: CourseTable;
  batch: BatchTable | null;
}

/** A parent as read, with the caller's view of the course (roles, for `canUserEdit` and the like). */
export interface ReadParent extends Parent {
  view: CourseView;
}

/**
 * Blended courses keep their modules in batches; self-paced and e-material courses have no batches.
 * The wrong family for the course's type is a 400 that names the rule and the right path.
 */
function checkFamily(course: CourseTable, batchId: string | null): void {
  if (course.type === blendedCourseType && batchId === null) {
    throw stateError(
      'UNSUPPORTED_OPERATION',
      `Course ${course.id} is a blended learning course (type 2): its modules belong to its batches, ` +
        `use /api/v1/courses/${course.id}/batches/{batchId}/modules`,
    );
  }
  if (course.type !== blendedCourseType && batchId !== null) {
    throw stateError(
      'UNSUPPORTED_OPERATION',
      `Course ${course.id} is not a blended learning course (type ${course.type}) and has no batches: ` +
        `use /api/v1/courses/${course.id}/modules`,
    );
  }
}

/** The parent as the caller may see it: 404 unknown course or batch, 403 hidden course, 400 wrong family. */
export async function readParent(
  db: Db,
  caller: Caller,
  courseId: string,
  batchId: string | null,
): Promise<ReadParent> {
  const view = await getCourseView(db, caller, courseId);
  // checkFamily leaves only blended courses with a batch id, so the batch is read against this view.
  checkFamily(view.course, batchId);
  if (batchId === null) return { view, course: view.course, batch: null };
  return { view, course: view.course, batch: await batchOfView(db, caller, view, batchId) };
}

/** The parent for a write: the caller must manage the course (LMS admin, owner, course admin); the course row is locked. */
export async function changeParent(
  context: AppContext,
  db: Db,
  caller: Caller,
  courseId: string,
  batchId: string | null,
): Promise<Parent> {
  const { course } = await loadForChange(context, db, caller, courseId);
  checkFamily(course, batchId);
  if (batchId === null) return { course, batch: null };
  const { batch } = await requireBatch(db, caller, courseId, batchId);
  return { course, batch };
}
