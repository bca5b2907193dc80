/**
 * The batch scheduler's recurrence: which calendar dates a rule makes a batch on, computed by rrule (RFC 5545
 * RRULEs) from Zoho's settings. Dates are `YYYY-MM-DD` texts (calendar dates, no time zone: the caller decides what
 * "today" is); rrule works on them as UTC midnights.
 *
 * - week: every `frequency` weeks (weeks start on Sunday, counted from the week of the start date), on
 *   `daysOfTheWeek` (1 = Sunday ... 7 = Saturday; default: the start date's weekday).
 * - month: every `frequency` months (counted from the start date's month), on `datesOfTheMonth` (1..31; months
 *   without that date are skipped, as in iCalendar), or on `daysOfTheWeek` in `weeksOfTheMonth` (1..4 = the nth such
 *   weekday, 5 = the last; no weeks = every such weekday); default: the start date's day of the month.
 * - year: every `frequency` years, in `monthsOfTheYear` (1..12; default: the start date's month), days as for month.
 */
import type * as Rrule from 'rrule';
import type { Options, Weekday } from 'rrule';
import type { IsoDate } from '../../dates.ts';
import { lazyRequire } from '../../lazy-require.ts';

// Loaded on the first rule worked out, not at start-up, where its evaluation cost ~15 ms.
const loadRrule = lazyRequire<typeof Rrule>('rrule');

/** The recurrence settings of one scheduler. */
export interface Recurrence {
  startDate: IsoDate;
  endDate: IsoDate;
  frequency: number;
  frequencyUnit: 'week' | 'month' | 'year';
  daysOfTheWeek: readonly number[];
  datesOfTheMonth: readonly number[];
  weeksOfTheMonth: readonly number[];
  monthsOfTheYear: readonly number[];
}

const dayMs = 86_400_000;

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!) / dayMs;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

const utcMidnight = (date: IsoDate) => new Date(dayNumber(date) * dayMs);
const dateOf = (instant: Date): IsoDate => instant.toISOString().slice(0, 10);

/** Zoho's weekday (1 = Sunday ... 7 = Saturday) as rrule's (Monday first). */
function weekdayOf(zohoDay: number): Weekday {
  const { RRule } = loadRrule();
  return [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA][zohoDay - 1]!;
}

/** The day-of-the-month part of a month or year rule: dates, nth (or last: 5) weekdays, else the start's date. */
function dayOfMonthPart(rule: Recurrence, start: Date): Partial<Options> {
  if (rule.datesOfTheMonth.length > 0) return { bymonthday: [...rule.datesOfTheMonth] };
  if (rule.daysOfTheWeek.length === 0 && rule.weeksOfTheMonth.length === 0) {
    return { bymonthday: [start.getUTCDate()] };
  }
  const weekdays =
    rule.daysOfTheWeek.length > 0 ? rule.daysOfTheWeek.map(weekdayOf) : [weekdayOf(start.getUTCDay() + 1)];
  if (rule.weeksOfTheMonth.length === 0) return { byweekday: weekdays };
  const nths = rule.weeksOfTheMonth.map((week) => (week === 5 ? -1 : week));
  return { byweekday: weekdays.flatMap((weekday) => nths.map((nth) => weekday.nth(nth))) };
}

// A rule is asked again and again for its next date (the runner's catch-up, the settings' checks): each is built
// once, keyed by its fields (settings objects are merged in place), and the cache is emptied past a bound.
const built = new Map<string, InstanceType<typeof Rrule.RRule>>();
const maxBuilt = 1000;

function keyOf(rule: Recurrence): string {
  return JSON.stringify([
    rule.startDate,
    rule.endDate,
    rule.frequency,
    rule.frequencyUnit,
    rule.daysOfTheWeek,
    rule.datesOfTheMonth,
    rule.weeksOfTheMonth,
    rule.monthsOfTheYear,
  ]);
}

/** The rule as an RRULE from its start date (DTSTART) to its end date (UNTIL), weeks starting on Sunday. */
function rruleOf(rule: Recurrence): InstanceType<typeof Rrule.RRule> {
  const { RRule } = loadRrule();
  const key = keyOf(rule);
  let made = built.get(key);
  if (made !== undefined) return made;
  const start = utcMidnight(rule.startDate);
  const common = { interval: rule.frequency, dtstart: start, until: utcMidnight(rule.endDate), wkst: RRule.SU };
  switch (rule.frequencyUnit) {
    case 'week': {
      const days = rule.daysOfTheWeek.length > 0 ? rule.daysOfTheWeek : [start.getUTCDay() + 1];
      made = new RRule({ ...common, freq: RRule.WEEKLY, byweekday: days.map(weekdayOf) });
      break;
    }
    case 'month':
      made = new RRule({ ...common, freq: RRule.MONTHLY, ...dayOfMonthPart(rule, start) });
      break;
    case 'year': {
      const months = rule.monthsOfTheYear.length > 0 ? [...rule.monthsOfTheYear] : [start.getUTCMonth() + 1];
      made = new RRule({ ...common, freq: RRule.YEARLY, bymonth: months, ...dayOfMonthPart(rule, start) });
      break;
    }
  }
  if (built.size >= maxBuilt) built.clear();
  built.set(key, made);
  return made;
}

/** True when the rule makes a batch starting on this date (inside its start and end dates). */
export function isOccurrence(rule: Recurrence, date: IsoDate): boolean {
  if (date < rule.startDate || date > rule.endDate) return false;
  const day = utcMidnight(date);
  return rruleOf(rule).between(day, day, true).length > 0;
}

/** The first occurrence on or after `from`, or null when the rule has none left before its end date. */
export function nextOccurrence(rule: Recurrence, from: IsoDate): IsoDate | null {
  if (from > rule.endDate) return null;
  const next = rruleOf(rule).after(utcMidnight(from < rule.startDate ? rule.startDate : from), true);
  return next === null ? null : dateOf(next);
}

/** How many batches the whole rule makes, counting no further than `limit + 1`. */
export function countOccurrences(rule: Recurrence, limit: number): number {
  // rrule stops at the first date the iterator refuses, so the walk is bounded by the limit, not by the rule.
  return rruleOf(rule).all((_, index) => index <= limit).length;
}
