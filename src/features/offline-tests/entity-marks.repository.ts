/** Queries over `entity_marks`: the marks learners got in offline tests and assignments. */
import type { Db, EntityMarkTable } from '../../db/database.ts';

/** Writes each learner's marks, replacing marks they already had, in one statement. */
export async function upsertMarks(db: Db, rows: EntityMarkTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('entity_marks')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['entity_id', 'erecno']).doUpdateSet((eb) => ({
        marks: eb.ref('excluded.marks'),
        marked_by: eb.ref('excluded.marked_by'),
        marked_at: eb.ref('excluded.marked_at'),
      })),
    )
    .execute();
}

/** The marks some learners already have in an entity. */
export async function findMarks(db: Db, entityId: string, erecnos: readonly string[]): Promise<EntityMarkTable[]> {
  if (erecnos.length === 0) return [];
  return db
    .selectFrom('entity_marks')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('erecno', 'in', erecnos)
    .execute();
}

/** The highest marks any learner has in an entity, null when nobody has marks. */
export async function highestMark(db: Db, portalId: string, entityId: string): Promise<number | null> {
  const row = await db
    .selectFrom('entity_marks')
    .select((eb) => eb.fn.max('marks').as('highest'))
    .where('portal_id', '=', portalId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return row?.highest === null || row?.highest === undefined ? null : Number(row.highest);
}
