/**
 * What the calendar feeds and the e-mailed invites write alike: a session's event (UID, times in the session's own
 * time zone, names, place) and the VTIMEZONEs (from timezones-ical-library) of the zones used, so that a calendar
 * program sees one event, at the same instant, whichever of the two brought it.
 */
import ical, { type ICalCalendar, type ICalCalendarData, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { sessionTypeNames, wallClockToEpoch } from '../sessions/index.ts';

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
  /** The zone the date and minutes are wall-clock times in (see sessions/session-time.ts `sessionTimeZone`). */
  timeZone: string;
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

// Looking a zone's VTIMEZONE up and parsing its TZID is done once per zone, not once per event.
const zoneBlocks = new Map<string, { tzid: string; vtimezone: string } | null>();
const vtimezonesByTzid = new Map<string, string>();

/** The VTIMEZONE of a zone and the TZID it declares; null for UTC, or a zone the library does not know. */
function zoneBlock(timeZone: string): { tzid: string; vtimezone: string } | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null;
  let zone = zoneBlocks.get(timeZone);
  if (zone === undefined) {
    const found = tzlib_get_ical_block(timeZone);
    const block = Array.isArray(found) ? found[0] : undefined;
    const tzid = block === undefined ? undefined : /^TZID:(.+)$/m.exec(block)?.[1]?.trim();
    zone = block === undefined || tzid === undefined ? null : { tzid, vtimezone: block };
    zoneBlocks.set(timeZone, zone);
    if (zone !== null) vtimezonesByTzid.set(zone.tzid, zone.vtimezone);
  }
  return zone;
}

/** The TZID a zone's times are written with; null when they are written in UTC (UTC itself, or an unknown zone). */
export function calendarTzid(timeZone: string): string | null {
  return zoneBlock(timeZone)?.tzid ?? null;
}

/**
 * A calendar that carries the VTIMEZONE of every zone its events are written in (a trainer's feed may hold sessions
 * of several locations), with no calendar-level zone.
 */
export function sessionCalendar(data: ICalCalendarData): ICalCalendar {
  const calendar = ical({ prodId: { company: 'Lectern', product: 'Lectern LMS', language: 'EN' }, ...data });
  // No calendar-level zone name: ical-generator would then write DTSTAMP in that zone, and RFC 5545 wants UTC.
  // Every TZID an event carries came from calendarTzid, which kept its VTIMEZONE.
  calendar.timezone({ name: null, generator: (tzid) => vtimezonesByTzid.get(tzid) ?? null });
  return calendar;
}

/**
 * The fields of a session's event that feeds and invites write the same way. Times are the session's wall clock in
 * its own zone, written with that zone's TZID (`DTSTART;TZID=America/Chicago:20261030T090000`), or as UTC instants
 * (`...Z`) when the zone is UTC or has no VTIMEZONE: either way the instant is the same.
 */
export function sessionEventData(session: CalendarSession): ICalEventData {
  const tzid = calendarTzid(session.timeZone);
  // ical-generator writes a luxon DateTime as the wall clock of the event's zone, or as a UTC instant without one.
  const at = (epochMs: number) => DateTime.fromMillis(epochMs, { zone: tzid ?? 'UTC' });
  const about = `${sessionTypeName(session.sessionType)} session with ${session.trainerName ?? 'a trainer'}`;
  return {
    id: sessionUid(session.id),
    start: at(wallClockToEpoch(session.date, session.startMinute, session.timeZone)),
    end: at(wallClockToEpoch(session.date, session.endMinute, session.timeZone)),
    timezone: tzid,
    created: new Date(session.createdAt),
    lastModified: new Date(session.updatedAt),
    summary: session.name,
    description: session.description ? `${session.description}\n\n${about}` : about,
    location: session.roomName === null ? null : [session.roomName, session.locationName].filter(Boolean).join(', '),
  };
}
