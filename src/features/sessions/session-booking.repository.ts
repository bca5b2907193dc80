/** Queries behind a session's references and bookings: trainer, room, grade category, overlaps, course trainers. */

import type { Dialect } from '../../db/create-db.ts';
import type { Db } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** The trainer named by a session, locked on PostgreSQL so that two bookings of one trainer queue up. */
export async function findTrainerForBooking(db: Db, portalId: string, erecno: string, lock?: Dialect) {
  let query = db
    .selectFrom('employees')
    .select(['erecno', 'display_name', 'status', 'is_trainer'])
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno);
  query = forUpdate(query, lock);
  return query.executeTakeFirst();
}

/** The room named by a session, locked on PostgreSQL so that two bookings of one room queue up. */
export async function findRoomForBooking(db: Db, portalId: string, roomId: string, lock?: Dialect) {
  let query = db.selectFrom('rooms').select(['id', 'name']).where('portal_id', '=', portalId).where('id', '=', roomId);
  query = forUpdate(query, lock);
  return query.executeTakeFirst();
}

/** A session that may overlap a requested slot, the zones its times are in, and the zone of the requested slot. */
export interface OverlappingSession {
  id: string;
  name: string;
  date: string;
  start_minute: number;
  end_minute: number;
  trainer_erecno: string;
  room_id: string | null;
  location_time_zone: string | null;
  portal_time_zone: string;
  slot_location_time_zone: string | null;
}

/** Days either side of a slot's date whose sessions may share its instants (zones lie up to 26 hours apart). */
const zoneReachDays = 2;

/** `date` moved by `days` (calendar arithmetic on the date alone, no zone involved). */
function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/**
 * Sessions of the portal dated within two days of the slot's date that use the trainer or the room, with the zones
 * their times are in and the zone of the room the slot is booked in (`zoneRoomId`), so that the caller can compare
 * instants: Chicago's 09:00 and Berlin's 16:00 are one instant, and may fall on different dates. Sessions of
 * cancelled batches are left out: they will not take place.
 */
export async function findNearbySessions(
  db: Db,
  slot: {
    portalId: string;
    date: string;
    trainerErecno: string | null;
    roomId: string | null;
    zoneRoomId: string | null;
    excludeSessionId: string | null;
  },
): Promise<OverlappingSession[]> {
  const { trainerErecno, roomId, excludeSessionId, zoneRoomId } = slot;
  if (trainerErecno === null && roomId === null) return [];
  let query = db
    .selectFrom('class_sessions as s')
    .innerJoin('batches as b', 'b.id', 's.batch_id')
    .innerJoin('portals as p', 'p.id', 's.portal_id')
    .leftJoin('rooms as r', 'r.id', 's.room_id')
    .leftJoin('locations as l', 'l.id', 'r.location_id')
    .select(['s.id', 's.name', 's.date', 's.start_minute', 's.end_minute', 's.trainer_erecno', 's.room_id'])
    .select(['l.time_zone as location_time_zone', 'p.time_zone as portal_time_zone'])
    .select((eb) =>
      eb
        .selectFrom('rooms as zr')
        .innerJoin('locations as zl', 'zl.id', 'zr.location_id')
        .select('zl.time_zone')
        .where('zr.portal_id', '=', slot.portalId)
        .where('zr.id', '=', zoneRoomId ?? '')
        .as('slot_location_time_zone'),
    )
    .where('s.portal_id', '=', slot.portalId)
    .where('s.date', '>=', shiftDate(slot.date, -zoneReachDays))
    .where('s.date', '<=', shiftDate(slot.date, zoneReachDays))
    .where('b.publish_status', '!=', 'cancelled')
    .where((eb) => {
      const uses = [];
      if (trainerErecno !== null) uses.push(eb('s.trainer_erecno', '=', trainerErecno));
      if (roomId !== null) uses.push(eb('s.room_id', '=', roomId));
      return eb.or(uses);
    });
  if (excludeSessionId !== null) query = query.where('s.id', '!=', excludeSessionId);
  // A trainer's or a room's five days hold few sessions; the bound keeps a runaway calendar from loading them all.
  return query.orderBy('s.date').orderBy('s.start_minute').orderBy('s.id').limit(500).execute();
}

