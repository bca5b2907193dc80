/** The course list queries: Fetch All Courses and Fetch My Courses with their filters, and the suggestion count. */
import { type ExpressionBuilder, sql } from 'kysely';
import type { CourseMemberTable, Database, Db } from '../../db/database.ts';
import { jsonBuilders } from '../../db/json.ts';
import { type CourseViewRow, readViewRow, viewColumns } from './course-view.repository.ts';

/** The filters of Fetch All Courses and Fetch My Courses, already validated. */
export interface CourseFilters {
  search?: string;
  type?: number;
  categoryId?: string;
  favouritesOnly?: boolean;
  trainerId?: string;
  status?: number;
  sortBy?: 'name' | '-name';
  createdFrom?: number;
  createdTo?: number;
  sharedToMe?: boolean;
  suggestedToMe?: boolean;
  /** Only courses the caller owns, administers or joined (My Courses). */
  mineOnly?: boolean;
}

type CourseExpression = ExpressionBuilder<Database, 'courses'>;

/**
 * Courses where the person holds the relation, as an uncorrelated `id in (...)`: the engine reads the person's few
 * rows once through course_members_by_person, instead of probing course_members for every course of the portal.
 */
function hasRelation(eb: CourseExpression, portalId: string, relation: CourseMemberTable['relation'], erecno: string) {
  return eb(
    'courses.id',
    'in',
    eb
      .selectFrom('course_members')
      .select('course_members.course_id')
      .where('course_members.portal_id', '=', portalId)
      .where('course_members.erecno', '=', erecno)
      .where('course_members.relation', '=', relation),
  );
}

/**
 * The ids of the courses a person owns, administers or joined, as one uncorrelated union of the person's own rows
 * (courses_by_owner, course_members_by_person, enrolments_by_person): the engine starts from those few and looks each
 * course up, so My Courses costs the same in a portal of a thousand courses as in one of a million. (An OR of the
 * three beside the portal's other conditions walked every course of the portal, testing each.) UNION ALL, because
 * `in` ignores repeats, and SQLite merges a UNION's branches in order, which made it read the seats of the whole
 * portal in course order rather than the person's own.
 */
function myCourseIds(db: Db, portalId: string, erecno: string) {
  return db
    .selectFrom('courses')
    .select('courses.id as course_id')
    .where('courses.portal_id', '=', portalId)
    .where('courses.owner_erecno', '=', erecno)
    .unionAll(
      db
        .selectFrom('course_members')
        .select('course_members.course_id')
        .where('course_members.portal_id', '=', portalId)
        .where('course_members.erecno', '=', erecno)
        .where('course_members.relation', 'in', ['admin', 'learner']),
    )
    .unionAll(
      db
        .selectFrom('enrolments')
        .select('enrolments.course_id')
        .where('enrolments.portal_id', '=', portalId)
        .where('enrolments.erecno', '=', erecno),
    );
}

/** A page of courses the caller may see with their views' parts, filtered; one extra row tells whether more exist. */
export async function listCourses(
  db: Db,
  viewer: { portalId: string; erecno: string; seesAll: boolean },
  filters: CourseFilters,
  startIndex: number,
  limit: number,
): Promise<CourseViewRow[]> {
  const json = jsonBuilders(db);
  let query = db
    .selectFrom('courses')
    .selectAll('courses')
    .select((eb) => viewColumns(eb, json, viewer.erecno))
    .where('courses.portal_id', '=', viewer.portalId);
  if (!viewer.seesAll) {
    query = query.where((eb) =>
      eb.or([
        eb('courses.status', '=', 1),
        eb('courses.owner_erecno', '=', viewer.erecno),
        hasRelation(eb, viewer.portalId, 'admin', viewer.erecno),
        hasRelation(eb, viewer.portalId, 'share', viewer.erecno),
        hasRelation(eb, viewer.portalId, 'trainer', viewer.erecno),
      ]),
    );
  }
  // My courses: owned, administered or joined (a seat or a waitlist place anywhere in the course). Asking for the
  // courses shared with or suggested to the caller lists those instead, joined or not.
  if (filters.mineOnly && !filters.sharedToMe && !filters.suggestedToMe) {
    query = query.where('courses.id', 'in', myCourseIds(db, viewer.portalId, viewer.erecno));
  }
  if (filters.search) {
    const pattern = `%${filters.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // ESCAPE names the backslash for both engines: SQLite has no default escape, so `%` and `_` stayed wildcards.
    query = query.where(sql<boolean>`lower(${sql.ref('courses.name')}) like ${pattern} escape '\\'`);
  }
  if (filters.type !== undefined) query = query.where('courses.type', '=', filters.type);
  if (filters.status !== undefined) query = query.where('courses.status', '=', filters.status);
  if (filters.createdFrom !== undefined) query = query.where('courses.created_at', '>=', filters.createdFrom);
  if (filters.createdTo !== undefined) query = query.where('courses.created_at', '<=', filters.createdTo);
  if (filters.favouritesOnly) query = query.where((eb) => hasRelation(eb, viewer.portalId, 'favourite', viewer.erecno));
  if (filters.sharedToMe) query = query.where((eb) => hasRelation(eb, viewer.portalId, 'share', viewer.erecno));
  if (filters.suggestedToMe) query = query.where((eb) => hasRelation(eb, viewer.portalId, 'suggestion', viewer.erecno));
  if (filters.trainerId !== undefined) {
    const trainerId = filters.trainerId;
    query = query.where((eb) => hasRelation(eb, viewer.portalId, 'trainer', trainerId));
  }
  if (filters.categoryId !== undefined) {
    const categoryId = filters.categoryId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('course_categories')
          .select('course_categories.course_id')
          .whereRef('course_categories.course_id', '=', 'courses.id')
          .where('course_categories.category_id', '=', categoryId),
      ),
    );
  }
  // A to Z regardless of case (a binary collation would put "alpha" after "Zebra"), then exact name, then id, all
  // in one direction: courses_by_name (portal_id, lower(name), name, id) then serves the page in either direction.
  const byName = sql`lower(${sql.ref('courses.name')})`;
  if (filters.sortBy === 'name' || filters.sortBy === '-name') {
    const direction = filters.sortBy === 'name' ? 'asc' : 'desc';
    query = query.orderBy(byName, direction).orderBy('courses.name', direction).orderBy('courses.id', direction);
  } else {
    query = query.orderBy('courses.id', 'desc');
  }
  const rows = await query.offset(startIndex).limit(limit).execute();
  return rows.map((row) => readViewRow(row as Record<string, unknown>));
}

/** How many published, enabled courses were suggested to a person. */
export async function countSuggestedTo(db: Db, portalId: string, erecno: string): Promise<number> {
  const row = await db
    .selectFrom('course_members')
    .innerJoin('courses', 'courses.id', 'course_members.course_id')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('course_members.portal_id', '=', portalId)
    .where('course_members.erecno', '=', erecno)
    .where('course_members.relation', '=', 'suggestion')
    .where('courses.status', '=', 1)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
