/** Mark Attendance: one enrolled learner of the batch Present or Absent at one session. */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { recordEvents } from '../../events/index.ts';
import { loadViews } from '../courses/index.ts';
import { requireModule } from '../modules/index.ts';
import { findEmployee } from '../people/index.ts';
import { completionSnapshot, recordCompletionChanges } from '../progress/index.ts';
import { enrolledAmong } from '../seats/index.ts';
import * as repository from './session.repository.ts';
import type { SessionPath, SessionResult } from './session.service.ts';

/** An attendance mark as stored. */
export type AttendanceStatus = 'present' | 'absent';

/**
 * Records a learner's attendance (a second mark replaces the first), with an attendance.marked.v1 event and the
 * completions that follow from it. Course managers and the session's own trainer may mark; the learner must hold a
 * seat in the batch (waiting learners and other employees are refused with 400 naming learnerErecno).
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
    const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
    if (!(await enrolledAmong(trx, place, [learner.erecno])).has(learner.erecno)) {
      throw invalidInput(
        'learnerErecno',
        `${learner.display_name} (${learner.erecno}) is not a learner of this batch (enrol them first)`,
      );
    }
    const [previous] = await repository.findAttendance(trx, sessionId, [learner.erecno]);
    const snapshot = await completionSnapshot(trx, context, place, [learner.erecno]);
    const now = context.clock.now();
    await repository.upsertAttendance(trx, {
      portal_id: caller.portalId,
      session_id: sessionId,
      erecno: learner.erecno,
      status: mark.status,
      marked_by: caller.erecno,
      marked_at: now,
    });
    await recordEvents(trx, context, [
      {
        type: 'attendance.marked.v1',
        ...place,
        erecno: learner.erecno,
        by: caller.erecno,
        at: now,
        subject: { kind: 'session', id: sessionId },
        before: previous === undefined ? null : { status: previous.status },
        after: { status: mark.status },
        // Zoho's Mark Attendance takes no notifyApplicableUsers: a mark is recorded, not announced.
        notify: false,
      },
    ]);
    await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    const row = await repository.findSessionView(trx, caller.portalId, sessionId);
    return { rows: [row!], canManage: manages, warnings: [] };
  });
}
