/**
 * The batch scheduler's recurrence: which calendar dates a rule makes a batch on. Pure date arithmetic on
 * `YYYY-MM-DD` texts (calendar dates, no time zone: the caller decides what "today" is).
 *
 * - week: every `frequency` weeks (weeks start on Sunday, counted from the week of the start date), on
 *   `daysOfTheWeek` (1 = Sunday ... 7 = Saturday; default: the start date's weekday).
 * - month: every `frequency` months (counted from the start date's month), on `datesOfTheMonth` (1..31; months
 *   without that date are skipped, as in iCalendar), or on `daysOfTheWeek` in `weeksOfTheMonth` (1..4 = the nth such
 *   weekday, 5 = the last; no weeks = every such weekday); default: the start date's day of the month.
 * - year: every `frequency` years, in `monthsOfTheYear` (1..12; default: the start date's month), days as for month.
 */
import type { IsoDate } from '../../dates.ts';

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

/** The date of a day number. */
function dateOf(day: number): IsoDate {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

interface Parts {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  /** 1 = Sunday ... 7 = Saturday (1970-01-01 was a Thursday). */
  weekday: number;
  /** Sunday-based week counter. */
  week: number;
  daysInMonth: number;
}

function partsOf(day: number): Parts {
  const date = new Date(day * dayMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return {
    year,
    month,
    day: date.getUTCDate(),
    weekday: ((day + 4) % 7) + 1,
    week: Math.floor((day + 4) / 7),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

/** True when the day matches the rule's day-of-the-month part (month and year rules). */
function matchesDayOfMonth(rule: Recurrence, date: Parts, start: Parts): boolean {
  if (rule.datesOfTheMonth.length > 0) return rule.datesOfTheMonth.includes(date.day);
  if (rule.daysOfTheWeek.length === 0 && rule.weeksOfTheMonth.length === 0) return date.day === start.day;
  const weekdays = rule.daysOfTheWeek.length > 0 ? rule.daysOfTheWeek : [start.weekday];
  if (!weekdays.includes(date.weekday)) return false;
  if (rule.weeksOfTheMonth.length === 0) return true;
  const nth = Math.ceil(date.day / 7);
  const isLast = date.day + 7 > date.daysInMonth;
  return rule.weeksOfTheMonth.some((week) => (week === 5 ? isLast : week === nth));
}

function matchesParts(rule: Recurrence, date: Parts, start: Parts): boolean {
  switch (rule.frequencyUnit) {
    case 'week': {
      const weekdays = rule.daysOfTheWeek.length > 0 ? rule.daysOfTheWeek : [start.weekday];
      return (date.week - start.week) % rule.frequency === 0 && weekdays.includes(date.weekday);
    }
    case 'month': {
      const months = (date.year - start.year) * 12 + date.month - start.month;
      return months % rule.frequency === 0 && matchesDayOfMonth(rule, date, start);
    }
    case 'year': {
      const months = rule.monthsOfTheYear.length > 0 ? rule.monthsOfTheYear : [start.month];
      return (
        (date.year - start.year) % rule.frequency === 0 &&
        months.includes(date.month) &&
        matchesDayOfMonth(rule, date, start)
      );
    }
  }
}

/** True when the rule makes a batch starting on this date (inside its start and end dates). */
export function isOccurrence(rule: Recurrence, date: IsoDate): boolean {
  if (date < rule.startDate || date > rule.endDate) return false;
  return matchesParts(rule, partsOf(dayNumber(date)), partsOf(dayNumber(rule.startDate)));
}

/** The first occurrence on or after `from`, or null when the rule has none left before its end date. */
export function nextOccurrence(rule: Recurrence, from: IsoDate): IsoDate | null {
  const start = partsOf(dayNumber(rule.startDate));
  const last = dayNumber(rule.endDate);
  // The rule's span is capped (scheduler.settings.ts), so this walk is at most a few thousand days.
  for (let day = Math.max(dayNumber(from), dayNumber(rule.startDate)); day <= last; day++) {
    if (matchesParts(rule, partsOf(day), start)) return dateOf(day);
  }
  return null;
}

/** How many batches the whole rule makes, counting no further than `limit + 1`. */
export function countOccurrences(rule: Recurrence, limit: number): number {
  let count = 0;
  let next = nextOccurrence(rule, rule.startDate);
  while (next !== null && count <= limit) {
    count++;
    next = nextOccurrence(rule, dateOf(dayNumber(next) + 1));
  }
  return count;
}
