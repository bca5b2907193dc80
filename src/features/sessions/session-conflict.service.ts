/**
 * The read-only booking check (a Lectern addition): which sessions a session would double-book at a given slot, so a
 * client can ask before it moves one (the web app's calendar confirms a drag with it). Writes nothing.
 */
import { type Caller, canManage, rolesOnCourse } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { twelveHourText, zohoDateText } from '../../dates.ts';
import { forbidden, invalidInput, missingInput, notFound } from '../../errors.ts';
import { loadViews } from '../courses/index.ts';
import { requireModule } from '../modules/index.ts';
import * as repository from './session.repository.ts';
import type { SessionPath } from './session.service.ts';
import { findRoomForBooking, findTrainerForBooking } from './session-booking.repository.ts';
import { findConflicts, parseSlot, type SessionSlot } from './session-booking.ts';

/** The slot to check; with `sessionId`, what is left out is that session's own value (and it never clashes with itself). */
export interface ConflictQuery {
  sessionId?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  trainerErecno?: string;
  roomId?: string;
}

/** One clash as the check answers it. */
export interface ConflictView {
  code: 'TRAINER_ALREADY_BOOKED' | 'ROOM_ALREADY_BOOKED';
  parameter: string;
  message: string;
  sessionId: string;
  sessionName: string;
  date: string;
  startTime: string;
  endTime: string;
  /** The zone the other session's date and times are wall-clock times in. */
  timeZone: string;
}

/** The clashes, and whether this portal refuses such a write (LECTERN_BOOKING_CONFLICTS=refuse) or only warns. */
export interface ConflictCheck {
  conflicts: ConflictView[];
  savingRefused: boolean;
}

/** Checks a slot for double bookings of its trainer and room (course managers only, as for the writes). */
export async function checkSessionConflicts(
  context: AppContext,
  caller: Caller,
  path: SessionPath,
  query: ConflictQuery,
): Promise<ConflictCheck> {
  const db = context.db;
  const { course } = await requireModule(db, caller, path.courseId, path.batchId, path.moduleId);
  const [view] = await loadViews(db, caller, [course]);
  if (!canManage(rolesOnCourse(caller, view!.relations))) {
    throw forbidden('only the LMS admin, the course owner or a course admin may schedule sessions of this course');
  }
  const current =
    query.sessionId === undefined
      ? undefined
      : await repository.findSession(db, { ...path, portalId: caller.portalId, sessionId: query.sessionId });
  if (query.sessionId !== undefined && current === undefined) throw notFound('session', query.sessionId);
  if (current === undefined) {
    for (const name of ['date', 'startTime', 'endTime', 'trainerErecno'] as const) {
      if (query[name] === undefined) throw missingInput(name);
    }
  }
  const stored: SessionSlot | undefined =
    current === undefined
      ? undefined
      : { date: current.date, startMinute: current.start_minute, endMinute: current.end_minute };
  const slot = parseSlot(query, stored, '');
  const erecno = query.trainerErecno ?? current!.trainer_erecno;
  const trainer = await findTrainerForBooking(db, caller.portalId, erecno);
  if (trainer === undefined) throw invalidInput('trainerErecno', `no employee with erecno ${erecno} in this portal`);
  const roomId = query.roomId === undefined ? (current?.room_id ?? null) : query.roomId === '' ? null : query.roomId;
  const room = roomId === null ? undefined : await findRoomForBooking(db, caller.portalId, roomId);
  if (roomId !== null && room === undefined) throw invalidInput('roomId', `no room with id ${roomId} in this portal`);
  const clashes = await findConflicts(
    db,
    {
      portalId: caller.portalId,
      slot,
      trainer: { erecno: trainer.erecno, name: trainer.display_name },
      room: room ?? null,
      zoneRoomId: roomId,
      excludeSessionId: current?.id ?? null,
    },
    '',
  );
  return {
    conflicts: clashes.map((clash) => ({
      code: clash.code,
      parameter: clash.parameter,
      message: clash.message,
      sessionId: clash.other.id,
      sessionName: clash.other.name,
      date: zohoDateText(clash.other.date),
      startTime: twelveHourText(clash.other.start_minute),
      endTime: twelveHourText(clash.other.end_minute),
      timeZone: clash.otherTimeZone,
    })),
    savingRefused: clashes.length > 0 && context.config.bookingConflicts === 'refuse',
  };
}
