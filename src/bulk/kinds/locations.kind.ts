/** Locations: upserted by id, or by name when the id column is empty. */
import { type BulkKind, optionalId, optionalText, rowSchema, text } from '../kind.schemas.ts';

/** True for an IANA time zone this Node knows. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The locations kind. */
export const locationsKind: BulkKind = {
  name: 'locations',
  table: 'locations',
  row: rowSchema({ locationId: optionalId(), name: text(200), timeZone: optionalText(64) }),
  id: { field: 'locationId', column: 'id' },
  naturalKey: ['name'],
  references: [],
  orderBy: ['id'],
  toTable: (row) => ({ name: row.name, time_zone: row.timeZone || null }),
  fromTable: (row) => ({ locationId: row.id, name: row.name, timeZone: row.time_zone }),
  check: (row) =>
    typeof row.timeZone === 'string' && row.timeZone !== '' && !isTimeZone(row.timeZone)
      ? { field: 'timeZone', message: 'not an IANA time zone (e.g. Europe/Berlin)' }
      : null,
};
