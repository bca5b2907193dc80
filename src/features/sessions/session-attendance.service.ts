/** Mark Attendance: enrolled learners of the batch Present or Absent at one session, one or a whole roster at once. */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { recordEvents } from '../../events/index.ts';
import { requireModule } from '../modules/index.ts';
import { findEmployees } from '../people/index.ts';
import { completionSnapshot, recordCompletionChanges } from '../progress/index.ts';
import { enrolledAmong } from '../seats/index.ts';
import * as repository from './session.repository.ts';
import type { SessionPath, SessionResult } from './session.service.ts';

/** An attendance mark as stored. */
export type AttendanceStatus = 'present' | 'absent';

/** One learner's mark. */
export interface AttendanceMark {
  readonly learnerErecno: string;
  readonly status: AttendanceStatus;
}

/** Names the input field of the mark at `index` in refusals: `learnerErecno`, or `attendance[3].learnerErecno`. */
export type MarkField = (index: number) => string;

/** Zoho's call: one learner, refusals naming `learnerErecno`. */
export function markAttendance(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  sessionId: string,
  mark: AttendanceMark,
): Promise<SessionResult> {
  return markSessionAttendance(context, caller, path, sessionId, [mark], () => 'learnerErecno');
}

/** Refuses the whole list when any mark names someone who is not an active, seated learner of the batch. */
async function checkLearners(
  db: Parameters<typeof findEmployees>[0],
  caller: Caller,
  place: { portalId: string; courseId: string; batchId: string },
  marks: readonly AttendanceMark[],
  fieldOf: MarkField,
): Promise<void> {
  const erecnos = marks.map((mark) => mark.learnerErecno);
  const [people, seated] = await Promise.all([
    findEmployees(db, caller.portalId, erecnos),
    enrolledAmong(db, place, erecnos),
  ]);
  const byErecno = new Map(people.map((person) => [person.erecno, person]));
  marks.forEach((mark, index) => {
    const learner = byErecno.get(mark.learnerErecno);
    if (learner === undefined) {
      throw invalidInput(fieldOf(index), `no employee with erecno ${mark.learnerErecno} in this portal`);
    }
    const who = `${learner.display_name} (${learner.erecno})`;
    if (learner.status !== 'active') throw invalidInput(fieldOf(index), `${who} is inactive`);
    if (!seated.has(learner.erecno)) {
      throw invalidInput(fieldOf(index), `${who} is not a learner of this batch (enrol them first)`);
    }
  });
}

/**
 * Records learners' attendance in one transaction (a second mark replaces the first), with an attendance.marked.v1
 * event each and the completions that follow. Course managers and the session's own trainer may mark; every learner
 * must hold a seat in the batch, else nothing is written. A fixed number of statements, whatever the list's length.
 */
export async function markSessionAttendance(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  sessionId: string,
  marks: readonly AttendanceMark[],
  fieldOf: MarkField,
): Promise<SessionResult> {
  return context.db.transaction().execute(async (trx) => {
    const { view } = await requireModule(trx, caller, path.courseId, path.batchId, path.moduleId);
    const manages = canManage(rolesOnCourse(caller, view.relations));
    const where = { ...path, portalId: caller.portalId, sessionId };
    const session = await repository.findSession(trx, where, context.dialect);
    if (session === undefined) throw notFound('session', sessionId);
    if (!manages && session.trainer_erecno !== caller.erecno) {
      throw forbidden("only the course's admins and the session's trainer may mark attendance");
    }
    const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
    await checkLearners(trx, caller, place, marks, fieldOf);
    const erecnos = marks.map((mark) => mark.learnerErecno);
    const previous = new Map(
      (await repository.findAttendance(trx, sessionId, erecnos)).map((row) => [row.erecno, row.status]),
    );
    const snapshot = await completionSnapshot(trx, context, place, erecnos);
    const now = context.clock.now();
    await repository.upsertAttendance(
      trx,
      marks.map((mark) => ({
        portal_id: caller.portalId,
        session_id: sessionId,
        erecno: mark.learnerErecno,
        status: mark.status,
        marked_by: caller.erecno,
        marked_at: now,
      })),
    );
    await recordEvents(
      trx,
      context,
      marks.map((mark) => {
        const before = previous.get(mark.learnerErecno);
        return {
          type: 'attendance.marked.v1' as const,
          ...place,
          erecno: mark.learnerErecno,
          by: caller.erecno,
          at: now,
          subject: { kind: 'session' as const, id: sessionId },
          before: before === undefined ? null : { status: before },
          after: { status: mark.status },
          // Zoho's Mark Attendance takes no notifyApplicableUsers: a mark is recorded, not announced.
          notify: false,
        };
      }),
    );
    await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    const row = await repository.findSessionView(trx, caller.portalId, sessionId);
    return { rows: [row!], canManage: manages, warnings: [] };
  });
}
