/**
 * A course with what its view needs, in the course's own statement: the course-admin rows and the caller's own
 * relations (people joined in), its categories, its owner and the caller's seats, each as a JSON column. A fetch is
 * then one statement, a page of the list one statement, and a change's locked read one statement (issue 17).
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { CourseMemberTable, CourseTable, Database, Db } from '../../db/database.ts';
import { locksRows } from '../../db/dialect.ts';
import { type JsonBuilders, jsonBuilders, readJson } from '../../db/json.ts';
import { prepareQuery } from '../../db/prepared.ts';

/** What a course view shows of a person. */
export interface CoursePerson {
  erecno: string;
  display_name: string;
  employee_id: string;
  email_id: string;
  photo_key?: string | null;
}

/** A course with its people, categories and the caller's seats, as one statement read them. */
export interface CourseViewRow {
  course: CourseTable;
  /** Course admins and the caller's own relations, in the course's order. */
  members: (CoursePerson & { relation: CourseMemberTable['relation'] })[];
  categories: { course_id: string; id: string; name: string }[];
  owner: CoursePerson | undefined;
  /** The places where the caller holds a seat in the course, oldest first (a batch id, or null for the course). */
  seats: { batch_id: string | null }[];
}

const personColumns = [
  'employees.erecno',
  'employees.display_name',
  'employees.employee_id',
  'employees.email_id',
  'employees.photo_key',
] as const;

type CourseExpression = ExpressionBuilder<Database, 'courses'>;

/** The view's JSON columns of the outer query's course, for `callerErecno`. */
export function viewColumns(eb: CourseExpression, json: JsonBuilders, callerErecno: string) {
  return [
    json
      .array(
        eb
          .selectFrom('course_members')
          .innerJoin('employees', 'employees.erecno', 'course_members.erecno')
          .select([...personColumns, 'course_members.relation', 'course_members.position'])
          .whereRef('course_members.course_id', '=', 'courses.id')
          .where((member) =>
            member.or([
              member('course_members.relation', '=', 'admin'),
              member('course_members.erecno', '=', callerErecno),
            ]),
          )
          .orderBy('course_members.position'),
      )
      .as('view_members'),
    json
      .array(
        eb
          .selectFrom('course_categories')
          .innerJoin('categories', 'categories.id', 'course_categories.category_id')
          .select(['categories.id', 'categories.name', 'course_categories.position'])
          .whereRef('course_categories.course_id', '=', 'courses.id')
          .orderBy('course_categories.position'),
      )
      .as('view_categories'),
    json
      .object(
        eb
          .selectFrom('employees')
          .select(personColumns)
          .whereRef('employees.portal_id', '=', 'courses.portal_id')
          .whereRef('employees.erecno', '=', 'courses.owner_erecno'),
      )
      .as('view_owner'),
    json
      .array(
        eb
          .selectFrom('enrolments')
          .select(['enrolments.batch_id', 'enrolments.created_at'])
          .whereRef('enrolments.portal_id', '=', 'courses.portal_id')
          .whereRef('enrolments.course_id', '=', 'courses.id')
          .where('enrolments.erecno', '=', callerErecno)
          .where('enrolments.status', '=', 'enrolled')
          .orderBy('enrolments.created_at'),
      )
      .as('view_seats'),
  ];
}

/** A row of a query that selected the course's columns and `viewColumns`, split into its parts. */
export function readViewRow(row: Record<string, unknown>): CourseViewRow {
  const { view_members, view_categories, view_owner, view_seats, ...course } = row;
  // json_agg and json_group_array keep the subquery's order in practice; sorting again makes it a promise.
  const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
  const categories = readJson<{ id: string; name: string; position: number }[]>(view_categories).sort(byPosition);
  const seats = readJson<{ batch_id: string | null; created_at: number }[]>(view_seats);
  return {
    course: course as unknown as CourseTable,
    members: readJson<(CourseViewRow['members'][number] & { position: number })[]>(view_members).sort(byPosition),
    categories: categories.map(({ id, name }) => ({ course_id: course.id as string, id, name })),
    owner: readJson<CoursePerson | null>(view_owner) ?? undefined,
    seats: seats.sort((a, b) => a.created_at - b.created_at).map(({ batch_id }) => ({ batch_id })),
  };
}

function viewQuery(db: Kysely<Database>, callerErecno: string) {
  const json = jsonBuilders(db);
  return db
    .selectFrom('courses')
    .selectAll('courses')
    .select((eb) => viewColumns(eb, json, callerErecno));
}

function oneView(db: Kysely<Database>, portalId: string, courseId: string, callerErecno: string) {
  return viewQuery(db, callerErecno).where('courses.portal_id', '=', portalId).where('courses.id', '=', courseId);
}

const oneCourseView = prepareQuery(oneView);
// FOR UPDATE locks the courses row only: the JSON columns are subqueries, not part of the FROM clause.
const oneLockedCourseView = prepareQuery((db: Kysely<Database>, portalId: string, courseId: string, erecno: string) =>
  oneView(db, portalId, courseId, erecno).forUpdate(),
);

/** One course of a portal with its view's parts for the caller; on PostgreSQL optionally locked for the transaction. */
export async function findCourseView(
  db: Db,
  portalId: string,
  courseId: string,
  callerErecno: string,
  lock?: Dialect,
): Promise<CourseViewRow | undefined> {
  const query = locksRows(lock) ? oneLockedCourseView : oneCourseView;
  const row = await query.first(db, portalId, courseId, callerErecno);
  return row === undefined ? undefined : readViewRow(row as Record<string, unknown>);
}

/** The view's parts of a portal's courses whose rows the caller already holds (those rows are used as given). */
export async function findViewsOf(
  db: Db,
  portalId: string,
  courses: readonly CourseTable[],
  callerErecno: string,
): Promise<CourseViewRow[]> {
  if (courses.length === 0) return [];
  const rows = await viewQuery(db, callerErecno)
    .where('courses.portal_id', '=', portalId)
    .where(
      'courses.id',
      'in',
      courses.map((course) => course.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, readViewRow(row as Record<string, unknown>)]));
  // A course deleted meanwhile (in the caller's own transaction) has no people or categories left.
  const none = { members: [], categories: [], owner: undefined, seats: [] };
  return courses.map((course) => ({ ...(byId.get(course.id) ?? none), course }));
}
