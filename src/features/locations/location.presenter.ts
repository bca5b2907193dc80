/** A location row as /lectern/v1 shows it. */
import type { Static } from '@sinclair/typebox';
import type { LocationTable } from '../../db/database.ts';
import type { LocationSchema } from './location.schemas.ts';

/** The location object: id, name, zone (null: the portal's) and address (null parts: unknown). */
export function presentLocation(row: LocationTable): Static<typeof LocationSchema> {
  return {
    locationId: row.id,
    name: row.name,
    timeZone: row.time_zone,
    address: {
      street: row.address_street ?? null,
      city: row.address_city ?? null,
      state: row.address_state ?? null,
      postalCode: row.address_postal_code ?? null,
      country: row.address_country ?? null,
    },
  };
}
