/** Queries over batches. */
import type { BatchTable, Db } from '../../db/database.ts';

/** One batch of a course in a portal. */
export async function findBatch(
  db: Db,
  portalId: string,
  courseId: string,
  batchId: string,
): Promise<BatchTable | undefined> {
  return db
    .selectFrom('batches')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .where('id', '=', batchId)
    .executeTakeFirst();
}
