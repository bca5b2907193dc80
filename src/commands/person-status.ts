/**
 * Deactivating and reactivating a person, one transaction each. The rule for a deactivated person's places: every
 * waitlist place is given up (a learner.removed.v1 event each, no e-mail); seats (course-level, and batch seats
 * whether the batch has started or not) are kept with their progress, so that reactivation gives the person back
 * everything they had, and an admin who wants a seat freed removes the learner as for anyone. Their tokens stay
 * stored and are refused while they are inactive (authentication reads the status); reactivation revives them.
 */
import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import { recordEvents } from '../events/index.ts';
import { type EmployeeRow, setEmployeeStatus } from '../features/people/index.ts';
import { deleteWaitlistPlacesOf, findWaitlistPlacesOf, seatEvent, seatState } from '../features/seats/index.ts';

/** What a status change did: the person as they now are, and the waitlist places given up. */
export interface StatusChange {
  person: EmployeeRow;
  leftWaitlists: { courseId: string; batchId: string | null }[];
}

/** Deactivates a person of the caller's portal (a no-op for one already inactive), clearing their waitlist places. */
export async function deactivatePerson(context: AppContext, caller: Caller, erecno: string): Promise<StatusChange> {
  return context.db.transaction().execute(async (trx) => {
    const before = await setEmployeeStatus(trx, context, caller, erecno, 'inactive');
    const waiting = await findWaitlistPlacesOf(trx, caller.portalId, erecno);
    if (waiting.length > 0) {
      const now = context.clock.now();
      await deleteWaitlistPlacesOf(trx, caller.portalId, erecno);
      const events = waiting.map((row) =>
        seatEvent(
          { portalId: row.portal_id, courseId: row.course_id, batchId: row.batch_id },
          {
            type: 'learner.removed.v1',
            erecno,
            by: caller.erecno,
            at: now,
            before: seatState(row),
            after: null,
            notify: false,
          },
        ),
      );
      await recordEvents(trx, context, events);
    }
    return {
      person: { ...before, status: 'inactive' },
      leftWaitlists: waiting.map((row) => ({ courseId: row.course_id, batchId: row.batch_id })),
    };
  });
}

/** Reactivates a person of the caller's portal: their kept seats, progress and tokens work again. */
export async function reactivatePerson(context: AppContext, caller: Caller, erecno: string): Promise<StatusChange> {
  return context.db.transaction().execute(async (trx) => {
    const before = await setEmployeeStatus(trx, context, caller, erecno, 'active');
    return { person: { ...before, status: 'active' }, leftWaitlists: [] };
  });
}