/**
 * Keeps each trainer's `trainer` row on the course in step with their sessions there: present while they have a
 * session in the course, gone when they have none left. Drives the course's trainer role and the trainerId filter.
 */
export async function syncCourseTrainers(
  db: Db,
  course: { portalId: string; courseId: string },
  erecnos: readonly string[],
  byErecno: string | null,
  now: number,
): Promise<void> {
  const trainers = [...new Set(erecnos)];
  if (trainers.length === 0) return;
  const counts = await db
    .selectFrom('class_sessions')
    .select(['trainer_erecno', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('portal_id', '=', course.portalId)
    .where('course_id', '=', course.courseId)
    .where('trainer_erecno', 'in', trainers)
    .groupBy('trainer_erecno')
    .execute();
  const teaching = trainers.filter((erecno) =>
    counts.some((row) => row.trainer_erecno === erecno && Number(row.count) > 0),
  );
  const idle = trainers.filter((erecno) => !teaching.includes(erecno));
  if (idle.length > 0) {
    await db
      .deleteFrom('course_members')
      .where('course_id', '=', course.courseId)
      .where('relation', '=', 'trainer')
      .where('erecno', 'in', idle)
      .execute();
  }
  if (teaching.length === 0) return;
  const last = await db
    .selectFrom('course_members')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('course_id', '=', course.courseId)
    .where('relation', '=', 'trainer')
    .executeTakeFirst();
  const next = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  await db
    .insertInto('course_members')
    .values(
      teaching.map((erecno, index) => ({
        portal_id: course.portalId,
        course_id: course.courseId,
        erecno,
        relation: 'trainer' as const,
        by_erecno: byErecno,
        position: next + index,
        created_at: now,
      })),
    )
    .onConflict((conflict) => conflict.columns(['course_id', 'relation', 'erecno']).doNothing())
    .execute();
}

/** The trainer's first session on or after a date (cancelled batches left out), if any. */
export async function findNextSessionOfTrainer(db: Db, portalId: string, erecno: string, fromDate: string) {
  return db
    .selectFrom('class_sessions as s')
    .innerJoin('batches as b', 'b.id', 's.batch_id')
    .select(['s.id', 's.name', 's.date', 's.start_minute', 's.end_minute'])
    .select((eb) =>
      eb
        .selectFrom('class_sessions as c')
        .innerJoin('batches as cb', 'cb.id', 'c.batch_id')
        .select((inner) => inner.fn.countAll<number | string>().as('count'))
        .where('c.portal_id', '=', portalId)
        .where('c.trainer_erecno', '=', erecno)
        .where('c.date', '>=', fromDate)
        .where('cb.publish_status', '!=', 'cancelled')
        .as('upcoming'),
    )
    .where('s.portal_id', '=', portalId)
    .where('s.trainer_erecno', '=', erecno)
    .where('s.date', '>=', fromDate)
    .where('b.publish_status', '!=', 'cancelled')
    .orderBy('s.date')
    .orderBy('s.start_minute')
    .orderBy('s.id')
    .limit(1)
    .executeTakeFirst();
}

/** Whose sessions a calendar feed shows. */
export type FeedOwner =
  | { trainerErecno: string }
  | { roomId: string }
  | { batchId: string }
  | { learnerErecno: string };

/** Which sessions of a feed: those dated inside [from, to], at most `limit` (the earliest). */
export interface FeedWindow {
  from: string;
  to: string;
  limit: number;
}

/** The batches a learner holds a seat or a waitlist place in, as a subquery. */
function learnerBatches(db: Db, portalId: string, erecno: string) {
  return db
    .selectFrom('enrolments')
    .select('batch_id')
    .where('portal_id', '=', portalId)
    .where('erecno', '=', erecno)
    .where('batch_id', 'is not', null);
}

/**
 * Sessions of a trainer, a room, a batch or a learner's batches, with trainer, room and location names and zone and
 * their batch's status (a cancelled batch's sessions are shown cancelled), for a calendar feed. Without a window:
 * every one (the header-protected feeds).
 */
export async function listFeedSessions(db: Db, portalId: string, owner: FeedOwner, window?: FeedWindow) {
  let query = db
    .selectFrom('class_sessions as s')
    .innerJoin('batches as b', 'b.id', 's.batch_id')
    .leftJoin('employees as t', 't.erecno', 's.trainer_erecno')
    .leftJoin('rooms as r', 'r.id', 's.room_id')
    .leftJoin('locations as l', 'l.id', 'r.location_id')
    .selectAll('s')
    .select([
      't.display_name as trainer_name',
      'r.name as room_name',
      'l.name as location_name',
      'l.time_zone as location_time_zone',
      'b.publish_status as batch_status',
    ])
    .where('s.portal_id', '=', portalId);
  if (window === undefined) query = query.where('b.publish_status', '!=', 'cancelled');
  else query = query.where('s.date', '>=', window.from).where('s.date', '<=', window.to).limit(window.limit);
  if ('trainerErecno' in owner) query = query.where('s.trainer_erecno', '=', owner.trainerErecno);
  else if ('roomId' in owner) query = query.where('s.room_id', '=', owner.roomId);
  else if ('batchId' in owner) query = query.where('s.batch_id', '=', owner.batchId);
  else query = query.where('s.batch_id', 'in', learnerBatches(db, portalId, owner.learnerErecno));
  return query.orderBy('s.date').orderBy('s.start_minute').orderBy('s.id').execute();
}

/** Deleted sessions of a feed's owner dated inside the window and deleted after `since`, as they last were. */
export async function listCancelledFeedSessions(
  db: Db,
  portalId: string,
  owner: FeedOwner,
  window: FeedWindow & { since: number },
) {
  let query = db
    .selectFrom('session_cancellations as s')
    .leftJoin('employees as t', 't.erecno', 's.trainer_erecno')
    .leftJoin('rooms as r', 'r.id', 's.room_id')
    .leftJoin('locations as l', 'l.id', 'r.location_id')
    .selectAll('s')
    .select(['t.display_name as trainer_name', 'r.name as room_name', 'l.name as location_name'])
    .select('l.time_zone as location_time_zone')
    .where('s.portal_id', '=', portalId)
    .where('s.cancelled_at', '>', window.since)
    .where('s.date', '>=', window.from)
    .where('s.date', '<=', window.to);
  if ('trainerErecno' in owner) query = query.where('s.trainer_erecno', '=', owner.trainerErecno);
  else if ('roomId' in owner) query = query.where('s.room_id', '=', owner.roomId);
  else if ('batchId' in owner) query = query.where('s.batch_id', '=', owner.batchId);
  else query = query.where('s.batch_id', 'in', learnerBatches(db, portalId, owner.learnerErecno));
  return query.orderBy('s.date').orderBy('s.start_minute').orderBy('s.session_id').limit(window.limit).execute();
}

/** Whether a batch is the portal's, and whether the person trains one of its sessions (who may have its feed). */
export async function findBatchTrainer(db: Db, portalId: string, batchId: string, erecno: string) {
  const row = await db
    .selectFrom('batches as b')
    .select((eb) => [
      'b.id',
      eb
        .exists(
          eb
            .selectFrom('class_sessions as s')
            .select('s.id')
            .whereRef('s.batch_id', '=', 'b.id')
            .where('s.trainer_erecno', '=', erecno),
        )
        .as('trains'),
    ])
    .where('b.portal_id', '=', portalId)
    .where('b.id', '=', batchId)
    .executeTakeFirst();
  return row === undefined ? undefined : { trains: Boolean(row.trains) };
}
