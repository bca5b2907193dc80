/** Queries over batch schedulers, and the few batch queries the scheduler runner needs. */

import { CourseStatus } from '../../access/index.ts';
import { type PortalTime, portalTimeOf } from '../../clock.ts';
import type { Dialect } from '../../db/create-db.ts';
import type { BatchSchedulerTable, BatchTable, CourseTable, Db } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** Which portals a tick's query covers: one portal on its own clock, or all but those. */
export type PortalFilter = { readonly only: string } | { readonly except: readonly string[] };

/** Narrows a query joined to portals to the filter's portals. */
function inPortals<Q extends { where: (...args: any[]) => Q }>(query: Q, portals: PortalFilter): Q {
  if ('only' in portals) return query.where('portals.id', '=', portals.only);
  return portals.except.length === 0 ? query : query.where('portals.id', 'not in', portals.except);
}

/** The portals whose clock the control room set (few: the others keep the server's time). */
export async function findPortalsOnOwnTime(db: Db): Promise<{ id: string; time: PortalTime }[]> {
  const rows = await db
    .selectFrom('portals')
    .select(['id', 'clock_offset_ms', 'clock_fixed_at'])
    .where((where) => where.or([where('clock_offset_ms', '!=', 0), where('clock_fixed_at', 'is not', null)]))
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, time: portalTimeOf(row.clock_offset_ms, row.clock_fixed_at) }));
}

/** Inserts a scheduler row. */
export async function insertScheduler(db: Db, row: BatchSchedulerTable): Promise<void> {
  await db.insertInto('batch_schedulers').values(row).execute();
}

/** One scheduler of a course in a portal; on PostgreSQL optionally locked for the rest of the transaction. */
export async function findScheduler(
  db: Db,
  portalId: string,
  courseId: string,
  schedulerId: string,
  lock?: Dialect,
): Promise<BatchSchedulerTable | undefined> {
  let query = db
    .selectFrom('batch_schedulers')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .where('id', '=', schedulerId);
  // SQLite serialises writers already; on PostgreSQL the lock makes an edit and a tick on one rule queue up.
  query = forUpdate(query, lock);
  return query.executeTakeFirst();
}

/** A page of a course's schedulers, oldest first (one extra row tells whether more exist). */
export async function listSchedulers(
  db: Db,
  portalId: string,
  courseId: string,
  startIndex: number,
  limit: number,
): Promise<BatchSchedulerTable[]> {
  return db
    .selectFrom('batch_schedulers')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .orderBy('id')
    .offset(startIndex)
    .limit(limit)
    .execute();
}

/** Writes changed scheduler columns. */
export async function updateScheduler(
  db: Db,
  schedulerId: string,
  changes: Partial<Omit<BatchSchedulerTable, 'id' | 'portal_id' | 'course_id'>>,
): Promise<void> {
  await db.updateTable('batch_schedulers').set(changes).where('id', '=', schedulerId).execute();
}

/** Deletes a scheduler (the batches it made stay). */
export async function deleteScheduler(db: Db, portalId: string, schedulerId: string): Promise<void> {
  await db.deleteFrom('batch_schedulers').where('portal_id', '=', portalId).where('id', '=', schedulerId).execute();
}

/** Which of these location ids are locations of the portal. */
export async function findLocationIds(db: Db, portalId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('locations')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => row.id);
}

/** A scheduler the runner may act on, with its portal's time zone. */
export interface DueScheduler {
  id: string;
  time_zone: string;
}

/**
 * Schedulers with a batch to make on or before `untilDate`, of courses of `courseType` (blended) that are not
 * disabled (a scheduler of a deleted course, or of one no longer blended, makes nothing).
 */
