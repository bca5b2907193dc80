/** Queries over course and grade categories. */
import type { Dialect } from '../../db/create-db.ts';
import type { CategoryTable, Db } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** A page of a portal's categories of one kind (one extra row to tell whether more exist). */
export async function listCategories(
  db: Db,
  portalId: string,
  kind: CategoryTable['kind'],
  startIndex: number,
  limit: number,
): Promise<CategoryTable[]> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', '=', kind)
    .orderBy('id')
    .offset(startIndex)
    .limit(limit)
    .execute();
}

/** Those of the given ids that are course categories of the portal. */
export async function findCategories(db: Db, portalId: string, ids: readonly string[]): Promise<CategoryTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('categories')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', '=', 'course')
    .where('id', 'in', ids)
    .execute();
}

/** A grade category of the portal (not a course category). */
export async function findGradeCategory(db: Db, portalId: string, categoryId: string) {
  return db
    .selectFrom('categories')
    .select(['id', 'name'])
    .where('portal_id', '=', portalId)
    .where('kind', '=', 'grade')
    .where('id', '=', categoryId)
    .executeTakeFirst();
}

/** One category of the kind in the portal; locked until the transaction ends where the engine needs it. */
export function findCategory(db: Db, portalId: string, kind: CategoryTable['kind'], id: string, lock?: Dialect) {
  const query = db
    .selectFrom('categories')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', '=', kind)
    .where('id', '=', id);
  return forUpdate(query, lock).executeTakeFirst();
}

/**
 * Locks the portal's row where the engine needs it, so that two writes of one portal's categories take turns: the
 * name check reads every name of the kind, and a concurrent write could otherwise add the same one.
 */
export async function lockPortalCategories(db: Db, portalId: string, lock: Dialect): Promise<void> {
  await forUpdate(db.selectFrom('portals').select('id').where('id', '=', portalId), lock).execute();
}

/** Every name of the kind in the portal, with its id (at most `limit`). */
export function listCategoryNames(db: Db, portalId: string, kind: CategoryTable['kind'], limit: number) {
  return db
    .selectFrom('categories')
    .select(['id', 'name'])
    .where('portal_id', '=', portalId)
    .where('kind', '=', kind)
    .limit(limit)
    .execute();
}

/** Adds a category. */
export async function insertCategory(db: Db, row: CategoryTable): Promise<void> {
  await db.insertInto('categories').values(row).execute();
}

/** Renames a category. */
export async function renameCategory(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('categories').set({ name }).where('id', '=', id).execute();
}

/** Removes a category. */
export async function deleteCategory(db: Db, id: string): Promise<void> {
  await db.deleteFrom('categories').where('id', '=', id).execute();
}

/** A count of rows and the first one's name (null when none). */
export interface Usage {
  count: number;
  firstName: string | null;
}

function usageOf(row: { name: string; total: string | number | bigint } | undefined): Usage {
  return row === undefined ? { count: 0, firstName: null } : { count: Number(row.total), firstName: row.name };
}

/** The courses a course category tags (one query, one row). */
export async function findCategoryCourses(db: Db, portalId: string, id: string): Promise<Usage> {
  const row = await db
    .selectFrom('course_categories as cc')
    .innerJoin('courses as c', 'c.id', 'cc.course_id')
    .select((eb) => ['c.name as name', eb.fn.countAll().over().as('total')])
    .where('cc.portal_id', '=', portalId)
    .where('cc.category_id', '=', id)
    .orderBy('c.name')
    .limit(1)
    .executeTakeFirst();
  return usageOf(row);
}

/**
 * What a grade category grades: sessions (their column) and tests and assignments (the `gradeCategoryId` of their
 * settings, JSON written by JSON.stringify; ids are digits, so the quoted id is an exact LIKE pattern). Two queries.
 */
export async function findGradeCategoryUsage(db: Db, portalId: string, id: string) {
  const [sessions, entities] = await Promise.all([
    db
      .selectFrom('class_sessions')
      .select((eb) => ['name', eb.fn.countAll().over().as('total')])
      .where('portal_id', '=', portalId)
      .where('grade_category_id', '=', id)
      .orderBy('date')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('module_entities')
      .select((eb) => ['name', eb.fn.countAll().over().as('total')])
      .where('portal_id', '=', portalId)
      .where('settings', 'like', `%"gradeCategoryId":"${id}"%`)
      .orderBy('name')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { sessions: usageOf(sessions), entities: usageOf(entities) };
}
