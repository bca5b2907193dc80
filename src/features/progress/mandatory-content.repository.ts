/** The publish rules' read: how many mandatory files, contents and links a course or one batch holds. */
import type { Db } from '../../db/database.ts';
import { publishableTypes } from '../../entity-types.ts';

/** How many mandatory files, contents and links a course (batchId null) or one batch holds, in its modules. */
export async function countMandatoryContent(
  db: Db,
  portalId: string,
  courseId: string,
  batchId: string | null,
): Promise<number> {
  let query = db
    .selectFrom('module_entities')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('portal_id', '=', portalId)
    .where('course_id', '=', courseId)
    .where('is_mandatory', '=', 1)
    .where('module_id', 'is not', null)
    .where('entity_type', 'in', publishableTypes);
  query = batchId === null ? query.where('batch_id', 'is', null) : query.where('batch_id', '=', batchId);
  const row = await query.executeTakeFirst();
  return Number(row?.count ?? 0);
}
