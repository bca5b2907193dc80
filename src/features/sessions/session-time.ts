/**
 * Session times are wall-clock times (a date and minutes after midnight) in the session's time zone: its room's
 * location's, else the portal's. These turn them into instants, which is what "has the session ended", calendar
 * feeds and invites need.
 */
import type { IsoDate } from '../../dates.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

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
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * The instant at which a zone's clocks show `date` and `minute`. Two passes settle the offset across a DST change;
 * a time skipped by a spring-forward change maps to the instant one offset later (10:30 in a gap from 10:00 to 11:00
 * becomes 11:30), as most calendar programs do.
 */
export function wallClockToEpoch(date: IsoDate, minute: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const local = Date.UTC(year!, month! - 1, day!, 0, minute);
  const first = local - offsetAt(local, timeZone);
  return local - offsetAt(first, timeZone);
}

const knownZones = new Map<string, boolean>();

function isKnownTimeZone(timeZone: string): boolean {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    try {
      formatterFor(timeZone);
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(timeZone, known);
  }
  return known;
}

/**
 * The time zone a session's times are in: its room's location's when it has one the runtime knows, else the
 * portal's (sessions without a room, or in a location without a zone). A portal without a zone is on UTC.
 */
export function sessionTimeZone(locationTimeZone: string | null | undefined, portalTimeZone: string | null): string {
  if (locationTimeZone && isKnownTimeZone(locationTimeZone)) return locationTimeZone;
  return portalTimeZone || 'UTC';
}
