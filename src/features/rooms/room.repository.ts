/** Queries over rooms and their locations. */
import type { Dialect } from '../../db/create-db.ts';
import type { Db, RoomTable } from '../../db/database.ts';
import { forUpdate } from '../../db/dialect.ts';

const columns = [
  'rooms.id',
  'rooms.name',
  'rooms.capacity',
  'rooms.facilities',
  'locations.id as location_id',
  'locations.name as location_name',
  'locations.time_zone as location_time_zone',
] as const;

/** A room joined with its location. */
export interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  facilities: string;
  location_id: string;
  location_name: string;
  /** The zone the room's sessions are held in; null: the portal's. */
  location_time_zone: string | null;
}

/** A page of a portal's rooms (one extra row to tell whether more exist). */
export async function listRooms(db: Db, portalId: string, startIndex: number, limit: number): Promise<RoomRow[]> {
  return db
    .selectFrom('rooms')
    .innerJoin('locations', 'locations.id', 'rooms.location_id')
    .select(columns)
    .where('rooms.portal_id', '=', portalId)
    .orderBy('rooms.id')
    .offset(startIndex)
    .limit(limit)
    .execute();
}

/** One room of a portal. */
export async function findRoom(db: Db, portalId: string, roomId: string): Promise<RoomRow | undefined> {
  return db
    .selectFrom('rooms')
    .innerJoin('locations', 'locations.id', 'rooms.location_id')
    .select(columns)
    .where('rooms.portal_id', '=', portalId)
    .where('rooms.id', '=', roomId)
    .executeTakeFirst();
}

/** The bare room row, locked until the transaction ends where the engine needs it (as bookings lock it). */
export function lockRoom(db: Db, portalId: string, roomId: string, lock: Dialect): Promise<RoomTable | undefined> {
  const query = db.selectFrom('rooms').selectAll().where('portal_id', '=', portalId).where('id', '=', roomId);
  return forUpdate(query, lock).executeTakeFirst();
}

/** Adds a room. */
export async function insertRoom(db: Db, row: RoomTable): Promise<void> {
  await db.insertInto('rooms').values(row).execute();
}

/** Changes a room's columns. */
export async function updateRoom(db: Db, roomId: string, changes: Partial<RoomTable>): Promise<void> {
  await db.updateTable('rooms').set(changes).where('id', '=', roomId).execute();
}

/** Removes a room. */
export async function deleteRoom(db: Db, roomId: string): Promise<void> {
  await db.deleteFrom('rooms').where('id', '=', roomId).execute();
}

/** How many sessions are held in the room, and the earliest (one query, one row). */
export async function findRoomSessions(db: Db, portalId: string, roomId: string) {
  const first = await db
    .selectFrom('class_sessions')
    .select((eb) => ['name', 'date', eb.fn.countAll().over().as('total')])
    .where('portal_id', '=', portalId)
    .where('room_id', '=', roomId)
    .orderBy('date')
    .orderBy('start_minute')
    .limit(1)
    .executeTakeFirst();
  return first === undefined ? { count: 0, first: null } : { count: Number(first.total), first };
}
