/** Queries behind Fetch Settings: the portal's own row and its grade categories. */
import type { CategoryTable, Db, PortalTable } from '../../db/database.ts';

/** The caller's portal (always present: a token belongs to one). */
export async function findPortal(db: Db, portalId: string): Promise<PortalTable | undefined> {
  return db.selectFrom('portals').selectAll().where('id', '=', portalId).executeTakeFirst();
}

/** The first `limit` grade categories of a portal, in id (creation) order. */
export async function listGradeCategories(db: Db, portalId: string, limit: number): Promise<CategoryTable[]> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', '=', 'grade')
    .orderBy('id')
    .limit(limit)
    .execute();
}
