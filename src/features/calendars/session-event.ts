/**
 * What the calendar feeds and the e-mailed invites write alike: the portal's time zone (TZID with its VTIMEZONE from
 * timezones-ical-library, or UTC for UTC portals) and a session's event (UID, times, names, place), so that a
 * calendar program sees one event whichever of the two brought it.
 */
import ical, { type ICalCalendar, type ICalCalendarData, type ICalEventData } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { sessionTypeNames } from '../sessions/session.presenter.ts';
import { wallClockToEpoch } from '../sessions/session-time.ts';
import { ZonedDateTime } from './zoned-date-time.ts';

/** A session as its calendar event needs it (the feeds' rows and the invites' snapshots both give this). */
export interface CalendarSession {
  id: string;
  name: string;
  description: string | null;
  sessionType: number;
  date: string;
  startMinute: number;
  endMinute: number;
  sequence: number;
  trainerName: string | null;
  roomName: string | null;
  locationName: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The UID of a session's event: stable for the session's life, so calendar programs update rather than duplicate. */
export function sessionUid(sessionId: string): string {
  return `${sessionId}@lectern`;
}

/** A session type's name (Classroom or E-learning) as the events show it. */
export function sessionTypeName(sessionType: number): string {
  return sessionTypeNames[sessionType === 1 ? 1 : 0];
}

/** The VTIMEZONE of a zone and the TZID it declares; null for UTC, or a zone the library does not know. */
function zoneBlock(timeZone: string): { tzid: string; vtimezone: string } | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null;
  const found = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(found) || found[0] === undefined) return null;
  const tzid = /^TZID:(.+)$/m.exec(found[0])?.[1]?.trim();
  return tzid === undefined ? null : { tzid, vtimezone: found[0] };
}

/** A calendar whose events are written in the time zone's clock; `tzid` is null when they are written in UTC. */
export function zonedCalendar(
  data: ICalCalendarData,
  timeZone: string,
): { calendar: ICalCalendar; tzid: string | null } {
  const calendar = ical({ prodId: { company: 'Lectern', product: 'Lectern LMS', language: 'EN' }, ...data });
  const zone = zoneBlock(timeZone);
  if (zone !== null) {
    // No calendar-level zone name: ical-generator would then write DTSTAMP in that zone, and RFC 5545 wants UTC.
    calendar.timezone({ name: null, generator: (tz) => (tz === zone.tzid ? zone.vtimezone : null) });
  }
  return { calendar, tzid: zone?.tzid ?? null };
}

/** The fields of a session's event that feeds and invites write the same way. */
export function sessionEventData(session: CalendarSession, timeZone: string, tzid: string | null): ICalEventData {
  const at = (epochMs: number) => (tzid === null ? new Date(epochMs) : new ZonedDateTime(epochMs, tzid));
  const about = `${sessionTypeName(session.sessionType)} session with ${session.trainerName ?? 'a trainer'}`;
  return {
    id: sessionUid(session.id),
    start: at(wallClockToEpoch(session.date, session.startMinute, timeZone)),
    end: at(wallClockToEpoch(session.date, session.endMinute, timeZone)),
    timezone: tzid,
    created: new Date(session.createdAt),
    lastModified: new Date(session.updatedAt),
    summary: session.name,
    description: session.description ? `${session.description}\n\n${about}` : about,
    location: session.roomName === null ? null : [session.roomName, session.locationName].filter(Boolean).join(', '),
  };
}
