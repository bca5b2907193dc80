/**
 * The queries the outbox makes in the change's transaction to find who an event concerns: sessions (with trainer,
 * room and location names), a batch's learners, a course's owner and members, the recipients' addresses. Each is one
 * query for all the events of a change. These read other features' tables on purpose: the outbox sits below every
 * feature that records events, so it cannot call their services (that would make an import cycle).
 */
import type { Db } from '../db/database.ts';

/** A session as an invite describes it, copied into the outbox row so a later change cannot alter a sent invite. */
export interface SessionSnapshot {
  id: string;
  batchId: string;
  name: string;
  description: string;
  sessionType: number;
  date: string;
  startMinute: number;
  endMinute: number;
  sequence: number;
  trainerErecno: string;
  trainerName: string | null;
  roomName: string | null;
  locationName: string | null;
  /**
   * The zone of the room's location, which the session's date and times are in; null (or absent, in snapshots
   * stored before it was kept): the portal's.
   */
  locationTimeZone?: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Sessions by id, and every session of the given batches, in one query. */
export async function findSessionSnapshots(
  db: Db,
  sessionIds: readonly string[],
  batchIds: readonly string[],
): Promise<SessionSnapshot[]> {
  if (sessionIds.length === 0 && batchIds.length === 0) return [];
  const rows = await db
    .selectFrom('class_sessions as s')
    .leftJoin('employees as t', 't.erecno', 's.trainer_erecno')
    .leftJoin('rooms as r', 'r.id', 's.room_id')
    .leftJoin('locations as l', 'l.id', 'r.location_id')
    .selectAll('s')
    .select([
      't.display_name as trainer_name',
      'r.name as room_name',
      'l.name as location_name',
      'l.time_zone as location_time_zone',
    ])
    .where((where) => {
      const either = [];
      if (sessionIds.length > 0) either.push(where('s.id', 'in', sessionIds));
      if (batchIds.length > 0) either.push(where('s.batch_id', 'in', batchIds));
      return where.or(either);
    })
    .orderBy('s.date')
    .orderBy('s.start_minute')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    batchId: row.batch_id,
    name: row.name,
    description: row.description,
    sessionType: row.session_type,
    date: row.date,
    startMinute: row.start_minute,
    endMinute: row.end_minute,
    sequence: row.sequence,
    trainerErecno: row.trainer_erecno,
    trainerName: row.trainer_name,
    roomName: row.room_name,
    locationName: row.location_name,
    locationTimeZone: row.location_time_zone,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }));
}

/** The location zones (null: the portal's) of the given rooms, for sessions deleted before their event was recorded. */
export async function findRoomTimeZones(db: Db, roomIds: readonly string[]): Promise<Map<string, string | null>> {
  if (roomIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rooms as r')
    .innerJoin('locations as l', 'l.id', 'r.location_id')
    .select(['r.id', 'l.time_zone'])
    .where('r.id', 'in', roomIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.time_zone]));
}

/** The learners (enrolled and waitlisted) of the given batches. */
export async function findBatchLearners(db: Db, batchIds: readonly string[]) {
  if (batchIds.length === 0) return [];
  return db
    .selectFrom('enrolments')
    .select(['batch_id', 'erecno', 'status'])
    .where('batch_id', 'in', batchIds)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

/** The owners of the given courses. */
export async function findCourseOwners(db: Db, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  return db.selectFrom('courses').select(['id', 'owner_erecno']).where('id', 'in', courseIds).execute();
}

/** Course admins, and the people a course was shared or suggested to, of the given courses. */
export async function findCourseAudience(db: Db, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course_members')
    .select(['course_id', 'erecno', 'relation'])
    .where('course_id', 'in', courseIds)
    .where('relation', 'in', ['admin', 'share', 'suggestion'])
    .orderBy('position')
    .execute();
}

/** Addresses and status of the given employees. */
export async function findRecipients(db: Db, erecnos: readonly string[]) {
  if (erecnos.length === 0) return [];
  return db
    .selectFrom('employees')
    .select(['erecno', 'portal_id', 'email_id', 'status'])
    .where('erecno', 'in', erecnos)
    .execute();
}
