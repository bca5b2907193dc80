/** Locations: upserted by id, or by name when the id column is empty. */
import { ianaTimeZone } from '../../dates.ts';
import { type BulkKind, optionalId, optionalText, rowSchema, text } from '../kind.schemas.ts';

/** The locations kind. */
export const locationsKind: BulkKind = {
  name: 'locations',
  table: 'locations',
  row: rowSchema({
    locationId: optionalId(),
    name: text(100),
    timeZone: optionalText(64),
    street: optionalText(200),
    city: optionalText(100),
    state: optionalText(100),
    postalCode: optionalText(20),
    country: optionalText(100),
  }),
  id: { field: 'locationId', column: 'id' },
  naturalKey: ['name'],
  references: [],
  orderBy: ['id'],
  toTable: (row) => ({
    name: row.name,
    time_zone: row.timeZone || null,
    address_street: row.street || null,
    address_city: row.city || null,
    address_state: row.state || null,
    address_postal_code: row.postalCode || null,
    address_country: row.country || null,
  }),
  fromTable: (row) => ({
    locationId: row.id,
    name: row.name,
    timeZone: row.time_zone,
    street: row.address_street,
    city: row.address_city,
    state: row.address_state,
    postalCode: row.address_postal_code,
    country: row.address_country,
  }),
  check: (row) =>
    typeof row.timeZone === 'string' && row.timeZone !== '' && ianaTimeZone(row.timeZone) === null
      ? { field: 'timeZone', message: 'not an IANA time zone (e.g. Europe/Berlin)' }
      : null,
};
