/** Rooms: upserted by id, or by location and name when the id column is empty. */
import { type BulkKind, idColumn, integer, optionalId, rowSchema, text, textList } from '../kind.schemas.ts';

/** The rooms kind. */
export const roomsKind: BulkKind = {
  name: 'rooms',
  table: 'rooms',
  row: rowSchema({
    roomId: optionalId(),
    name: text(200),
    locationId: idColumn(),
    capacity: integer(0, 100_000),
    facilities: textList(),
  }),
  id: { field: 'roomId', column: 'id' },
  naturalKey: ['location_id', 'name'],
  references: [{ field: 'locationId', kind: 'locations' }],
  orderBy: ['id'],
  toTable: (row) => ({
    name: row.name,
    location_id: row.locationId,
    capacity: row.capacity,
    facilities: JSON.stringify(row.facilities),
  }),
  fromTable: (row) => ({
    roomId: row.id,
    name: row.name,
    locationId: row.location_id,
    capacity: Number(row.capacity),
    facilities: JSON.parse(String(row.facilities)) as string[],
  }),
};
