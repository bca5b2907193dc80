/** The rules a session's values must meet: a real slot inside the batch, real references, no double booking. */

import type { Config } from '../../config.ts';
import { type IsoDate, parseTwelveHourTime, parseZohoDate, twelveHourText, zohoDateText } from '../../dates.ts';
import type { Dialect } from '../../db/create-db.ts';
import type { BatchTable, ClassSessionTable, Db } from '../../db/database.ts';
import { invalidInput, LmsError } from '../../errors.ts';
import { findGradeCategory } from '../categories/index.ts';
import * as booking from './session-booking.repository.ts';
import { sessionTimeZone, wallClockToEpoch } from './session-time.ts';

/** A day and a time span, as stored: minutes after midnight in the session's time zone (see session-time.ts). */
export interface SessionSlot {
  date: IsoDate;
  startMinute: number;
  endMinute: number;
}

/** Parses `date`, `startTime` and `endTime` (each may be absent on update: the stored value stands). */
export function parseSlot(
  input: { date?: string; startTime?: string; endTime?: string },
  current?: SessionSlot,
  prefix = 'sessionData.',
): SessionSlot {
  const date = input.date === undefined ? current!.date : parseZohoDate(input.date, `${prefix}date`);
  const startMinute =
    input.startTime === undefined ? current!.startMinute : parseTwelveHourTime(input.startTime, `${prefix}startTime`);
  const endMinute =
    input.endTime === undefined ? current!.endMinute : parseTwelveHourTime(input.endTime, `${prefix}endTime`);
  if (endMinute <= startMinute) {
    const parameter = input.endTime === undefined ? `${prefix}startTime` : `${prefix}endTime`;
    throw invalidInput(
      parameter,
      `the session must end after it starts (${twelveHourText(startMinute)} to ${twelveHourText(endMinute)})`,
    );
  }
  return { date, startMinute, endMinute };
}

/** `""` and null clear an optional reference. */
export function optionalId(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value === '' || value === null ? null : value;
}

/** `lockUntil` as a date, null for `""`/null, undefined when absent. */
export function parseLockUntil(value: string | null | undefined): IsoDate | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return parseZohoDate(value, 'sessionData.lockUntil');
}

/** 400 BATCH_DATE_AND_SESSION_DATE_MISMATCH unless the date lies within the batch's dates. */
export function checkInsideBatch(date: IsoDate, batch: BatchTable): void {
  if (date < batch.start_date || date > batch.end_date) {
    throw new LmsError(
      400,
      'BATCH_DATE_AND_SESSION_DATE_MISMATCH',
      `The session date ${zohoDateText(date)} is outside the batch's dates ` +
        `(${zohoDateText(batch.start_date)} to ${zohoDateText(batch.end_date)})`,
      'sessionData.date',
    );
  }
}

/** The trainer of a session: an active employee of the portal with the trainer role (locked for the booking). */
export async function checkTrainer(db: Db, portalId: string, erecno: string, lock: Dialect) {
  const parameter = 'sessionData.trainerErecno';
  const trainer = await booking.findTrainerForBooking(db, portalId, erecno, lock);
  if (trainer === undefined) throw invalidInput(parameter, `no employee with erecno ${erecno} in this portal`);
  if (trainer.status !== 'active') throw invalidInput(parameter, `${trainer.display_name} (${erecno}) is inactive`);
  if (trainer.is_trainer !== 1) {
    throw invalidInput(
      parameter,
      `${trainer.display_name} (${erecno}) is not a trainer; add them with the Trainer API`,
    );
  }
  return trainer;
}

/** A room of the portal (locked for the booking). */
export async function checkRoom(db: Db, portalId: string, roomId: string, lock: Dialect) {
  const room = await booking.findRoomForBooking(db, portalId, roomId, lock);
  if (room === undefined) throw invalidInput('sessionData.roomId', `no room with id ${roomId} in this portal`);
  return room;
}

/** A grade category of the portal. */
export async function checkGradeCategory(db: Db, portalId: string, categoryId: string) {
  const category = await findGradeCategory(db, portalId, categoryId);
  if (category === undefined) {
    throw invalidInput('sessionData.gradeCategoryId', `no grade category with id ${categoryId} in this portal`);
  }
  return category;
}

/** The zone a nearby session's times are in. */
function zoneOf(other: booking.OverlappingSession): string {
  return sessionTimeZone(other.location_time_zone, other.portal_time_zone);
}

