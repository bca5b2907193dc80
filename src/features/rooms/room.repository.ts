/** Queries over rooms and their locations. */
import type { Db } from '../../db/database.ts';

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
