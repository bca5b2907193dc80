/** Mark Attendance: one learner Present or Absent at one session. */
import type { AppContext } from '../../context.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { canManage, rolesOnCourse } from '../courses/course.permissions.ts';
import { loadViews } from '../courses/course.service.ts';
import { requireModule } from '../modules/module.service.ts';
import type { Caller } from '../people/caller.ts';
import { findEmployee } from '../people/people.repository.ts';
import * as repository from './session.repository.ts';
import type { SessionPath, SessionResult } from './session.service.ts';

/** An attendance mark as stored. */
export type AttendanceStatus = 'present' | 'absent';

/**
 * Records a learner's attendance (a second mark replaces the first). Course managers and the session's own trainer
 * may mark. Enrolment does not exist yet, so any active employee of the portal counts as a learner of the batch.
 */
export async function markAttendance(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  sessionId: string,
  mark: { learnerErecno: string; status: AttendanceStatus },
): Promise<SessionResult> {
  return context.db.transaction().execute(async (trx) => {
    const { course } = await requireModule(trx, caller, path.courseId, path.batchId, path.moduleId);
    const [view] = await loadViews(trx, caller, [course]);
    const manages = canManage(rolesOnCourse(caller, view!.relations));
    const where = { ...path, portalId: caller.portalId, sessionId };
    const session = await repository.findSession(trx, where, context.dialect);
    if (session === undefined) throw notFound('session', sessionId);
    if (!manages && session.trainer_erecno !== caller.erecno) {
      throw forbidden("only the course's admins and the session's trainer may mark attendance");
    }
    const learner = await findEmployee(trx, caller.portalId, mark.learnerErecno);
    if (learner === undefined) {
      throw invalidInput('learnerErecno', `no employee with erecno ${mark.learnerErecno} in this portal`);
    }
    if (learner.status !== 'active') {
      throw invalidInput('learnerErecno', `${learner.display_name} (${learner.erecno}) is inactive`);
    }
    await repository.upsertAttendance(trx, {
      portal_id: caller.portalId,
      session_id: sessionId,
      erecno: learner.erecno,
      status: mark.status,
      marked_by: caller.erecno,
      marked_at: context.clock.now(),
    });
    const row = await repository.findSessionView(trx, caller.portalId, sessionId);
    return { rows: [row!], canManage: manages, warnings: [] };
  });
}
