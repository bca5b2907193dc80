/** The portal_snapshots table: named, compressed copies of a portal's data. */
import type { Db } from '../db/database.ts';
import type { PortalSnapshotTable } from '../db/tables/control-room.ts';

/** A snapshot without its bytes, for lists. */
export type SnapshotSummary = Omit<PortalSnapshotTable, 'data'>;

/** Stores a snapshot, replacing one of the same name. */
export async function saveSnapshot(db: Db, snapshot: PortalSnapshotTable): Promise<void> {
  await db
    .insertInto('portal_snapshots')
    .values(snapshot)
    .onConflict((conflict) =>
      conflict.columns(['portal_id', 'name']).doUpdateSet({
        row_count: snapshot.row_count,
        size: snapshot.size,
        data: snapshot.data,
        created_at: snapshot.created_at,
      }),
    )
    .execute();
}

/** One snapshot with its bytes. */
export function findSnapshot(db: Db, portalId: string, name: string): Promise<PortalSnapshotTable | undefined> {
  return db
    .selectFrom('portal_snapshots')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The portal's snapshots, oldest first, without their bytes. */
export function listSnapshots(db: Db, portalId: string): Promise<SnapshotSummary[]> {
  return db
    .selectFrom('portal_snapshots')
    .select(['portal_id', 'name', 'row_count', 'size', 'created_at'])
    .where('portal_id', '=', portalId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}

/** How many snapshots the portal has. */
export async function countSnapshots(db: Db, portalId: string): Promise<number> {
  const row = await db
    .selectFrom('portal_snapshots')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('portal_id', '=', portalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes one snapshot; false when there was none. */
export async function deleteSnapshot(db: Db, portalId: string, name: string): Promise<boolean> {
  const result = await db
    .deleteFrom('portal_snapshots')
    .where('portal_id', '=', portalId)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
