/** Queries over batches (and, until their features own them, the few reads and deletes batches need elsewhere). */

import type { Dialect } from '../../db/create-db.ts';
import type { BatchTable, Db } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** Batch states that keep a blended course published: learners can see and join (or have finished) them. */
export const liveStatuses: readonly BatchTable['publish_status'][] = ['published', 'completed'];

/** One batch of a course in a portal; on PostgreSQL optionally locked for the rest of the transaction. */
export async function findBatch(
  db: Db,
  portalId: string,
  courseId: string,
  batchId: string,
  lock?: Dialect,
): Promise<BatchTable | undefined> {
  let query = db
    .selectFrom('batches')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .where('id', '=', batchId);
  // SQLite serialises writers already; PostgreSQL needs the row lock so that concurrent actions queue up.
  query = forUpdate(query, lock);
  return query.executeTakeFirst();
}

/**
 * A page of a course's batches (only those in `statuses` when given), by start date then creation; one extra row
 * tells whether more exist.
 */
export async function listBatches(
  db: Db,
  filter: { portalId: string; courseId: string; statuses?: readonly BatchTable['publish_status'][] },
  startIndex: number,
  limit: number,
): Promise<BatchTable[]> {
  let query = db
    .selectFrom('batches')
    .selectAll()
    .where('portal_id', '=', filter.portalId)
    .where('course_id', '=', filter.courseId);
  if (filter.statuses !== undefined) query = query.where('publish_status', 'in', filter.statuses);
  return query.orderBy('start_date').orderBy('id').offset(startIndex).limit(limit).execute();
}

/** Inserts a batch row. */
export async function insertBatch(db: Db, batch: BatchTable): Promise<void> {
  await db.insertInto('batches').values(batch).execute();
}

/** Writes changed batch columns. */
export async function updateBatch(
  db: Db,
  portalId: string,
  batchId: string,
  changes: Partial<Omit<BatchTable, 'id' | 'portal_id' | 'course_id'>>,
): Promise<void> {
  await db.updateTable('batches').set(changes).where('portal_id', '=', portalId).where('id', '=', batchId).execute();
}

/** How many of a course's batches are in one of the given states. */
export async function countBatchesInStatus(
  db: Db,
  portalId: string,
  courseId: string,
  statuses: readonly BatchTable['publish_status'][],
): Promise<number> {
  const row = await db
    .selectFrom('batches')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .where('publish_status', 'in', statuses)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Learners enrolled (or waitlisted) per batch, for the batches that have any. The enrolments feature owns the table;
 * the count is read here so that batches (whose views, unpublish rule and auto-cancel need it) import nothing from
 * enrolments, which imports batches.
 */
export async function countLearnersInStatus(
  db: Db,
  batchIds: readonly string[],
  status: 'enrolled' | 'waitlisted',
): Promise<{ batchId: string; count: number }[]> {
  if (batchIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrolments')
    .select((eb) => ['batch_id', eb.fn.countAll<number | string>().as('count')])
    .where('batch_id', 'in', batchIds)
    .where('status', '=', status)
    .groupBy('batch_id')
    .execute();
  return rows.map((row) => ({ batchId: row.batch_id!, count: Number(row.count) }));
}

/** One person's seats and waitlist places among the given batches. */
export async function findSeatsOf(
  db: Db,
  erecno: string,
  batchIds: readonly string[],
): Promise<{ batchId: string; courseId: string; status: 'enrolled' | 'waitlisted' }[]> {
  if (batchIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrolments')
    .select(['batch_id', 'course_id', 'status'])
    .where('erecno', '=', erecno)
    .where('batch_id', 'in', batchIds)
    .execute();
  return rows.map((row) => ({ batchId: row.batch_id!, courseId: row.course_id, status: row.status }));
}

/** The portal's locations among the given ids. */
export async function findLocations(
  db: Db,
  portalId: string,
  locationIds: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('locations')
    .select(['id', 'name'])
    .where('portal_id', '=', portalId)
    .where('id', 'in', locationIds)
    .execute();
}

/**
 * Deletes the modules of one batch. Owned by the modules feature in spirit; kept here until module.service.ts
 * exports it. The batch's sessions must be gone first (session.service.ts deleteBatchSessions).
 */
export async function deleteBatchModules(db: Db, portalId: string, batchId: string): Promise<void> {
  await db.deleteFrom('course_modules').where('portal_id', '=', portalId).where('batch_id', '=', batchId).execute();
}

/** Deletes one batch row. */
export async function deleteBatch(db: Db, portalId: string, batchId: string): Promise<void> {
  await db.deleteFrom('batches').where('portal_id', '=', portalId).where('id', '=', batchId).execute();
}

/**
 * Deletes every batch of a course with their modules, sessions and attendance, for deleting the course (whose
 * course_members rows, trainers included, go with it). The module and session deletes belong to those features;
 * they live here until their services export course-wide deletes.
 */
export async function deleteCourseBatches(db: Db, portalId: string, courseId: string): Promise<void> {
  const sessions = db
    .selectFrom('class_sessions')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId);
  await db
    .deleteFrom('session_attendance')
    .where('portal_id', '=', portalId)
    .where('session_id', 'in', sessions)
    .execute();
  await db.deleteFrom('class_sessions').where('portal_id', '=', portalId).where('course_id', '=', courseId).execute();
  await db
    .deleteFrom('course_modules')
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    // Modules of a self-paced course have no batch: only batch modules go with batches.
    .where('batch_id', 'is not', null)
    .execute();
  await db.deleteFrom('batches').where('portal_id', '=', portalId).where('course_id', '=', courseId).execute();
}

/**
 * The first and last session dates of a batch, or undefined when it has none: a batch's dates may not move past its
 * sessions. Read here, beside the batch rule that needs it, so that batches need nothing from the sessions feature.
 */
export async function findSessionDateRange(
  db: Db,
  batchId: string,
): Promise<{ first: string; last: string } | undefined> {
  const row = await db
    .selectFrom('class_sessions')
    .select((eb) => [eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return row?.first ? { first: row.first, last: row.last } : undefined;
}
