/** Zoho's requisite entities: what keeps an entity locked for a learner, read by those who may see their progress. */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { forbidden, notFound } from '../../errors.ts';
import { readParent } from '../modules/index.ts';
import { findEmployee } from '../people/index.ts';
import { blockingEntities, type EntityProgress, loadLearnerProgress } from '../progress/index.ts';
import { placeOf } from './completion-outcome.ts';

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
