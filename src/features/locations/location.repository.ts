/** Queries over a portal's locations, and over what names them (rooms, batches, batch schedulers). */
import type { Dialect } from '../../db/create-db.ts';
import type { Db, LocationTable } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

/** A page of a portal's locations (one extra row to tell whether more exist). */
export function listLocations(db: Db, portalId: string, offset: number, limit: number): Promise<LocationTable[]> {
  return db
    .selectFrom('locations')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** One location of a portal; locked until the transaction ends where the engine needs it (given a dialect). */
export function findLocation(db: Db, portalId: string, id: string, lock?: Dialect): Promise<LocationTable | undefined> {
  const query = db.selectFrom('locations').selectAll().where('portal_id', '=', portalId).where('id', '=', id);
  return forUpdate(query, lock).executeTakeFirst();
}

/** Adds a location. */
export async function insertLocation(db: Db, row: LocationTable): Promise<void> {
  await db.insertInto('locations').values(row).execute();
}

/** Changes a location's columns. */
export async function updateLocation(db: Db, id: string, changes: Partial<LocationTable>): Promise<void> {
  await db.updateTable('locations').set(changes).where('id', '=', id).execute();
}

/** Removes a location. */
export async function deleteLocation(db: Db, id: string): Promise<void> {
  await db.deleteFrom('locations').where('id', '=', id).execute();
}

/** How many rows name the location, and the first one's name. */
export interface Usage {
  count: number;
  firstName: string | null;
}

async function usage(rows: Promise<{ name: string; total: string | number | bigint }[]>): Promise<Usage> {
  const found = await rows;
  return { count: found.length === 0 ? 0 : Number(found[0]!.total), firstName: found[0]?.name ?? null };
}

/**
 * What names a location: its rooms, and the batches and batch schedulers whose location lists hold its id (a JSON
 * array of id strings; ids are digits, so the quoted id is an exact LIKE pattern). Three queries, each one row.
 */
export async function findLocationUsage(db: Db, portalId: string, id: string) {
  const inList = `%"${id}"%`;
  const [rooms, batches, schedulers] = await Promise.all([
    usage(
      db
        .selectFrom('rooms')
        .select((eb) => ['name', eb.fn.countAll().over().as('total')])
        .where('portal_id', '=', portalId)
        .where('location_id', '=', id)
        .orderBy('name')
        .limit(1)
        .execute(),
    ),
    usage(
      db
        .selectFrom('batches')
        .select((eb) => ['name', eb.fn.countAll().over().as('total')])
        .where('portal_id', '=', portalId)
        .where('locations', 'like', inList)
        .orderBy('start_date')
        .limit(1)
        .execute(),
    ),
    usage(
      db
        .selectFrom('batch_schedulers')
        .select((eb) => ['batch_name as name', eb.fn.countAll().over().as('total')])
        .where('portal_id', '=', portalId)
        .where('locations', 'like', inList)
        .orderBy('start_date')
        .limit(1)
        .execute(),
    ),
  ]);
  return { rooms, batches, schedulers };
}
