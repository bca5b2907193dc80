/** Rooms as Zoho's Fetch Rooms and as /lectern/v1 show them. */
import type { RoomRow } from './room.repository.ts';

/** A room in Zoho's shape: the capacity as a string, the location without its zone. */
export function presentRoom(row: RoomRow) {
  return {
    name: row.name,
    location: { locationId: row.location_id, name: row.location_name },
    facilities: JSON.parse(row.facilities) as string[],
    roomId: row.id,
    capacity: String(row.capacity),
  };
}

/** A room in Lectern's shape: the capacity a number, the location with its zone (null: the portal's). */
export function presentLecternRoom(row: RoomRow) {
  return {
    roomId: row.id,
    name: row.name,
    capacity: row.capacity,
    facilities: JSON.parse(row.facilities) as string[],
    location: { locationId: row.location_id, name: row.location_name, timeZone: row.location_time_zone },
  };
}
