/** The course list queries: Fetch All Courses and Fetch My Courses with their filters, and the suggestion count. */
import { type ExpressionBuilder, sql } from 'kysely';
import type { CourseMemberTable, Database, Db } from '../../db/database.ts';
import { jsonBuilders } from '../../db/json.ts';
import { prepareQuery } from '../../db/prepared.ts';
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

/** The list's shape: which filters are present (their values are bound per call), who asks, and the order. */
interface ListShape {
  seesAll: boolean;
  mineOnly: boolean;
  search: boolean;
  type: boolean;
  status: boolean;
  createdFrom: boolean;
  createdTo: boolean;
  favouritesOnly: boolean;
  sharedToMe: boolean;
  suggestedToMe: boolean;
  trainer: boolean;
  category: boolean;
  sortBy: CourseFilters['sortBy'];
}

function shapeOf(seesAll: boolean, filters: CourseFilters): ListShape {
  return {
    seesAll,
    // My courses: owned, administered or joined (a seat or a waitlist place anywhere in the course). Asking for the
    // courses shared with or suggested to the caller lists those instead, joined or not.
    mineOnly: Boolean(filters.mineOnly && !filters.sharedToMe && !filters.suggestedToMe),
    search: Boolean(filters.search),
    type: filters.type !== undefined,
    status: filters.status !== undefined,
    createdFrom: filters.createdFrom !== undefined,
    createdTo: filters.createdTo !== undefined,
    favouritesOnly: Boolean(filters.favouritesOnly),
    sharedToMe: Boolean(filters.sharedToMe),
    suggestedToMe: Boolean(filters.suggestedToMe),
    trainer: filters.trainerId !== undefined,
    category: filters.categoryId !== undefined,
    sortBy: filters.sortBy,
  };
}

/** The list's values in the order listQuery binds them. */
type ListValues = [
  portalId: string,
  erecno: string,
  pattern: string | null,
  type: number | null,
  status: number | null,
  createdFrom: number | null,
  createdTo: number | null,
  trainerId: string | null,
  categoryId: string | null,
  offset: number,
  limit: number,
];

/** The list of one shape, every value a bound parameter, so that a shape is built and compiled once. */
function listQuery(shape: ListShape) {
  return prepareQuery((db: Db, ...values: ListValues) => {
    const [portalId, erecno, pattern, type, status, createdFrom, createdTo, trainerId, categoryId, offset, limit] =
      values;
    const json = jsonBuilders(db);
    let query = db
      .selectFrom('courses')
      .selectAll('courses')
      .select((eb) => viewColumns(eb, json, erecno))
      .where('courses.portal_id', '=', portalId);
    if (!shape.seesAll) {
      query = query.where((eb) =>
        eb.or([
          eb('courses.status', '=', 1),
          eb('courses.owner_erecno', '=', erecno),
          hasRelation(eb, portalId, 'admin', erecno),
          hasRelation(eb, portalId, 'share', erecno),
          hasRelation(eb, portalId, 'trainer', erecno),
        ]),
      );
    }
    if (shape.mineOnly) query = query.where('courses.id', 'in', myCourseIds(db, portalId, erecno));
    // ESCAPE names the backslash for both engines: SQLite has no default escape, so `%` and `_` stayed wildcards.
    if (shape.search) query = query.where(sql<boolean>`lower(${sql.ref('courses.name')}) like ${pattern} escape '\\'`);
    if (shape.type) query = query.where('courses.type', '=', type);
    if (shape.status) query = query.where('courses.status', '=', status);
    if (shape.createdFrom) query = query.where('courses.created_at', '>=', createdFrom);
    if (shape.createdTo) query = query.where('courses.created_at', '<=', createdTo);
    if (shape.favouritesOnly) query = query.where((eb) => hasRelation(eb, portalId, 'favourite', erecno));
    if (shape.sharedToMe) query = query.where((eb) => hasRelation(eb, portalId, 'share', erecno));
    if (shape.suggestedToMe) query = query.where((eb) => hasRelation(eb, portalId, 'suggestion', erecno));
    if (shape.trainer) query = query.where((eb) => hasRelation(eb, portalId, 'trainer', trainerId as string));
    if (shape.category) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('course_categories')
            .select('course_categories.course_id')
            .whereRef('course_categories.course_id', '=', 'courses.id')
            .where('course_categories.category_id', '=', categoryId as string),
        ),
      );
    }
    // A to Z regardless of case (a binary collation would put "alpha" after "Zebra"), then exact name, then id, all
    // in one direction: courses_by_name (portal_id, lower(name), name, id) then serves the page in either direction.
    const byName = sql`lower(${sql.ref('courses.name')})`;
    if (shape.sortBy === 'name' || shape.sortBy === '-name') {
      const direction = shape.sortBy === 'name' ? 'asc' : 'desc';
      query = query.orderBy(byName, direction).orderBy('courses.name', direction).orderBy('courses.id', direction);
    } else {
      query = query.orderBy('courses.id', 'desc');
    }
    return query.offset(offset).limit(limit);
  });
}

/** Compiled lists kept, one per shape met; past this many, a shape is compiled for its call alone. */
const maxShapes = 256;
const listsByShape = new Map<string, ReturnType<typeof listQuery>>();

/** A page of courses the caller may see with their views' parts, filtered; one extra row tells whether more exist. */
export async function listCourses(
  db: Db,
  viewer: { portalId: string; erecno: string; seesAll: boolean },
  filters: CourseFilters,
  startIndex: number,
  limit: number,
): Promise<CourseViewRow[]> {
  const shape = shapeOf(viewer.seesAll, filters);
  const key = JSON.stringify(shape);
  let query = listsByShape.get(key);
  if (query === undefined) {
    query = listQuery(shape);
    if (listsByShape.size < maxShapes) listsByShape.set(key, query);
  }
  const pattern = filters.search ? `%${filters.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await query.all(
    db,
    viewer.portalId,
    viewer.erecno,
    pattern,
    filters.type ?? null,
    filters.status ?? null,
    filters.createdFrom ?? null,
    filters.createdTo ?? null,
    filters.trainerId ?? null,
    filters.categoryId ?? null,
    startIndex,
    limit,
  );
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
