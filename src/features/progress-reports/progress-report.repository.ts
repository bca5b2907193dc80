/**
 * Where learners learn, for the progress reports: the enrolled (not waitlisted) learners of a course or batch, and
 * the courses and batches a learner is enrolled in. A read model over `enrolments` (with courses, batches and
 * employees joined in), like the progress feature's: one query per list, whatever the number of rows.
 */
import type { Db } from '../../db/database.ts';
import type { EmployeeRow } from '../people/index.ts';

/** One place a learner holds a seat in, with what a report shows of the course and batch. */
export interface LearnerPlaceRow {
  course_id: string;
  batch_id: string | null;
  course_name: string;
  course_type: number;
  batch_name: string | null;
  enrolled_at: number;
}

/**
 * The places a learner holds a seat in, oldest enrolment first: optionally only in some courses, or only in courses
 * `readableBy` owns, administers or trains in; paged when `limit` is given.
 */
export async function findLearnerPlaces(
  db: Db,
  portalId: string,
  erecno: string,
  page: { courseIds?: readonly string[]; readableBy?: string; startIndex?: number; limit?: number } = {},
): Promise<LearnerPlaceRow[]> {
  if (page.courseIds !== undefined && page.courseIds.length === 0) return [];
  let query = db
    .selectFrom('enrolments')
    .innerJoin('courses', 'courses.id', 'enrolments.course_id')
    .leftJoin('batches', 'batches.id', 'enrolments.batch_id')
    .select([
      'enrolments.course_id',
      'enrolments.batch_id',
      'courses.name as course_name',
      'courses.type as course_type',
      'batches.name as batch_name',
      'enrolments.created_at as enrolled_at',
    ])
    .where('enrolments.portal_id', '=', portalId)
    .where('enrolments.erecno', '=', erecno)
    .where('enrolments.status', '=', 'enrolled');
  if (page.courseIds !== undefined) query = query.where('enrolments.course_id', 'in', page.courseIds);
  const reader = page.readableBy;
  if (reader !== undefined) {
    // Only courses the reader owns, administers or trains in: the reader sees those learners' progress.
    query = query.where((eb) =>
      eb.or([
        eb('courses.owner_erecno', '=', reader),
        eb.exists(
          eb
            .selectFrom('course_members')
            .select('course_members.course_id')
            .whereRef('course_members.course_id', '=', 'courses.id')
            .where('course_members.relation', 'in', ['admin', 'trainer'])
            .where('course_members.erecno', '=', reader),
        ),
      ]),
    );
  }
  query = query.orderBy('enrolments.created_at').orderBy('enrolments.course_id').orderBy('enrolments.batch_id');
  if (page.limit !== undefined) query = query.offset(page.startIndex ?? 0).limit(page.limit);
  return query.execute();
}

/** A place: a whole course (batchId null) or one batch. */
export interface PlaceKey {
  portalId: string;
  courseId: string;
  batchId: string | null;
}

/** A page of the enrolled learners of a place, in enrolment order (one extra row tells whether more exist). */
export async function findPlaceLearners(
  db: Db,
  place: PlaceKey,
  startIndex: number,
  limit: number,
): Promise<(EmployeeRow & { enrolled_at: number })[]> {
  let query = db
    .selectFrom('enrolments')
    .innerJoin('employees', 'employees.erecno', 'enrolments.erecno')
    .selectAll('employees')
    .select('enrolments.created_at as enrolled_at')
    .where('enrolments.portal_id', '=', place.portalId)
    .where('enrolments.course_id', '=', place.courseId)
    .where('enrolments.status', '=', 'enrolled');
  query =
    place.batchId === null
      ? query.where('enrolments.batch_id', 'is', null)
      : query.where('enrolments.batch_id', '=', place.batchId);
  return query.orderBy('enrolments.created_at').orderBy('enrolments.erecno').offset(startIndex).limit(limit).execute();
}

/** When the learner took their seat at the place, or undefined when they hold none there. */
export async function findSeat(db: Db, place: PlaceKey, erecno: string): Promise<{ enrolled_at: number } | undefined> {
  let query = db
    .selectFrom('enrolments')
    .select('created_at as enrolled_at')
    .where('portal_id', '=', place.portalId)
    .where('course_id', '=', place.courseId)
    .where('erecno', '=', erecno)
    .where('status', '=', 'enrolled');
  query = place.batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', place.batchId);
  return query.executeTakeFirst();
}
