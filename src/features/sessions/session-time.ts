/**
 * Session times are wall-clock times (a date and minutes after midnight) in the session's time zone: its room's
 * location's, else the portal's. These turn them into instants, which is what "has the session ended", calendar
 * feeds and invites need.
 */
import { DateTime, IANAZone } from 'luxon';
import type { IsoDate } from '../../dates.ts';

/** The wall-clock fields of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar fields an instant shows in a time zone. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const { year, month, day, hour, minute, second } = DateTime.fromMillis(epochMs, { zone: timeZone });
  return { year, month, day, hour, minute, second };
}

const minuteMs = 60_000;
const dayMs = 86_400_000;

/**
 * The instant at which a zone's clocks show `date` and `minute` (minutes past 24:00 run into the next days), read as
 * RFC 5545 reads a TZID time, so that Lectern and calendar programs agree on the instant: a time skipped by a
 * spring-forward change is read with the offset before the change (02:30 in Chicago's gap from 02:00 to 03:00 is
 * 03:30 daylight time), and a time that occurs twice by a fall-back change is its first occurrence.
 */
export function wallClockToEpoch(date: IsoDate, minute: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const local = Date.UTC(year!, month! - 1, day!, 0, minute);
  const zone = IANAZone.create(timeZone);
  // A zone changes its offset at most once within a day either side of a wall-clock time (luxon knows the offsets).
  const before = zone.offset(local - dayMs);
  const after = zone.offset(local + dayMs);
  const instants = [local - before * minuteMs, local - after * minuteMs];
  const real = instants.filter((instant) => local - zone.offset(instant) * minuteMs === instant);
  return real.length === 0 ? instants[0]! : Math.min(...real);
}

/**
 * The time zone a session's times are in: its room's location's when it has one the runtime knows, else the
 * portal's (sessions without a room, or in a location without a zone). A portal without a zone is on UTC.
 */
export function sessionTimeZone(locationTimeZone: string | null | undefined, portalTimeZone: string | null): string {
  if (locationTimeZone && IANAZone.isValidZone(locationTimeZone)) return locationTimeZone;
  return portalTimeZone || 'UTC';
}
