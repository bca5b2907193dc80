/** Rooms as Zoho's Fetch Rooms shows them (Lectern's room writes answer the same object). */
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
