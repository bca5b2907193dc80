/** Queries over course and grade categories. */
import type { CategoryTable, Db } from '../../db/database.ts';

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
