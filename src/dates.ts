/**
 * Zoho's date and time texts: `DD-MM-YYYY` (and `DD_MM_YYYY`) in, `22-Dec-2021` and `10:00 AM` out. Display dates
 * follow the portal's date format (portal settings), inside its requests through runInDateFormat.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DateTime } from 'luxon';
import { invalidInput } from './errors.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const zohoDate = /^(\d{2})[-_](\d{2})[-_](\d{4})$/;

/** A calendar date as `YYYY-MM-DD` (how Lectern stores dates: they sort and compare as text). */
export type IsoDate = string;

/** Parses `DD-MM-YYYY` or `DD_MM_YYYY` into `YYYY-MM-DD`, or throws 400 naming the parameter. */
export function parseZohoDate(value: unknown, parameter: string): IsoDate {
  const match = typeof value === 'string' ? zohoDate.exec(value.trim()) : null;
  if (match === null) throw invalidInput(parameter, `must be a date as DD-MM-YYYY, got ${JSON.stringify(value)}`);
  const [, day, month, year] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) {
    throw invalidInput(parameter, `is not a real date: ${JSON.stringify(value)}`);
  }
  return `${year}-${month}-${day}`;
}

/** The date formats a portal may choose for display dates; the first is Zoho's, and every portal's until changed. */
export const dateFormats = [
  'dd-MMM-yyyy',
  'dd-MM-yyyy',
  'MM-dd-yyyy',
  'yyyy-MM-dd',
  'dd/MM/yyyy',
  'MM/dd/yyyy',
  'dd.MM.yyyy',
  'MMM dd, yyyy',
] as const;

/** One of dateFormats. */
export type DateFormat = (typeof dateFormats)[number];

/** Zoho's display format (`22-Dec-2021`), what a portal shows until its settings say otherwise. */
export const defaultDateFormat: DateFormat = 'dd-MMM-yyyy';

/** True when the text is one of dateFormats. */
export function isDateFormat(value: unknown): value is DateFormat {
  return typeof value === 'string' && (dateFormats as readonly string[]).includes(value);
}

/** `2021-12-22` in a given format: `22-Dec-2021`, `12/22/2021`, `Dec 22, 2021` ... */
export function formatDate(date: IsoDate, format: DateFormat): string {
  const [year, month, day] = date.split('-');
  const monthName = months[Number(month) - 1]!;
  return format.replace(/yyyy|MMM|MM|dd/g, (token) => {
    if (token === 'yyyy') return year!;
    if (token === 'MMM') return monthName;
    if (token === 'MM') return month!;
    return day!;
  });
}

// The portal's date format inside a request of a portal that changed it; never entered for Zoho's default, so the
// portals that keep it pay nothing for the scope (as with the portal clock).
const dateFormatScope = new AsyncLocalStorage<DateFormat>();

/** Runs `task` (and all it awaits) with display dates in `format`. */
export function runInDateFormat<T>(format: DateFormat, task: () => T): T {
  if (format === defaultDateFormat && dateFormatScope.getStore() === undefined) return task();
  return dateFormatScope.run(format, task);
}

/** `2021-12-22` -> `22-Dec-2021` (or the calling portal's date format), as display strings read. */
export function displayDate(date: IsoDate): string {
  return formatDate(date, dateFormatScope.getStore() ?? defaultDateFormat);
}

/** `2021-12-22` -> `22-12-2021`, Zoho's input form, as links and modules echo `lockUntil`. */
export function zohoDateText(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

/** The longest duration a module, file or test may state, in minutes: a typo, not a plan, beyond that. */
export const maximumDurationMinutes = 1_000_000;

/** `10`, `"10"`, `"10 Mins"` or `"1 Min"` -> 10; null or `""` -> null; anything else is a 400 naming the parameter. */
export function parseZohoMinutes(value: unknown, parameter: string): number | null {
  if (value === null || value === '') return null;
  let minutes = Number.NaN;
  if (typeof value === 'number') minutes = value;
  else if (typeof value === 'string') {
    const match = /^\s*(\d+)\s*(mins?|minutes?)?\s*$/i.exec(value);
    if (match !== null) minutes = Number(match[1]);
  }
  if (!Number.isSafeInteger(minutes) || minutes < 1 || minutes > maximumDurationMinutes) {
    throw invalidInput(
      parameter,
      `must be a positive whole number of minutes (at most ${maximumDurationMinutes}), got ${JSON.stringify(value)}`,
    );
  }
  return minutes;
}

/** Parses a 12-hour time (`10:00 AM`, `9:5 pm` is refused) into minutes after midnight, or throws 400. */
export function parseTwelveHourTime(value: unknown, parameter: string): number {
  const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})\s*([AaPp][Mm])$/.exec(value.trim()) : null;
  if (match === null)
    throw invalidInput(parameter, `must be a 12-hour time such as 10:00 AM, got ${JSON.stringify(value)}`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour < 1 || hour > 12 || minute > 59)
    throw invalidInput(parameter, `is not a real time: ${JSON.stringify(value)}`);
  const pm = match[3]!.toLowerCase() === 'pm';
  return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
}

/** Minutes after midnight -> `10:00 AM`. */
export function twelveHourText(minutes: number): string {
  const hour24 = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${String(hour12).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${hour24 < 12 ? 'AM' : 'PM'}`;
}

/** The calendar date of an instant in a time zone, as `YYYY-MM-DD` (RangeError for a zone luxon does not know). */
export function dateInZone(epochMs: number, timeZone: string): IsoDate {
  const date = DateTime.fromMillis(epochMs, { zone: timeZone }).toISODate();
  if (date === null) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
  return date;
}

/** Adds whole days to a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/** IANA-shaped names only: Intl also takes offsets (`+05:30`), which are no place's zone. */
const zoneNamePattern = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * An IANA time zone name as the person wrote it, its case put right (`europe/paris` -> `Europe/Paris`), or null when
 * unknown. ICU resolves some current names to older ones (`Asia/Kolkata` -> `Asia/Calcutta`): those keep the name given.
 */
export function ianaTimeZone(name: string): string | null {
  if (name.length > 64 || !zoneNamePattern.test(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}
