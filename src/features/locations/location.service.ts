/** A portal's locations: listing, reading and, for admins, making, changing and deleting them (one transaction each). */

import type { Static } from '@sinclair/typebox';
import { type Caller, mayManageReferenceData } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { ianaTimeZone } from '../../dates.ts';
import type { Db, LocationTable } from '../../db/database.ts';
import { forbidden, invalidInput, LmsError, missingInput, notFound, quote } from '../../errors.ts';
import * as repository from './location.repository.ts';
import type { LocationBody } from './location.schemas.ts';

/** What POST and PATCH accept (checked by the route's schema). */
export type LocationInput = Static<typeof LocationBody>;

const addressKeys = {
  street: 'address_street',
  city: 'address_city',
  state: 'address_state',
  postalCode: 'address_postal_code',
  country: 'address_country',
} as const;

function checkManager(caller: Caller): void {
  if (!mayManageReferenceData(caller)) throw forbidden('only LMS, settings and data admins may change locations');
}

function readName(value: string): string {
  const name = value.trim();
  if (name === '') throw invalidInput('name', 'must not be blank');
  return name;
}

const knownZones = new Map<string, string | null>();

/** The zone's own spelling when the runtime knows it as an IANA name (Europe/Berlin, UTC), else null. */
function canonicalZone(name: string): string | null {
  let known = knownZones.get(name);
  if (known === undefined) {
    known = ianaTimeZone(name);
    if (knownZones.size < 1000) knownZones.set(name, known);
  }
  return known;
}

function readTimeZone(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  const zone = canonicalZone(value.trim());
  if (zone === null)
    throw invalidInput('timeZone', `must be an IANA time zone such as Europe/Berlin, got ${quote(value)}`);
  return zone;
}

/** The address parts sent, as columns: a text (trimmed; blank is null) or null; `address: null` clears them all. */
function addressColumns(address: LocationInput['address']): Partial<LocationTable> {
  if (address === undefined) return {};
  const columns: Partial<LocationTable> = {};
  for (const [key, column] of Object.entries(addressKeys)) {
    if (address === null) columns[column] = null;
    else {
      const part = address[key as keyof typeof addressKeys];
      if (part !== undefined) columns[column] = part === null || part.trim() === '' ? null : part.trim();
    }
  }
  return columns;
}

/** A page of the caller's portal's locations (one extra row to tell whether more exist). */
export function listLocations(context: AppContext, caller: Caller, offset: number, limit: number) {
  return repository.listLocations(context.db, caller.portalId, offset, limit);
}

/** One location of the caller's portal, or 404. */
export async function getLocation(context: AppContext, caller: Caller, id: string): Promise<LocationTable> {
  const row = await repository.findLocation(context.db, caller.portalId, id);
  if (row === undefined) throw notFound('location', id);
  return row;
}

/** One location of a portal, or undefined (what the rooms feature checks a room's location against). */
export function findLocation(db: Db, portalId: string, id: string): Promise<LocationTable | undefined> {
  return repository.findLocation(db, portalId, id);
}

/** Makes a location: `name` is mandatory; `timeZone` and `address` optional. */
export async function createLocation(
  context: AppContext,
  caller: Caller,
  input: LocationInput,
): Promise<LocationTable> {
  checkManager(caller);
  if (input.name === undefined) throw missingInput('name');
  const row: LocationTable = {
    id: context.ids.next(),
    portal_id: caller.portalId,
    name: readName(input.name),
    time_zone: readTimeZone(input.timeZone ?? null),
    address_street: null,
    address_city: null,
    address_state: null,
    address_postal_code: null,
    address_country: null,
    ...addressColumns(input.address),
  };
  await repository.insertLocation(context.db, row);
  return row;
}

/** Changes the keys sent; the rooms, batches, sessions and calendars that show it read the new values. */
export async function updateLocation(
  context: AppContext,
  caller: Caller,
  id: string,
  input: LocationInput,
): Promise<LocationTable> {
  checkManager(caller);
  const changes: Partial<LocationTable> = { ...addressColumns(input.address) };
  if (input.name !== undefined) changes.name = readName(input.name);
  if (input.timeZone !== undefined) changes.time_zone = readTimeZone(input.timeZone);
  return context.db.transaction().execute(async (trx) => {
    const row = await repository.findLocation(trx, caller.portalId, id, context.dialect);
    if (row === undefined) throw notFound('location', id);
    if (Object.keys(changes).length > 0) await repository.updateLocation(trx, id, changes);
    return { ...row, ...changes };
  });
}

function described(count: number, nouns: [one: string, many: string], firstName: string | null): string {
  return `${count} ${count === 1 ? nouns[0] : nouns[1]} (first: ${quote(firstName ?? '')})`;
}

/** Deletes a location no room, batch or batch scheduler names; else 409 naming what does. */
export async function deleteLocation(context: AppContext, caller: Caller, id: string): Promise<void> {
  checkManager(caller);
  await context.db.transaction().execute(async (trx) => {
    const row = await repository.findLocation(trx, caller.portalId, id, context.dialect);
    if (row === undefined) throw notFound('location', id);
    const usage = await repository.findLocationUsage(trx, caller.portalId, id);
    const users = [
      usage.rooms.count > 0 ? described(usage.rooms.count, ['room', 'rooms'], usage.rooms.firstName) : null,
      usage.batches.count > 0 ? described(usage.batches.count, ['batch', 'batches'], usage.batches.firstName) : null,
      usage.schedulers.count > 0
        ? described(usage.schedulers.count, ['batch scheduler', 'batch schedulers'], usage.schedulers.firstName)
        : null,
    ].filter((text) => text !== null);
    if (users.length > 0) {
      throw new LmsError(
        409,
        '409',
        `Location ${quote(row.name)} is used by ${users.join(', ')}; move or delete them first`,
        'locationId',
      );
    }
    await repository.deleteLocation(trx, id);
  });
}
