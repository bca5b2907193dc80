/**
 * iCalendar feeds of sessions: one per trainer, one per room. Built with ical-generator; each session's times are
 * written in its own time zone (its room's location's, else the portal's: TZID with its VTIMEZONE from
 * timezones-ical-library), or in UTC.
 */

import { ICalEventStatus } from 'ical-generator';
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { findEmployee, portalTimeZone } from '../people/index.ts';
import { findRoom } from '../rooms/index.ts';
import { listFeedSessions, sessionTimeZone } from '../sessions/index.ts';
import {
  type CalendarSession,
  calendarTzid,
  sessionCalendar,
  sessionEventData,
  sessionTypeName,
} from './session-event.ts';

/** A session row of a feed: live ones from class_sessions, deleted ones from session_cancellations. */
export interface FeedRow {
  id: string;
  name: string;
  description: string | null;
  session_type: number;
  date: string;
  start_minute: number;
  end_minute: number;
  sequence: number;
  trainer_name: string | null;
  room_name: string | null;
  location_name: string | null;
  location_time_zone: string | null;
  created_at: number;
  updated_at: number;
  /** Deleted, or in a cancelled batch: written STATUS:CANCELLED with one more SEQUENCE, as the e-mailed CANCEL is. */
  cancelled?: boolean;
}

/**
 * Builds the calendar text of a list of sessions. `zones.portal` is the zone of sessions without a location zone;
 * `zones.display` (the room's, or the portal's) is offered to calendar programs as the feed's own zone.
 */
export function buildCalendar(
  name: string,
  zones: { portal: string; display: string },
  sessions: readonly FeedRow[],
): string {
  const calendar = sessionCalendar({ name });
  const displayTzid = calendarTzid(zones.display);
  if (displayTzid !== null) calendar.x('X-WR-TIMEZONE', displayTzid);
  for (const row of sessions) {
    const session = calendarSessionOf(row, zones.portal);
    calendar.createEvent({
      ...sessionEventData(session),
      sequence: row.cancelled ? session.sequence + 1 : session.sequence,
      status: row.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(session.updatedAt),
      categories: [{ name: sessionTypeName(session.sessionType) }],
    });
  }
  return calendar.toString();
}

function calendarSessionOf(row: FeedRow, portalTimeZone: string): CalendarSession {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    sessionType: row.session_type,
    date: row.date,
    startMinute: row.start_minute,
    endMinute: row.end_minute,
    sequence: Number(row.sequence),
    trainerName: row.trainer_name,
    roomName: row.room_name,
    locationName: row.location_name,
    timeZone: sessionTimeZone(row.location_time_zone, portalTimeZone),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function isAdmin(caller: Caller): boolean {
  return caller.isAdmin || caller.isOperator;
}

/** A trainer's sessions as a calendar: for LMS admins and the trainer themself. */
export async function trainerCalendar(context: AppContext, caller: Caller, erecno: string): Promise<string> {
  if (!isAdmin(caller) && caller.erecno !== erecno) {
    throw forbidden("only LMS admins and the trainer themself may read a trainer's calendar");
  }
  const [trainer, timeZone, sessions] = await Promise.all([
    findEmployee(context.db, caller.portalId, erecno),
    portalTimeZone(context.db, caller.portalId),
    listFeedSessions(context.db, caller.portalId, { trainerErecno: erecno }),
  ]);
  if (trainer === undefined) throw notFound('trainer', erecno);
  return buildCalendar(`Sessions of ${trainer.display_name}`, { portal: timeZone, display: timeZone }, sessions);
}

/** A room's sessions as a calendar: for LMS admins. */
export async function roomCalendar(context: AppContext, caller: Caller, roomId: string): Promise<string> {
  if (!isAdmin(caller)) throw forbidden("only LMS admins may read a room's calendar");
  const [room, timeZone, sessions] = await Promise.all([
    findRoom(context.db, caller.portalId, roomId),
    portalTimeZone(context.db, caller.portalId),
    listFeedSessions(context.db, caller.portalId, { roomId }),
  ]);
  if (room === undefined) throw notFound('room', roomId);
  const display = sessionTimeZone(room.location_time_zone, timeZone);
  return buildCalendar(`Sessions in ${room.name}`, { portal: timeZone, display }, sessions);
}
