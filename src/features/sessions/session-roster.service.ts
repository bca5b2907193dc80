/**
 * The trainer desk's reads: a trainer's sessions as JSON (what a calendar page draws), and one session's roster with
 * each learner's attendance mark (what the attendance sheet starts from). Writes stay in session-attendance.service.ts.
 */

import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { addDays, dateInZone, type IsoDate, zohoDateText } from '../../dates.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import { loadViews } from '../courses/index.ts';
import { requireModule } from '../modules/index.ts';
import { findEmployee, portalTimeZone } from '../people/index.ts';
import { listSeatedLearners } from '../seats/index.ts';
import type { SessionRow } from './session.repository.ts';
import * as repository from './session.repository.ts';
import type { SessionPath } from './session.service.ts';
import { listTrainerSessionRows, type TrainerSessionRow } from './session-roster.repository.ts';

/** The most sessions one call answers; more tell the caller to narrow the window. */
export const maxTrainerSessions = 500;

/** The most learners a roster lists: as many as one bulk attendance call may mark. */
export const maxRosterLearners = 500;

/** A trainer's sessions in a window, and whether more were left out. */
export interface TrainerSessions {
  rows: TrainerSessionRow[];
  hasMoreRecords: boolean;
}

/** The longest window one call may ask for, in days: a year and a little, as the subscribable feeds show. */
export const maxWindowDays = 456;

/**
 * A trainer's sessions dated in [from, to] (default: 90 days back to 365 ahead of the portal's today, as the
 * subscribable feed): for LMS admins and the trainer themself, as their calendar is.
 */
export async function listTrainerSessions(
  context: AppContext,
  caller: Caller,
  erecno: string,
  window: { from?: IsoDate; to?: IsoDate },
): Promise<TrainerSessions> {
  if (!caller.isAdmin && !caller.isOperator && caller.erecno !== erecno) {
    throw forbidden("only LMS admins and the trainer themself may list a trainer's sessions");
  }
  const [trainer, timeZone] = await Promise.all([
    findEmployee(context.db, caller.portalId, erecno),
    portalTimeZone(context.db, caller.portalId),
  ]);
  if (trainer === undefined) throw notFound('trainer', erecno);
  const today = dateInZone(context.clock.now(), timeZone);
  const from = window.from ?? (window.to === undefined ? addDays(today, -90) : addDays(window.to, -455));
  const to = window.to ?? (window.from === undefined ? addDays(today, 365) : addDays(from, 365));
  if (to < from) throw invalidInput('to', `must not be before from (${zohoDateText(from)})`);
  if (to > addDays(from, maxWindowDays - 1)) {
    throw invalidInput('to', `must be at most ${maxWindowDays} days after from (${zohoDateText(from)})`);
  }
  const where = { portalId: caller.portalId, trainerErecno: erecno, from, to };
  const rows = await listTrainerSessionRows(context.db, where, maxTrainerSessions + 1);
  return { rows: rows.slice(0, maxTrainerSessions), hasMoreRecords: rows.length > maxTrainerSessions };
}

/** One learner of a session's roster with their mark, null while unmarked. */
export interface RosterLearner {
  erecno: string;
  displayName: string;
  employeeId: string;
  status: 'present' | 'absent' | null;
}

/** A session with its course and batch names, whether the caller manages the course, and its roster. */
export interface SessionRoster {
  row: SessionRow;
  courseName: string;
  batchName: string;
  canManage: boolean;
  learners: RosterLearner[];
}

/**
 * The learners holding a seat in the session's batch with their marks at this session: for the course's managers
 * and the session's own trainer, who are the ones who may mark it (403 for others, who may not see the roster).
 */
export async function sessionRoster(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  sessionId: string,
): Promise<SessionRoster> {
  const { course, batch } = await requireModule(context.db, caller, path.courseId, path.batchId, path.moduleId);
  const [view] = await loadViews(context.db, caller, [course]);
  const manages = canManage(rolesOnCourse(caller, view!.relations));
  const session = await repository.findSession(context.db, { ...path, portalId: caller.portalId, sessionId });
  if (session === undefined) throw notFound('session', sessionId);
  if (!manages && session.trainer_erecno !== caller.erecno) {
    throw forbidden("only the course's admins and the session's trainer may see its roster");
  }
  const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
  const seated = await listSeatedLearners(context.db, place, maxRosterLearners);
  const marks = await repository.findAttendance(
    context.db,
    sessionId,
    seated.map((learner) => learner.erecno),
  );
  const statusOf = new Map(marks.map((mark) => [mark.erecno, mark.status]));
  const row = await repository.findSessionView(context.db, caller.portalId, sessionId);
  return {
    row: row!,
    courseName: course.name,
    batchName: batch?.name ?? '',
    canManage: manages,
    learners: seated.map((learner) => ({
      erecno: learner.erecno,
      displayName: learner.display_name,
      employeeId: learner.employee_id,
      status: (statusOf.get(learner.erecno) as RosterLearner['status'] | undefined) ?? null,
    })),
  };
}