export async function findDueSchedulers(
  db: Db,
  untilDate: string,
  courseType: number,
  portals: PortalFilter,
): Promise<DueScheduler[]> {
  const query = db
    .selectFrom('batch_schedulers')
    .innerJoin('portals', 'portals.id', 'batch_schedulers.portal_id')
    .innerJoin('courses', (join) =>
      join
        .onRef('courses.id', '=', 'batch_schedulers.course_id')
        .onRef('courses.portal_id', '=', 'batch_schedulers.portal_id'),
    )
    .select(['batch_schedulers.id', 'portals.time_zone'])
    .where('batch_schedulers.next_run_date', 'is not', null)
    .where('batch_schedulers.next_run_date', '<=', untilDate)
    .where('courses.type', '=', courseType)
    .where('courses.status', '!=', CourseStatus.disabled)
    .orderBy('batch_schedulers.next_run_date')
    .orderBy('batch_schedulers.id');
  return inPortals(query, portals).execute();
}

/** Re-reads one scheduler inside the runner's transaction, locked on PostgreSQL so only one process acts on it. */
export async function lockScheduler(db: Db, schedulerId: string, dialect: Dialect) {
  let query = db.selectFrom('batch_schedulers').selectAll().where('id', '=', schedulerId);
  query = forUpdate(query, dialect);
  return query.executeTakeFirst();
}

/** The dates of a batch of a course (the runner's clone source); undefined when it no longer exists. */
export async function findBatchDates(db: Db, portalId: string, courseId: string, batchId: string) {
  return db
    .selectFrom('batches')
    .select(['id', 'start_date', 'end_date'])
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .where('id', '=', batchId)
    .executeTakeFirst();
}

/** Inserts a batch made by a scheduler. */
export async function insertBatch(db: Db, batch: BatchTable): Promise<void> {
  await db.insertInto('batches').values(batch).execute();
}

/** Publishes a batch the runner just made. */
export async function publishBatch(db: Db, batchId: string, now: number): Promise<void> {
  await db
    .updateTable('batches')
    .set({ publish_status: 'published', published_at: now, updated_at: now })
    .where('id', '=', batchId)
    .execute();
}

/** A published batch that may be cancelled for too few learners, with its portal's time zone. */
export interface CancellationCandidate {
  id: string;
  course_id: string;
  start_date: string;
  end_date: string;
  minimum_capacity: number;
  waiting_time_for_cancellation: number | null;
  time_zone: string;
}

/**
 * Published batches that cancel themselves below their minimum capacity and have not ended by `endedBefore`
 * (a batch that already ran is never cancelled afterwards).
 */
export async function findCancellationCandidates(
  db: Db,
  endedBefore: string,
  portals: PortalFilter,
): Promise<CancellationCandidate[]> {
  const query = db
    .selectFrom('batches')
    .innerJoin('portals', 'portals.id', 'batches.portal_id')
    .select([
      'batches.id',
      'batches.course_id',
      'batches.start_date',
      'batches.end_date',
      'batches.minimum_capacity',
      'batches.waiting_time_for_cancellation',
      'portals.time_zone',
    ])
    .where('batches.publish_status', '=', 'published')
    .where('batches.cancel_when_below_minimum', '=', 1)
    .where('batches.minimum_capacity', '>', 0)
    .where('batches.end_date', '>=', endedBefore)
    .orderBy('batches.id');
  return inPortals(query, portals).execute();
}

/** Cancels these batches if they are still published; answers how many were. */
export async function cancelBatches(db: Db, batchIds: readonly string[], now: number): Promise<number> {
  if (batchIds.length === 0) return 0;
  const result = await db
    .updateTable('batches')
    .set({ publish_status: 'cancelled', updated_at: now })
    .where('id', 'in', batchIds)
    .where('publish_status', '=', 'published')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Course rows by id, to keep a course's published status in step after the runner changed its batches. */
export async function findCourses(db: Db, courseIds: readonly string[]): Promise<CourseTable[]> {
  if (courseIds.length === 0) return [];
  return db.selectFrom('courses').selectAll().where('id', 'in', courseIds).execute();
}

/** Deletes every scheduler of a course (for deleting the course). */
export async function deleteCourseSchedulers(db: Db, portalId: string, courseId: string): Promise<void> {
  await db.deleteFrom('batch_schedulers').where('portal_id', '=', portalId).where('course_id', '=', courseId).execute();
}
