/** Queries over enrolments: seats and waitlist places in courses and batches. */

import type { Dialect } from '../../db/create-db.ts';
import type { Db, EnrolmentTable } from '../../db/database.ts';
import { locksRows } from '../../db/dialect.ts';

/** Where a seat is: a whole course (batchId null: self-paced, e-material) or one batch of a blended course. */
export interface SeatPlace {
  portalId: string;
  courseId: string;
  batchId: string | null;
}

/**
 * Locks the row that guards the place's seats (the batch, or the course for course-level seats) until the
 * transaction ends, so that concurrent enrolments queue up and never both take the last seat. PostgreSQL only:
 * SQLite runs one writing transaction at a time already.
 */
export async function lockPlace(db: Db, dialect: Dialect, place: SeatPlace): Promise<void> {
  if (!locksRows(dialect)) return;
  if (place.batchId !== null) {
    await db
      .selectFrom('batches')
      .select('id')
      .where('portal_id', '=', place.portalId)
      .where('id', '=', place.batchId)
      .forUpdate()
      .execute();
    return;
  }
  await db
    .selectFrom('courses')
    .select('id')
    .where('portal_id', '=', place.portalId)
    .where('id', '=', place.courseId)
    .forUpdate()
    .execute();
}

function atPlace(db: Db, place: SeatPlace) {
  const query = db
    .selectFrom('enrolments')
    .where('portal_id', '=', place.portalId)
    .where('course_id', '=', place.courseId);
  return place.batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', place.batchId);
}

/** The enrolments of the given people at a place. */
export async function findEnrolments(db: Db, place: SeatPlace, erecnos: readonly string[]): Promise<EnrolmentTable[]> {
  if (erecnos.length === 0) return [];
  return atPlace(db, place).selectAll().where('erecno', 'in', erecnos).execute();
}

