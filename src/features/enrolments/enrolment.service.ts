/**
 * Enrolling learners in self-paced and e-material courses (course-level seats) and in blended courses' batches (seats
 * up to maximumCapacity, then a waitlist). One transaction per call; leaving is unenrolment.service.ts's.
 */

import { type Caller, CourseStatus, enrolRefusal } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { BatchTable, CourseTable, EnrolmentTable } from '../../db/database.ts';
import { forbidden, invalidInput, LmsError, stateError } from '../../errors.ts';
import { recordEvents } from '../../events/index.ts';
import type { EmployeeRow } from '../people/index.ts';
import * as seats from '../seats/index.ts';
import { seatEvent, seatRow, seatState } from '../seats/index.ts';
import {
  type EnrolmentOptions,
  type EnrolmentOutcome,
  type EnrolmentTarget,
  loadPeople,
  loadTarget,
  settle,
} from './enrolment-target.ts';

/** Zoho's 422 for a full batch that keeps no waitlist. */
export const capacityExceededCode = 'BATCH_MAXIMUM_CAPACITY_EXCEEDED';

/** Enrolment needs a published (not disabled) course, and for batches a published batch. */
function checkOpen(course: CourseTable, batch: BatchTable | null): void {
  if (course.status === CourseStatus.disabled) {
    throw stateError('UNSUPPORTED_OPERATION', 'The course is disabled: enable it before adding learners');
  }
  if (batch === null ? course.status !== CourseStatus.published : batch.publish_status === 'unpublished') {
    throw stateError(
      'UNABLE_TO_ADD_LEARNERS_BEFORE_PUBLISH',
      `Publish the ${batch === null ? 'course' : 'batch'} before adding learners`,
    );
  }
  if (batch !== null && batch.publish_status !== 'published') {
    throw stateError('UNSUPPORTED_OPERATION', `The batch is ${batch.publish_status}: learners can no longer join it`);
  }
}

/**
 * Enrols people (whoCanEnroll decides per person): seats first, then the batch's waitlist when it keeps one, else
 * refused with 422. Reports what happened to each person; a list where everyone is refused is an error.
 */
export async function enrolLearners(
  context: AppContext,
  caller: Caller,
  target: EnrolmentTarget,
  erecnos: readonly string[],
  options: EnrolmentOptions = { notify: true },
): Promise<EnrolmentOutcome[]> {
  return context.db.transaction().execute(async (trx) => {
    const loaded = await loadTarget(context, trx, caller, target);
    const { batch, place } = loaded;
    checkOpen(loaded.course, batch);
    const people = await loadPeople(trx, caller, erecnos);
    const existing = await seats.findEnrolments(trx, place, erecnos);
    let seated = batch === null ? 0 : await seats.countEnrolled(trx, place);
    let position = await seats.nextWaitlistPosition(trx, place);
    const now = context.clock.now();
    const outcomes: EnrolmentOutcome[] = [];
    const errors: LmsError[] = [];
    const rows: EnrolmentTable[] = [];
    const refuse = (person: EmployeeRow, error: LmsError) => {
      errors.push(error);
      outcomes.push({ person, status: 'refused', reason: error.message });
    };
    for (const person of people) {
      const target = { erecno: person.erecno, managerErecno: person.manager_erecno };
      const refusal = enrolRefusal(loaded.settings.whoCanEnroll, loaded.roles, caller.erecno, target);
      if (refusal !== null) {
        refuse(person, forbidden(refusal));
        continue;
      }
      if (person.status !== 'active') {
        refuse(person, invalidInput('erecnosList', `employee ${person.erecno} is inactive`));
        continue;
      }
      const already = existing.find((row) => row.erecno === person.erecno);
      if (already !== undefined) {
        outcomes.push(
          already.status === 'enrolled'
            ? { person, status: 'alreadyEnrolled', reason: 'already enrolled' }
            : { person, status: 'waitlisted', reason: 'already on the waitlist' },
        );
        continue;
      }
      const row = { erecno: person.erecno, by: caller.erecno, now };
      if (batch === null || seated < batch.maximum_capacity) {
        seated += 1;
        rows.push(seatRow(place, row, 'enrolled', 0));
        outcomes.push({ person, status: 'enrolled' });
      } else if (batch.allow_waitlisting === 1) {
        rows.push(seatRow(place, row, 'waitlisted', position++));
        outcomes.push({ person, status: 'waitlisted' });
      } else {
        const message = `Maximum limit exceeded: all ${batch.maximum_capacity} seats of the batch are taken and it keeps no waitlist`;
        refuse(person, new LmsError(422, capacityExceededCode, message, 'erecnosList'));
      }
    }
    settle(outcomes, errors);
    await seats.insertEnrolments(trx, rows);
    const seatedNow = rows.filter((row) => row.status === 'enrolled').map((row) => row.erecno);
    await seats.syncLearnerMembers(trx, place, seatedNow, caller.erecno, now);
    const events = rows.map((row) =>
      seatEvent(place, {
        type: row.status === 'enrolled' ? 'learner.enrolled.v1' : 'learner.waitlisted.v1',
        erecno: row.erecno,
        by: caller.erecno,
        at: now,
        before: null,
        after: seatState(row),
        notify: options.notify,
      }),
    );
    await recordEvents(trx, context, events);
    return outcomes;
  });
}
