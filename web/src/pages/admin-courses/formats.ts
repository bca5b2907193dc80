/** Conversions between the API's texts (DD-MM-YYYY, 10:00 AM) and the browser's inputs (YYYY-MM-DD, 10:00). */

/** `22-12-2026` to `2026-12-22`; '' for anything else. */
export function isoFromZoho(date: string): string {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(date.trim());
  return match === null ? '' : `${match[3]}-${match[2]}-${match[1]}`;
}

/** `2026-12-22` to `22-12-2026`. */
export function zohoFromIso(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

/** `10:00 AM` / `02:30 PM` to `10:00` / `14:30`; '' for anything else. */
export function time24FromZoho(time: string): string {
  const match = /^(\d{1,2}):(\d{2})\s*([AaPp][Mm])$/.exec(time.trim());
  if (match === null) return '';
  let hour = Number(match[1]) % 12;
  if (match[3]!.toUpperCase() === 'PM') hour += 12;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** `14:30` to `02:30 PM`. */
export function zohoFromTime24(time: string): string {
  const [hourText, minute] = time.split(':');
  const hour = Number(hourText);
  const half = hour >= 12 ? 'PM' : 'AM';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(twelve).padStart(2, '0')}:${minute} ${half}`;
}

/**
 * A calendar Date's day as `2026-12-22`. The calendars run in UTC as a plain wall clock (FullCalendar's
 * `timeZone="UTC"`): each session is placed at its own wall-clock time, wherever it is held and whatever the
 * browser's zone, so the UTC fields are that wall clock.
 */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar Date's wall-clock time as `14:30` (see isoDateOf). */
export function time24Of(date: Date): string {
  return date.toISOString().slice(11, 16);
}

/** A session's wall clock on a calendar running in UTC: `2026-12-22T14:30:00Z` from `22-12-2026` and `02:30 PM`. */
export function wallClockInstant(date: string, time: string): string {
  return `${isoFromZoho(date)}T${time24FromZoho(time)}:00Z`;
}

/**
 * The name of a zone at an instant, by the browser's own zone data (no offsets of our own): `CST (America/Chicago)`,
 * `GMT+5:30 (Asia/Kolkata)`, or just `UTC`; the IANA name alone without an instant.
 */
export function zoneLabel(timeZone: string, atMillis?: number): string {
  if (atMillis === undefined) return `(${timeZone})`;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(atMillis);
  const short = parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return short === timeZone ? short : `${short} (${timeZone})`;
}

/** A session's day and times as held, its zone named: `03-12-2026 09:00 AM–10:00 AM CST (America/Chicago)`. */
export function sessionWhenText(session: {
  sessionStartDate: string;
  sessionStartTime: string;
  sessionEndTime: string;
  timeZone: string;
  startMillis?: number;
}): string {
  const { sessionStartDate, sessionStartTime, sessionEndTime } = session;
  return `${sessionStartDate} ${sessionStartTime}–${sessionEndTime} ${zoneLabel(session.timeZone, session.startMillis)}`;
}

/** The course types the Course API takes. */
export const courseTypes = [
  { value: '1', label: 'Self paced' },
  { value: '2', label: 'Blended learning' },
  { value: '3', label: 'E-material' },
] as const;