/** How many learners hold a seat (not a waitlist place) at a place. */
export async function countEnrolled(db: Db, place: SeatPlace): Promise<number> {
  const row = await atPlace(db, place)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('status', '=', 'enrolled')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many people wait for a seat at a place. */
export async function countWaiting(db: Db, place: SeatPlace): Promise<number> {
  const row = await atPlace(db, place)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('status', '=', 'waitlisted')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The waitlist position after the last one at a place (0 when nobody waits). */
export async function nextWaitlistPosition(db: Db, place: SeatPlace): Promise<number> {
  const row = await atPlace(db, place)
    .select((eb) => eb.fn.max('position').as('position'))
    .where('status', '=', 'waitlisted')
    .executeTakeFirst();
  return row?.position === null || row?.position === undefined ? 0 : Number(row.position) + 1;
}

/** Inserts enrolment rows. */
export async function insertEnrolments(db: Db, rows: EnrolmentTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('enrolments').values(rows).execute();
}

/** Deletes the enrolments of the given people at a place, in one statement. */
export async function deleteEnrolments(db: Db, place: SeatPlace, erecnos: readonly string[]): Promise<void> {
  if (erecnos.length === 0) return;
  let query = db
    .deleteFrom('enrolments')
    .where('portal_id', '=', place.portalId)
    .where('course_id', '=', place.courseId)
    .where('erecno', 'in', erecnos);
  query = place.batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', place.batchId);
  await query.execute();
}

/** The first `count` people on a place's waitlist, in waitlist order. */
export async function firstWaiting(db: Db, place: SeatPlace, count: number): Promise<EnrolmentTable[]> {
  if (count <= 0) return [];
  return atPlace(db, place)
    .selectAll()
    .where('status', '=', 'waitlisted')
    .orderBy('position')
    .orderBy('created_at')
    .limit(count)
    .execute();
}

/** Gives waiting people at a place their seats. */
export async function markEnrolled(db: Db, place: SeatPlace, erecnos: readonly string[]): Promise<void> {
  if (erecnos.length === 0) return;
  let query = db
    .updateTable('enrolments')
    .set({ status: 'enrolled', position: 0 })
    .where('portal_id', '=', place.portalId)
    .where('course_id', '=', place.courseId)
    .where('erecno', 'in', erecnos);
  query = place.batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', place.batchId);
  await query.execute();
}

/**
 * Keeps the courses feature's `learner` relation (course_members, which the course view's `isLearner` and the
 * course unpublish rule read) in step: a person holding a seat anywhere in the course is a learner of it.
 * Written here, like the sessions feature's trainer rows, because the courses feature has no service call for it.
 */
export async function syncLearnerMembers(
  db: Db,
  place: SeatPlace,
  erecnos: readonly string[],
  byErecno: string,
  now: number,
): Promise<void> {
  if (erecnos.length === 0) return;
  const seated = await db
    .selectFrom('enrolments')
    .select('erecno')
    .distinct()
    .where('portal_id', '=', place.portalId)
    .where('course_id', '=', place.courseId)
    .where('status', '=', 'enrolled')
    .where('erecno', 'in', erecnos)
    .execute();
  const learners = seated.map((row) => row.erecno);
  const gone = erecnos.filter((erecno) => !learners.includes(erecno));
  if (gone.length > 0) {
    await db
      .deleteFrom('course_members')
      .where('course_id', '=', place.courseId)
      .where('relation', '=', 'learner')
      .where('erecno', 'in', gone)
      .execute();
  }
  if (learners.length === 0) return;
  await db
    .insertInto('course_members')
    .values(
      learners.map((erecno) => ({
        portal_id: place.portalId,
        course_id: place.courseId,
        erecno,
        relation: 'learner' as const,
        by_erecno: byErecno,
        position: 0,
        created_at: now,
      })),
    )
    .onConflict((conflict) => conflict.columns(['course_id', 'relation', 'erecno']).doNothing())
    .execute();
}

/** A whole course, or one batch of it (for removals). */
export interface RemovalScope {
  portalId: string;
  courseId: string;
  batchId?: string;
}

/** The enrolments of a whole course, or of one batch of it, in seat order. */
export async function findEnrolmentsOf(db: Db, scope: RemovalScope): Promise<EnrolmentTable[]> {
  let query = db.selectFrom('enrolments').selectAll().where('portal_id', '=', scope.portalId);
  if (scope.batchId !== undefined) query = query.where('batch_id', '=', scope.batchId);
  else query = query.where('course_id', '=', scope.courseId);
  return query.orderBy('status').orderBy('position').orderBy('erecno').execute();
}

/** Deletes the enrolments of a whole course, or of one batch of it (for removals). */
export async function deleteEnrolmentsOf(db: Db, scope: RemovalScope) {
  let query = db.deleteFrom('enrolments').where('portal_id', '=', scope.portalId);
  if (scope.batchId !== undefined) query = query.where('batch_id', '=', scope.batchId);
  else query = query.where('course_id', '=', scope.courseId);
  await query.execute();
}

/** A person's waitlist places across the portal (what deactivating them clears), in seat order. */
export async function findWaitlistPlacesOf(db: Db, portalId: string, erecno: string): Promise<EnrolmentTable[]> {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .where('status', '=', 'waitlisted')
    .orderBy('course_id')
    .orderBy('batch_id')
    .execute();
}

/** Deletes a person's waitlist places across the portal, in one statement. */
export async function deleteWaitlistPlacesOf(db: Db, portalId: string, erecno: string): Promise<void> {
  await db
    .deleteFrom('enrolments')
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .where('status', '=', 'waitlisted')
    .execute();
}

/** A seated learner with the names a roster shows. */
export interface SeatedLearnerRow {
  erecno: string;
  display_name: string;
  employee_id: string;
}

/** The learners holding a seat at a place (not the waitlist), by name, at most `limit`. */
export async function listSeated(db: Db, place: SeatPlace, limit: number): Promise<SeatedLearnerRow[]> {
  let query = db
    .selectFrom('enrolments as e')
    .innerJoin('employees as p', (join) =>
      join.onRef('p.erecno', '=', 'e.erecno').onRef('p.portal_id', '=', 'e.portal_id'),
    )
    .select(['e.erecno', 'p.display_name', 'p.employee_id'])
    .where('e.portal_id', '=', place.portalId)
    .where('e.course_id', '=', place.courseId)
    .where('e.status', '=', 'enrolled');
  query =
    place.batchId === null ? query.where('e.batch_id', 'is', null) : query.where('e.batch_id', '=', place.batchId);
  return query.orderBy('p.display_name').orderBy('e.erecno').limit(limit).execute();
}
