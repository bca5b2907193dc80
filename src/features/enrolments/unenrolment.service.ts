/**
 * Learners leaving a course or batch: unenrolled (whoCanUnenroll decides per person), removed by a course manager,
 * or deleted with what a removal deletes. Freed batch seats go to the first waiting learners in the same transaction.
 */

import { type Caller, enrolRefusal } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db, EnrolmentTable } from '../../db/database.ts';
import { forbidden, type LmsError, notFound } from '../../errors.ts';
import { type LmsEvent, recordEvents } from '../../events/index.ts';
import { loadBatchForChange } from '../batches/index.ts';
import { loadForChange } from '../courses/index.ts';
import { readPermissionSettings } from '../progress/index.ts';
import * as seats from '../seats/index.ts';
import { promoteWaiting, seatEvent, seatState } from '../seats/index.ts';
import {
  checkKind,
  type EnrolmentOptions,
  type EnrolmentOutcome,
  type EnrolmentTarget,
  type LoadedTarget,
  loadPeople,
  loadTarget,
  settle,
} from './enrolment-target.ts';

/** Frees seats: the first waiting learners of a batch take them, in the same transaction. */
function promoteInto(db: Db, context: AppContext, loaded: LoadedTarget, by: string, notify: boolean) {
  if (loaded.batch === null) return Promise.resolve([]);
  return promoteWaiting(db, context, loaded.place, { capacity: loaded.batch.maximum_capacity, by, notify });
}

/**
 * Unenrols people (whoCanUnenroll decides per person); freed batch seats go to the first waiting learners. A list
 * where everyone is refused is an error.
 */
export async function unenrolLearners(
  context: AppContext,
  caller: Caller,
  target: EnrolmentTarget,
  erecnos: readonly string[],
  options: EnrolmentOptions = { notify: true },
): Promise<EnrolmentOutcome[]> {
  return context.db.transaction().execute(async (trx) => {
    const loaded = await loadTarget(context, trx, caller, target);
    const people = await loadPeople(trx, caller, erecnos);
    const existing = await seats.findEnrolments(trx, loaded.place, erecnos);
    const outcomes: EnrolmentOutcome[] = [];
    const errors: LmsError[] = [];
    const left: EnrolmentTable[] = [];
    for (const person of people) {
      const target = { erecno: person.erecno, managerErecno: person.manager_erecno };
      const refusal = enrolRefusal(loaded.settings.whoCanUnenroll, loaded.roles, caller.erecno, target);
      const row = existing.find((candidate) => candidate.erecno === person.erecno);
      if (refusal !== null) {
        errors.push(forbidden(refusal));
        outcomes.push({ person, status: 'refused', reason: errors.at(-1)!.message });
      } else if (row === undefined) {
        outcomes.push({ person, status: 'notEnrolled', reason: 'not enrolled or waitlisted here' });
      } else {
        left.push(row);
        outcomes.push({ person, status: 'unenrolled' });
      }
    }
    settle(outcomes, errors);
    const now = context.clock.now();
    const leaving = left.map((row) => row.erecno);
    await seats.deleteEnrolments(trx, loaded.place, leaving);
    await seats.syncLearnerMembers(trx, loaded.place, leaving, caller.erecno, now);
    await recordEvents(trx, context, leftEvents(loaded.place, left, 'learner.unenrolled.v1', caller, now, options));
    await promoteInto(trx, context, loaded, caller.erecno, options.notify);
    return outcomes;
  });
}

/** The events of learners who left: unenrolled or removed, each with the seat they held. */
function leftEvents(
  place: seats.SeatPlace,
  rows: EnrolmentTable[],
  type: 'learner.unenrolled.v1' | 'learner.removed.v1',
  caller: Caller,
  now: number,
  options: EnrolmentOptions,
): LmsEvent[] {
  return rows.map((row) =>
    seatEvent(place, {
      type,
      erecno: row.erecno,
      by: caller.erecno,
      at: now,
      before: seatState(row),
      after: null,
      notify: options.notify,
    }),
  );
}

/** Removes one learner (enrolled or waiting) as a course manager; 404 when they are not there. */
export async function removeLearner(
  context: AppContext,
  caller: Caller,
  target: EnrolmentTarget,
  learnerId: string,
  options: EnrolmentOptions = { notify: true },
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const place = { portalId: caller.portalId, ...target };
    const { course, roles } = await loadForChange(context, trx, caller, target.courseId);
    checkKind(course, target.batchId);
    const batch =
      target.batchId === null
        ? null
        : (await loadBatchForChange(context, trx, caller, target.courseId, target.batchId)).batch;
    const [enrolment] = await seats.findEnrolments(trx, place, [learnerId]);
    if (enrolment === undefined) throw notFound('learner', learnerId);
    const now = context.clock.now();
    await seats.deleteEnrolments(trx, place, [learnerId]);
    await seats.syncLearnerMembers(trx, place, [learnerId], caller.erecno, now);
    await recordEvents(trx, context, leftEvents(place, [enrolment], 'learner.removed.v1', caller, now, options));
    const settings = readPermissionSettings(course.permission_settings);
    await promoteInto(trx, context, { course, batch, roles, settings, place }, caller.erecno, options.notify);
  });
}

/**
 * Deletes the enrolments of a course or of one of its batches, in the caller's transaction (for removals): each
 * learner gets a learner.removed.v1 event (their history, an e-mail, webhooks), and a batch's learners stop being
 * learners of the course unless they hold a seat in another batch of it.
 */
export async function deleteEnrolmentsIn(
  db: Db,
  context: AppContext,
  scope: seats.RemovalScope,
  byErecno: string,
): Promise<void> {
  const rows = await seats.findEnrolmentsOf(db, scope);
  if (rows.length === 0) return;
  const now = context.clock.now();
  const events = rows.map((row) =>
    seatEvent(
      { portalId: row.portal_id, courseId: row.course_id, batchId: row.batch_id },
      {
        type: 'learner.removed.v1',
        erecno: row.erecno,
        by: byErecno,
        at: now,
        before: seatState(row),
        after: null,
        notify: true,
      },
    ),
  );
  await recordEvents(db, context, events);
  await seats.deleteEnrolmentsOf(db, scope);
  if (scope.batchId !== undefined) {
    const place = { portalId: scope.portalId, courseId: scope.courseId, batchId: scope.batchId };
    await seats.syncLearnerMembers(
      db,
      place,
      rows.map((row) => row.erecno),
      byErecno,
      now,
    );
  }
}
