/**
 * Deleting a course, a batch or a module with everything it holds, in one transaction. The cascades live here, above
 * the features they touch, so that no feature has to reach up to the features below it.
 */

import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import {
  deleteBatchRow,
  deleteCourseBatches,
  loadBatchForChange,
  syncCoursePublication,
} from '../features/batches/index.ts';
import { deleteCourseRow, loadCourseForDelete } from '../features/courses/index.ts';
import { deleteEnrolmentsIn } from '../features/enrolments/index.ts';
import { deleteEntitiesIn } from '../features/entities/index.ts';
import { removeCourseFromPlans } from '../features/learning-plans/index.ts';
import { deleteModuleRow, deleteParentModules, requireModuleForChange } from '../features/modules/index.ts';
import { deleteCourseSchedulers } from '../features/schedulers/index.ts';
import { deleteBatchSessions, deleteModuleSessions } from '../features/sessions/index.ts';

/**
 * Deletes a course (LMS admin or owner): its learners (each told, with a learner.removed.v1 event), module entities
 * (with marks and stored bytes), schedulers, batches (with their modules, sessions and attendance), its own modules,
 * its links, its place in learning plans, and the course.
 */
export async function removeCourse(context: AppContext, caller: Caller, courseId: string): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await loadCourseForDelete(context, trx, caller, courseId);
    const portalId = caller.portalId;
    // Learners first, while the sessions their cancelled invites describe are still there.
    await deleteEnrolmentsIn(trx, context, { portalId, courseId }, caller.erecno);
    await deleteEntitiesIn(trx, { portalId, courseId });
    await removeCourseFromPlans(trx, portalId, courseId);
    await deleteCourseSchedulers(trx, portalId, courseId);
    await deleteCourseBatches(trx, portalId, courseId);
    await deleteParentModules(trx, { portalId, courseId, batchId: null });
    await deleteCourseRow(trx, portalId, courseId);
  });
}

/**
 * Deletes a batch (course managers) with its learners (each told), sessions, attendance, entities and modules; the
 * course's status follows.
 */
export async function removeBatch(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const { course } = await loadBatchForChange(context, trx, caller, courseId, batchId);
    const now = context.clock.now();
    const portalId = caller.portalId;
    // Learners first, while the sessions their cancelled invites describe are still there; then sessions, whose
    // deletion also drops the course's trainer rows no remaining session supports.
    await deleteEnrolmentsIn(trx, context, { portalId, courseId, batchId }, caller.erecno);
    await deleteBatchSessions(trx, { portalId, batchId, now });
    await deleteEntitiesIn(trx, { portalId, batchId });
    await deleteParentModules(trx, { portalId, courseId, batchId });
    await deleteBatchRow(trx, portalId, batchId);
    await syncCoursePublication(trx, course, now);
  });
}

/** Deletes a module (course managers) with its sessions, attendance and entities. */
export async function removeModule(
  context: AppContext,
  caller: Caller,
  path: { courseId: string; batchId: string | null; moduleId: string },
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const { courseModule } = await requireModuleForChange(
      context,
      trx,
      caller,
      path.courseId,
      path.batchId,
      path.moduleId,
    );
    const portalId = caller.portalId;
    // Only batch modules have sessions; the sessions feature also drops trainer rows no session supports any more.
    if (path.batchId !== null) {
      await deleteModuleSessions(trx, { portalId, moduleIds: [courseModule.id], now: context.clock.now() });
    }
    await deleteEntitiesIn(trx, { portalId, moduleId: courseModule.id });
    await deleteModuleRow(trx, portalId, courseModule.id);
  });
}
