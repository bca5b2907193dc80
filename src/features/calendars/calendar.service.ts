/**
 * iCalendar feeds of sessions: one per trainer, one per room. Built with ical-generator; times are written in the
 * portal's time zone (TZID with its VTIMEZONE from timezones-ical-library), or in UTC for UTC portals.
 */
import ical, { type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { Caller } from '../people/caller.ts';
import { findEmployee } from '../people/people.repository.ts';
import { portalTimeZone } from '../people/portal.service.ts';
import { findRoom } from '../rooms/room.repository.ts';
import { sessionTypeNames } from '../sessions/session.presenter.ts';
import { listFeedSessions } from '../sessions/session.service.ts';
import { wallClockToEpoch } from '../sessions/session-time.ts';
import { ZonedDateTime } from './zoned-date-time.ts';

type FeedSession = Awaited<ReturnType<typeof listFeedSessions>>[number];

/** The UID of a session's event: stable for the session's life, so calendar programs update rather than duplicate. */
export function sessionUid(sessionId: string): string {
  return `${sessionId}@lectern`;
}

/** The VTIMEZONE of a zone and the TZID it declares; null for UTC, or a zone the library does not know. */
function zoneBlock(timeZone: string): { tzid: string; vtimezone: string } | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null;
  const found = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(found) || found[0] === undefined) return null;
  const tzid = /^TZID:(.+)$/m.exec(found[0])?.[1]?.trim();
  return tzid === undefined ? null : { tzid, vtimezone: found[0] };
}

/** Builds the calendar text of a list of sessions. */
export function buildCalendar(name: string, timeZone: string, sessions: readonly FeedSession[]): string {
  const calendar: ICalCalendar = ical({
    name,
    prodId: { company: 'Lectern', product: 'Lectern LMS', language: 'EN' },
  });
  const zone = zoneBlock(timeZone);
  if (zone !== null) {
    // No calendar-level zone name: ical-generator would then write DTSTAMP in that zone, and RFC 5545 wants UTC.
    calendar.timezone({ name: null, generator: (tz) => (tz === zone.tzid ? zone.vtimezone : null) });
    calendar.x('X-WR-TIMEZONE', zone.tzid);
  }
  const at = (epochMs: number) => (zone === null ? new Date(epochMs) : new ZonedDateTime(epochMs, zone.tzid));
  for (const session of sessions) {
    const typeName = sessionTypeNames[session.session_type === 1 ? 1 : 0];
    const about = `${typeName} session with ${session.trainer_name ?? 'a trainer'}`;
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.sequence,
      start: at(wallClockToEpoch(session.date, session.start_minute, timeZone)),
      end: at(wallClockToEpoch(session.date, session.end_minute, timeZone)),
      timezone: zone?.tzid ?? null,
      stamp: new Date(session.updated_at),
      created: new Date(session.created_at),
      lastModified: new Date(session.updated_at),
      summary: session.name,
      description: session.description ? `${session.description}\n\n${about}` : about,
      location:
        session.room_name === null ? null : [session.room_name, session.location_name].filter(Boolean).join(', '),
      categories: [{ name: typeName }],
    });
  }
  return calendar.toString();
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
  return buildCalendar(`Sessions of ${trainer.display_name}`, timeZone, sessions);
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
  return buildCalendar(`Sessions in ${room.name}`, timeZone, sessions);
}
