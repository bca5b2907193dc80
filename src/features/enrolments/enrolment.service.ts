/**
 * Enrolment rules: enrol, unenrol and remove learners of self-paced and e-material courses (course-level seats) and
 * of blended courses' batches (seats up to maximumCapacity, then a waitlist). Each call is one transaction.
 */

import { type Caller, type CourseRoles, CourseStatus, enrolRefusal, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { BatchTable, CourseTable, Db, EnrolmentTable } from '../../db/database.ts';
import { forbidden, invalidInput, LmsError, notFound, stateError } from '../../errors.ts';
import { type LmsEvent, recordEvents } from '../../events/index.ts';
import { blendedCourseType, loadBatchForChange, requireBatch } from '../batches/index.ts';
import { getCourseView, loadForChange } from '../courses/index.ts';
import { type EmployeeRow, findEmployees } from '../people/index.ts';
import { type PermissionSettings, readPermissionSettings } from '../progress/index.ts';
import * as seats from '../seats/index.ts';
import { promoteWaiting, seatEvent, seatRow, seatState } from '../seats/index.ts';

/** What happened to one person of an enrol or unenrol list. */
export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'alreadyEnrolled' | 'unenrolled' | 'notEnrolled' | 'refused';

/** One person's outcome; `reason` says why for refusals and repeats. */
export interface EnrolmentOutcome {
  person: EmployeeRow;
  status: EnrolmentStatus;
  reason?: string;
}

/** The course or batch a request names (batchId null for course-level enrolment). */
export interface EnrolmentTarget {
  courseId: string;
  batchId: string | null;
}

/** Zoho's 422 for a full batch that keeps no waitlist. */
export const capacityExceededCode = 'BATCH_MAXIMUM_CAPACITY_EXCEEDED';

interface Loaded {
  course: CourseTable;
  batch: BatchTable | null;
  roles: CourseRoles;
  settings: PermissionSettings;
  place: seats.SeatPlace;
}

/** Course-level seats belong to self-paced and e-material courses, batch seats to blended ones. */
function checkKind(course: CourseTable, batchId: string | null): void {
  if (batchId === null && course.type === blendedCourseType) {
    throw stateError(
      'UNSUPPORTED_OPERATION',
      'Learners of a blended learning course join one of its batches: use /courses/{courseId}/batches/{batchId}/...',
    );
  }
  if (batchId !== null && course.type !== blendedCourseType) {
    throw stateError('UNSUPPORTED_OPERATION', 'Batches exist only in blended learning courses (type 2)');
  }
}

/** Locks the place's seats, then loads the course (and batch) as the caller may see them. */
async function loadTarget(context: AppContext, db: Db, caller: Caller, target: EnrolmentTarget): Promise<Loaded> {
  const place = { portalId: caller.portalId, ...target };
  await seats.lockPlace(db, context.dialect, place);
  const view = await getCourseView(db, caller, target.courseId);
  checkKind(view.course, target.batchId);
  const batch =
    target.batchId === null ? null : (await requireBatch(db, caller, target.courseId, target.batchId)).batch;
  const roles = rolesOnCourse(caller, view.relations);
  const settings = readPermissionSettings(view.course.permission_settings);
  return { course: view.course, batch, roles, settings, place };
}

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

/** The named people in the order sent; 400 naming erecnosList for an id that is not an employee of the portal. */
async function loadPeople(db: Db, caller: Caller, erecnos: readonly string[]): Promise<EmployeeRow[]> {
  const found = await findEmployees(db, caller.portalId, erecnos);
  return erecnos.map((erecno) => {
    const person = found.find((row) => row.erecno === erecno);
    if (person === undefined) throw invalidInput('erecnosList', `no employee with erecno ${erecno}`);
    return person;
  });
}

/** Answers the outcomes, unless every person was refused: then the first refusal is the answer (nothing written). */
function settle(outcomes: EnrolmentOutcome[], errors: LmsError[]): EnrolmentOutcome[] {
  if (outcomes.length > 0 && outcomes.every((outcome) => outcome.status === 'refused')) throw errors[0]!;
  return outcomes;
}

/** Options of an enrol, unenrol or remove call. */
export interface EnrolmentOptions {
  /** notifyApplicableUsers: the people concerned are told (Lectern's addition; default true). */
  notify: boolean;
}

/** Frees seats: the first waiting learners of a batch take them, in the same transaction. */
function promoteInto(db: Db, context: AppContext, loaded: Loaded, by: string, notify: boolean) {
  if (loaded.batch === null) return Promise.resolve([]);
  return promoteWaiting(db, context, loaded.place, { capacity: loaded.batch.maximum_capacity, by, notify });
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
