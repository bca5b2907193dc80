/** Rooms as the API and other features read them, and as admins make, change and delete them (/lectern/v1). */
import type { Static } from '@sinclair/typebox';
import { type Caller, mayManageReferenceData } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db, RoomTable } from '../../db/database.ts';
import { forbidden, invalidInput, LmsError, missingInput, notFound, quote } from '../../errors.ts';
import { findLocation } from '../locations/index.ts';
import * as repository from './room.repository.ts';
import type { RoomBody } from './room.schemas.ts';

export type { RoomRow } from './room.repository.ts';

/** What POST and PATCH accept (checked by the route's schema). */
export type RoomInput = Static<typeof RoomBody>;

/** A page of the caller's portal's rooms (one extra row to tell whether more exist). */
export function listRooms(db: Db, caller: Caller, startIndex: number, limit: number): Promise<repository.RoomRow[]> {
  return repository.listRooms(db, caller.portalId, startIndex, limit);
}

/** One room of a portal, or undefined. */
export function findRoom(db: Db, portalId: string, roomId: string): Promise<repository.RoomRow | undefined> {
  return repository.findRoom(db, portalId, roomId);
}

/** One room of the caller's portal, or 404. */
export async function getRoom(db: Db, caller: Caller, roomId: string): Promise<repository.RoomRow> {
  const row = await repository.findRoom(db, caller.portalId, roomId);
  if (row === undefined) throw notFound('room', roomId);
  return row;
}

function checkManager(caller: Caller): void {
  if (!mayManageReferenceData(caller)) throw forbidden('only LMS, settings and data admins may change rooms');
}

/** The columns the sent keys set; the location is checked against the portal in the write's transaction. */
function columnsOf(input: RoomInput): Partial<RoomTable> {
  const columns: Partial<RoomTable> = {};
  if (input.name !== undefined) {
    columns.name = input.name.trim();
    if (columns.name === '') throw invalidInput('name', 'must not be blank');
  }
  if (input.locationId !== undefined) columns.location_id = String(input.locationId);
  if (input.capacity !== undefined) columns.capacity = input.capacity;
  if (input.facilities !== undefined) {
    const facilities = [...new Set(input.facilities.map((facility) => facility.trim()))];
    if (facilities.includes('')) throw invalidInput('facilities', 'must not hold a blank text');
    columns.facilities = JSON.stringify(facilities);
  }
  return columns;
}

async function checkLocation(db: Db, portalId: string, locationId: string | undefined): Promise<void> {
  if (locationId === undefined) return;
  const location = await findLocation(db, portalId, locationId);
  if (location === undefined) throw invalidInput('locationId', `no location with id ${locationId} in this portal`);
}

/** Makes a room: `name`, `locationId` and `capacity` are mandatory, `facilities` optional (default none). */
export async function createRoom(context: AppContext, caller: Caller, input: RoomInput): Promise<repository.RoomRow> {
  checkManager(caller);
  for (const key of ['name', 'locationId', 'capacity'] as const) if (input[key] === undefined) throw missingInput(key);
  const row = {
    id: context.ids.next(),
    portal_id: caller.portalId,
    facilities: '[]',
    ...columnsOf(input),
  } as RoomTable;
  return context.db.transaction().execute(async (trx) => {
    await checkLocation(trx, caller.portalId, row.location_id);
    await repository.insertRoom(trx, row);
    return (await repository.findRoom(trx, caller.portalId, row.id))!;
  });
}

/**
 * Changes the keys sent; sessions, calendars and e-mails written afterwards show the new name. A capacity below a
 * session's learners is accepted: booking a room never checked it either (docs/compatibility.md).
 */
export async function updateRoom(
  context: AppContext,
  caller: Caller,
  roomId: string,
  input: RoomInput,
): Promise<repository.RoomRow> {
  checkManager(caller);
  const changes = columnsOf(input);
  return context.db.transaction().execute(async (trx) => {
    const row = await repository.lockRoom(trx, caller.portalId, roomId, context.dialect);
    if (row === undefined) throw notFound('room', roomId);
    await checkLocation(trx, caller.portalId, changes.location_id);
    if (Object.keys(changes).length > 0) await repository.updateRoom(trx, roomId, changes);
    return (await repository.findRoom(trx, caller.portalId, roomId))!;
  });
}

/** Deletes a room no session is held in; else 409 naming how many are and the first. */
export async function deleteRoom(context: AppContext, caller: Caller, roomId: string): Promise<void> {
  checkManager(caller);
  await context.db.transaction().execute(async (trx) => {
    // Locked as a booking locks it, so that no session books the room between the check and the delete.
    const row = await repository.lockRoom(trx, caller.portalId, roomId, context.dialect);
    if (row === undefined) throw notFound('room', roomId);
    const sessions = await repository.findRoomSessions(trx, caller.portalId, roomId);
    if (sessions.first !== null) {
      const first = `${quote(sessions.first.name)} on ${sessions.first.date}`;
      const noun = sessions.count === 1 ? 'session' : 'sessions';
      throw new LmsError(
        409,
        '409',
        `Room ${quote(row.name)} is used by ${sessions.count} ${noun}, first: ${first}; move or delete them first`,
        'roomId',
      );
    }
    await repository.deleteRoom(trx, roomId);
  });
}
