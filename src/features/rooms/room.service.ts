/** Rooms as the API and other features read them: a page of the caller's portal, or one room by id. */
import type { Caller } from '../../access/caller.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import * as repository from './room.repository.ts';

export type { RoomRow } from './room.repository.ts';

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
