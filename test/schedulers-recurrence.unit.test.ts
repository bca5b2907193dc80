/** The recurrence arithmetic, without a database. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/dates.ts';
import {
  countOccurrences,
  isOccurrence,
  nextOccurrence,
  type Recurrence,
} from '../src/features/schedulers/recurrence.ts';

const rule = (overrides: Partial<Recurrence>): Recurrence => ({
  startDate: '2026-01-05', // a Monday
  endDate: '2026-12-31',
  frequency: 1,
  frequencyUnit: 'week',
  daysOfTheWeek: [],
  datesOfTheMonth: [],
  weeksOfTheMonth: [],
  monthsOfTheYear: [],
  ...overrides,
});

/** The first `count` occurrences. */
function first(recurrence: Recurrence, count: number): string[] {
  const dates: string[] = [];
  let next = nextOccurrence(recurrence, recurrence.startDate);
  while (next !== null && dates.length < count) {
    dates.push(next);
    next = nextOccurrence(recurrence, addDays(next, 1));
  }
  return dates;
}

describe('weekly', () => {
  it('numbers weekdays 1 = Sunday ... 7 = Saturday', () => {
    expect(first(rule({ daysOfTheWeek: [1, 2, 6, 7] }), 4)).toEqual([
      '2026-01-05',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
    ]);
  });

  it('counts every nth week from the week (Sunday to Saturday) of the start date', () => {
    // Start on a Saturday: Sunday the 4th is in the same week, so the next week to use starts on the 18th.
    expect(first(rule({ startDate: '2026-01-10', frequency: 2, daysOfTheWeek: [1, 7] }), 4)).toEqual([
      '2026-01-10',
      '2026-01-18',
      '2026-01-24',
      '2026-02-01',
    ]);
  });

  it("defaults to the start date's weekday and stops at the end date", () => {
    expect(first(rule({ endDate: '2026-01-19' }), 10)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(isOccurrence(rule({}), '2026-01-12')).toBe(true);
    expect(isOccurrence(rule({}), '2025-12-29')).toBe(false);
  });
});

describe('monthly', () => {
  it('skips months without the date, as iCalendar does', () => {
    expect(first(rule({ frequencyUnit: 'month', datesOfTheMonth: [31] }), 3)).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
  });

  it("defaults to the start date's day of the month", () => {
    expect(first(rule({ frequencyUnit: 'month', frequency: 3 }), 3)).toEqual([
      '2026-01-05',
      '2026-04-05',
      '2026-07-05',
    ]);
  });

  it('takes the nth and the last weekday of the month', () => {
    // Second and last Tuesday.
    expect(first(rule({ frequencyUnit: 'month', daysOfTheWeek: [3], weeksOfTheMonth: [2, 5] }), 4)).toEqual([
      '2026-01-13',
      '2026-01-27',
      '2026-02-10',
      '2026-02-24',
    ]);
    // Every weekday given in every week given: second and last Tuesday and Friday.
    expect(first(rule({ frequencyUnit: 'month', daysOfTheWeek: [3, 6], weeksOfTheMonth: [2, 5] }), 4)).toEqual([
      '2026-01-09',
      '2026-01-13',
      '2026-01-27',
      '2026-01-30',
    ]);
  });

  it('takes every such weekday when no week is given', () => {
    expect(first(rule({ frequencyUnit: 'month', frequency: 2, daysOfTheWeek: [2] }), 6)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-03-02',
      '2026-03-09',
    ]);
  });
});

describe('yearly', () => {
  it('every second year in the given months, on the start date day by default', () => {
    expect(
      first(rule({ endDate: '2031-12-31', frequencyUnit: 'year', frequency: 2, monthsOfTheYear: [2, 11] }), 4),
    ).toEqual(['2026-02-05', '2026-11-05', '2028-02-05', '2028-11-05']);
  });

  it('29 February only in leap years', () => {
    expect(
      first(rule({ endDate: '2034-12-31', frequencyUnit: 'year', monthsOfTheYear: [2], datesOfTheMonth: [29] }), 3),
    ).toEqual(['2028-02-29', '2032-02-29']);
  });
});

describe('counting', () => {
  it('counts no further than the limit plus one', () => {
    expect(countOccurrences(rule({ daysOfTheWeek: [1, 2, 3, 4, 5, 6, 7] }), 10)).toBe(11);
    expect(countOccurrences(rule({ endDate: '2026-01-06', daysOfTheWeek: [6] }), 10)).toBe(0);
  });
});
