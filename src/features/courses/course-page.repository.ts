/** The one query of a course's page: whether a course id exists, in any portal (ids are unique across portals). */
import type { Db } from '../../db/database.ts';

/** Whether a course with this id exists. */
export async function courseIdExists(db: Db, courseId: string): Promise<boolean> {
  const row = await db.selectFrom('courses').select('id').where('id', '=', courseId).executeTakeFirst();
  return row !== undefined;
}
