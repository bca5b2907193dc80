/** Queries over class sessions and their attendance. */

import type { Dialect } from '../../db/create-db.ts';
import type { ClassSessionTable, Db, SessionAttendanceTable } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/**
 * A session with what its object shows: trainer, room and grade category names, attendance counts, and the time
 * zones its dates and times are read in (the portal's, and its room's location's).
 */
export interface SessionRow extends ClassSessionTable {
  trainer_name: string | null;
  room_name: string | null;
  grade_category_name: string | null;
  total_learners: number | string | null;
  present_learners: number | string | null;
  time_zone: string;
  location_time_zone: string | null;
}

/** One query that loads sessions with everything their object shows (the trainer desk adds its course and batch). */
export function viewQuery(db: Db) {
  return (
    db
      .selectFrom('class_sessions as s')
      .innerJoin('portals as p', 'p.id', 's.portal_id')
      .leftJoin('employees as t', 't.erecno', 's.trainer_erecno')
      .leftJoin('rooms as r', 'r.id', 's.room_id')
      .leftJoin('locations as l', 'l.id', 'r.location_id')
      .leftJoin('categories as g', 'g.id', 's.grade_category_id')
      .selectAll('s')
      .select([
        'p.time_zone',
        'l.time_zone as location_time_zone',
        't.display_name as trainer_name',
        'r.name as room_name',
        'g.name as grade_category_name',
      ])
      // The batch's enrolled learners (the waitlist not), and those of them marked present: marks of people who left
      // the batch since stay stored but are not counted. Read from enrolments directly, one query for any page.
      .select((eb) => [
        eb
          .selectFrom('enrolments as e')
          .select((inner) => inner.fn.countAll<number | string>().as('count'))
          .whereRef('e.batch_id', '=', 's.batch_id')
          .where('e.status', '=', 'enrolled')
          .as('total_learners'),
        eb
          .selectFrom('session_attendance as a')
          .select((inner) => inner.fn.countAll<number | string>().as('count'))
          .whereRef('a.session_id', '=', 's.id')
          .where('a.status', '=', 'present')
          .where((inner) =>
            inner.exists(
              inner
                .selectFrom('enrolments as e')
                .select('e.erecno')
                .whereRef('e.batch_id', '=', 's.batch_id')
                .whereRef('e.erecno', '=', 'a.erecno')
                .where('e.status', '=', 'enrolled'),
            ),
          )
          .as('present_learners'),
      ])
  );
}

/** One session with its view columns. */
export async function findSessionView(db: Db, portalId: string, sessionId: string): Promise<SessionRow | undefined> {
  return viewQuery(db).where('s.portal_id', '=', portalId).where('s.id', '=', sessionId).executeTakeFirst();
}

/** A page of a batch's sessions (of one module when given), by date and time; one extra row tells if more exist. */
export async function listSessionViews(
  db: Db,
  where: { portalId: string; batchId: string; moduleId?: string },
  startIndex: number,
  limit: number,
): Promise<SessionRow[]> {
  let query = viewQuery(db).where('s.portal_id', '=', where.portalId).where('s.batch_id', '=', where.batchId);
  if (where.moduleId !== undefined) query = query.where('s.module_id', '=', where.moduleId);
  return query.orderBy('s.date').orderBy('s.start_minute').orderBy('s.id').offset(startIndex).limit(limit).execute();
}

/** One session of a module; on PostgreSQL optionally locked for the rest of the transaction. */
export async function findSession(
  db: Db,
  where: { portalId: string; batchId: string; moduleId: string; sessionId: string },
  lock?: Dialect,
): Promise<ClassSessionTable | undefined> {
  let query = db
    .selectFrom('class_sessions')
    .selectAll()
    .where('portal_id', '=', where.portalId)
    .where('batch_id', '=', where.batchId)
    .where('module_id', '=', where.moduleId)
    .where('id', '=', where.sessionId);
  query = forUpdate(query, lock);
  return query.executeTakeFirst();
}

/** Inserts sessions in one statement. */
export async function insertSessions(db: Db, sessions: ClassSessionTable[]): Promise<void> {
  if (sessions.length > 0) await db.insertInto('class_sessions').values(sessions).execute();
}

