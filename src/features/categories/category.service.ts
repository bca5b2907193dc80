/** Course and grade categories as the API and the courses feature read them. */
import type { Caller } from '../../access/caller.ts';
import type { CategoryTable, Db } from '../../db/database.ts';
import * as repository from './category.repository.ts';

/** A page of the caller's portal's course categories (one extra row to tell whether more exist). */
export function listCourseCategories(
  db: Db,
  caller: Caller,
  startIndex: number,
  limit: number,
): Promise<CategoryTable[]> {
  return repository.listCategories(db, caller.portalId, 'course', startIndex, limit);
}

/** Those of the given ids that are course categories of the portal. */
export function findCourseCategories(db: Db, portalId: string, ids: readonly string[]): Promise<CategoryTable[]> {
  return repository.findCategories(db, portalId, ids);
}

/** A grade category of the portal (not a course category), or undefined. */
export function findGradeCategory(db: Db, portalId: string, categoryId: string) {
  return repository.findGradeCategory(db, portalId, categoryId);
}
