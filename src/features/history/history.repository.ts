/**
 * Reads the append-only learner history (events/history-log.repository.ts writes it). Nothing in Lectern updates or
 * deletes history rows (deleting a course, a batch or an enrolment leaves them in place).
 */
import type { Db } from '../../db/database.ts';
import type { LearnerHistoryTable } from '../../db/tables/history.ts';

/** Which history rows a read wants; every given condition applies. */
export interface HistoryFilter {
  portalId: string;
  erecno?: string;
  courseId?: string;
  /** Only courses this employee owns or administers. */
  managedBy?: string;
  batchId?: string;
  types?: readonly string[];
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, inclusive. */
  to?: number;
}

/** A history row with the names of its learner and of who caused it, and the portal's time zone. */
export interface HistoryRow extends Omit<LearnerHistoryTable, 'id'> {
  id: number | string;
  time_zone: string;
  learner_name: string | null;
  learner_employee_id: string | null;
  learner_email: string | null;
  /** The learner's erecno as an employee row has it: null when the person is gone (no photo then). */
  learner_known: string | null;
  learner_photo_key?: string | null;
  by_name: string | null;
  by_employee_id: string | null;
  by_email: string | null;
  by_known: string | null;
  by_photo_key?: string | null;
}

/** The ids of the courses an employee owns or administers, as a subquery. */
function managedCourses(db: Db, portalId: string, erecno: string) {
  return db
    .selectFrom('courses')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('owner_erecno', '=', erecno)
    .union(
      db
        .selectFrom('course_members')
        .select('course_id as id')
        .where('portal_id', '=', portalId)
        .where('relation', '=', 'admin')
        .where('erecno', '=', erecno),
    );
}

/** A page of history rows in insert order (oldest first); one extra row tells whether more exist. */
export async function listHistory(
  db: Db,
  filter: HistoryFilter,
  startIndex: number,
  limit: number,
): Promise<HistoryRow[]> {
  let query = db
    .selectFrom('learner_history as h')
    .innerJoin('portals as p', 'p.id', 'h.portal_id')
    .leftJoin('employees as l', 'l.erecno', 'h.erecno')
    .leftJoin('employees as b', 'b.erecno', 'h.by_erecno')
    .selectAll('h')
    .select([
      'p.time_zone',
      'l.display_name as learner_name',
      'l.employee_id as learner_employee_id',
      'l.email_id as learner_email',
      'l.erecno as learner_known',
      'l.photo_key as learner_photo_key',
      'b.display_name as by_name',
      'b.employee_id as by_employee_id',
      'b.email_id as by_email',
      'b.erecno as by_known',
      'b.photo_key as by_photo_key',
    ])
    .where('h.portal_id', '=', filter.portalId);
  if (filter.erecno !== undefined) query = query.where('h.erecno', '=', filter.erecno);
  if (filter.courseId !== undefined) query = query.where('h.course_id', '=', filter.courseId);
  if (filter.managedBy !== undefined) {
    query = query.where('h.course_id', 'in', managedCourses(db, filter.portalId, filter.managedBy));
  }
  if (filter.batchId !== undefined) query = query.where('h.batch_id', '=', filter.batchId);
  if (filter.types !== undefined && filter.types.length > 0) query = query.where('h.type', 'in', filter.types);
  if (filter.from !== undefined) query = query.where('h.at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('h.at', '<=', filter.to);
  return query.orderBy('h.id').offset(startIndex).limit(limit).execute();
}

/** True when the employee owns or administers at least one course of the portal. */
export async function managesAnyCourse(db: Db, portalId: string, erecno: string): Promise<boolean> {
  const row = await managedCourses(db, portalId, erecno).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** True when the portal's history holds anything about the course (it may have been deleted since). */
export async function courseHasHistory(db: Db, portalId: string, courseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('learner_history')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