/** Writes changed session columns. */
export async function updateSession(
  db: Db,
  portalId: string,
  sessionId: string,
  changes: Partial<Omit<ClassSessionTable, 'id' | 'portal_id' | 'course_id' | 'batch_id' | 'module_id'>>,
): Promise<void> {
  await db
    .updateTable('class_sessions')
    .set(changes)
    .where('portal_id', '=', portalId)
    .where('id', '=', sessionId)
    .execute();
}

/** Which sessions a bulk change covers: some by id, a batch's, or those of some modules. */
export type SessionScope = { sessionIds: readonly string[] } | { batchId: string } | { moduleIds: readonly string[] };

function isEmpty(scope: SessionScope): boolean {
  return (
    ('sessionIds' in scope && scope.sessionIds.length === 0) || ('moduleIds' in scope && scope.moduleIds.length === 0)
  );
}

/** The ids of the sessions in a scope, as a subquery. */
function idsIn(db: Db, portalId: string, scope: SessionScope) {
  const query = db.selectFrom('class_sessions').select('id').where('portal_id', '=', portalId);
  if ('sessionIds' in scope) return query.where('id', 'in', scope.sessionIds);
  if ('batchId' in scope) return query.where('batch_id', '=', scope.batchId);
  return query.where('module_id', 'in', scope.moduleIds);
}

/**
 * Deletes the sessions of a scope and their attendance, keeping each as it last was in session_cancellations, so
 * that the calendar feeds show it cancelled (one statement, whatever the number of sessions).
 */
export async function deleteSessions(
  db: Db,
  portalId: string,
  scope: SessionScope,
  cancelledAt: number,
): Promise<void> {
  if (isEmpty(scope)) return;
  const kept = [
    'portal_id',
    'course_id',
    'batch_id',
    'name',
    'description',
    'session_type',
    'date',
    'start_minute',
    'end_minute',
    'trainer_erecno',
    'room_id',
    'sequence',
    'created_at',
  ] as const;
  await db
    .insertInto('session_cancellations')
    .columns([...kept, 'session_id', 'cancelled_at'])
    .expression(
      db
        .selectFrom('class_sessions')
        .select(kept)
        .select((eb) => [eb.ref('id').as('session_id'), eb.val(cancelledAt).as('cancelled_at')])
        .where('portal_id', '=', portalId)
        .where('id', 'in', idsIn(db, portalId, scope)),
    )
    .execute();
  await db
    .deleteFrom('session_attendance')
    .where('portal_id', '=', portalId)
    .where('session_id', 'in', idsIn(db, portalId, scope))
    .execute();
  await db
    .deleteFrom('class_sessions')
    .where('portal_id', '=', portalId)
    .where('id', 'in', idsIn(db, portalId, scope))
    .execute();
}

/** The courses and trainers of a scope's sessions (whose course membership may change when the sessions go). */
export async function findTrainersOf(db: Db, portalId: string, scope: SessionScope) {
  if (isEmpty(scope)) return [];
  return db
    .selectFrom('class_sessions')
    .select(['course_id', 'trainer_erecno'])
    .distinct()
    .where('portal_id', '=', portalId)
    .where('id', 'in', idsIn(db, portalId, scope))
    .execute();
}

/** The sessions of a batch, for cloning. */
export async function findBatchSessions(db: Db, portalId: string, batchId: string): Promise<ClassSessionTable[]> {
  return db
    .selectFrom('class_sessions')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('batch_id', '=', batchId)
    .orderBy('date')
    .orderBy('start_minute')
    .orderBy('id')
    .execute();
}

/** How many sessions a batch has. */
export async function countSessionsOfBatch(db: Db, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('class_sessions')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The marks some learners already have at a session. */
export async function findAttendance(
  db: Db,
  sessionId: string,
  erecnos: readonly string[],
): Promise<SessionAttendanceTable[]> {
  if (erecnos.length === 0) return [];
  return db
    .selectFrom('session_attendance')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('erecno', 'in', erecnos)
    .execute();
}

/** Records (or changes) learners' marks of a session, in one statement. */
export async function upsertAttendance(db: Db, marks: readonly SessionAttendanceTable[]): Promise<void> {
  if (marks.length === 0) return;
  await db
    .insertInto('session_attendance')
    .values([...marks])
    .onConflict((conflict) =>
      conflict.columns(['session_id', 'erecno']).doUpdateSet((update) => ({
        status: update.ref('excluded.status'),
        marked_by: update.ref('excluded.marked_by'),
        marked_at: update.ref('excluded.marked_at'),
      })),
    )
    .execute();
}