function describe(other: booking.OverlappingSession, slotZone: string): string {
  // The other session's wall clock, with its zone named when it is not the slot's own.
  const zone = zoneOf(other) === slotZone ? '' : ` (${zoneOf(other)})`;
  return (
    `session "${other.name}" (id ${other.id}) on ${zohoDateText(other.date)} ` +
    `from ${twelveHourText(other.start_minute)} to ${twelveHourText(other.end_minute)}${zone}`
  );
}

/** What a booking must not clash with; null for a resource whose booking did not change. */
export interface BookingRequest {
  portalId: string;
  slot: SessionSlot;
  trainer: { erecno: string; name: string } | null;
  room: { id: string; name: string } | null;
  /** The room the session is held in after the change (its location's zone is the slot's), null for none. */
  zoneRoomId: string | null;
  excludeSessionId: string | null;
}

/** One double booking: what clashes (Zoho's code and parameter), in words, and the other session with its zone. */
export interface BookingClash {
  code: 'TRAINER_ALREADY_BOOKED' | 'ROOM_ALREADY_BOOKED';
  parameter: string;
  message: string;
  other: booking.OverlappingSession;
  otherTimeZone: string;
}

/**
 * Every session of the portal that double-books the trainer or the room, trainer clashes first; writes nothing.
 * Times are compared as instants, each session's wall clock read in its own zone (its room's location's, else the
 * portal's), so sessions in different zones clash when they share a moment, whatever their clocks show.
 */
export async function findConflicts(db: Db, request: BookingRequest, prefix = 'sessionData.'): Promise<BookingClash[]> {
  const { trainer, room, slot } = request;
  const nearby = await booking.findNearbySessions(db, {
    portalId: request.portalId,
    date: slot.date,
    trainerErecno: trainer?.erecno ?? null,
    roomId: room?.id ?? null,
    zoneRoomId: request.zoneRoomId,
    excludeSessionId: request.excludeSessionId,
  });
  const first = nearby[0];
  if (first === undefined) return [];
  const slotZone = sessionTimeZone(first.slot_location_time_zone, first.portal_time_zone);
  const start = wallClockToEpoch(slot.date, slot.startMinute, slotZone);
  const end = wallClockToEpoch(slot.date, slot.endMinute, slotZone);
  const others = nearby
    .filter((other) => {
      const zone = zoneOf(other);
      return (
        wallClockToEpoch(other.date, other.start_minute, zone) < end &&
        wallClockToEpoch(other.date, other.end_minute, zone) > start
      );
    })
    .slice(0, 10);
  const clashes: BookingClash[] = [];
  for (const other of others) {
    const otherTimeZone = zoneOf(other);
    if (trainer !== null && other.trainer_erecno === trainer.erecno) {
      clashes.push({
        code: 'TRAINER_ALREADY_BOOKED',
        parameter: `${prefix}trainerErecno`,
        message: `The trainer ${trainer.name} is already booked for ${describe(other, slotZone)}`,
        other,
        otherTimeZone,
      });
    }
    if (room !== null && other.room_id === room.id) {
      clashes.push({
        code: 'ROOM_ALREADY_BOOKED',
        parameter: `${prefix}roomId`,
        message: `The room ${room.name} is already booked for ${describe(other, slotZone)}`,
        other,
        otherTimeZone,
      });
    }
  }
  // Trainer clashes first: the first refusal names the trainer when both are double-booked.
  clashes.sort((a, b) => Number(a.code !== 'TRAINER_ALREADY_BOOKED') - Number(b.code !== 'TRAINER_ALREADY_BOOKED'));
  return clashes;
}

/**
 * Looks for sessions of the portal that double-book the trainer or the room. With `refuse` (the default) the first
 * clash is a 400 naming the other session; with `warn` every clash comes back as a warning and the write goes on.
 */
export async function checkConflicts(
  db: Db,
  config: Pick<Config, 'bookingConflicts'>,
  request: BookingRequest,
): Promise<string[]> {
  const clashes = await findConflicts(db, request);
  const first = clashes[0];
  if (first !== undefined && config.bookingConflicts === 'refuse') {
    throw new LmsError(400, first.code, first.message, first.parameter);
  }
  return clashes.map((clash) => clash.message);
}

/** The columns a calendar event shows; a change to any of them raises the session's `sequence`. */
const calendarColumns = [
  'name',
  'description',
  'session_type',
  'date',
  'start_minute',
  'end_minute',
  'trainer_erecno',
  'room_id',
] as const satisfies readonly (keyof ClassSessionTable)[];

/** True when a change alters what a calendar shows of the session (not its lock date or grade category). */
export function changesCalendar(current: ClassSessionTable, changes: Partial<ClassSessionTable>): boolean {
  return calendarColumns.some((column) => changes[column] !== undefined && changes[column] !== current[column]);
}
