/** A scheduler's settings: decoded from batchSchedulerData, merged over the stored ones, checked, and mapped to rows. */
import type { Static } from '@sinclair/typebox';
import { addDays, type IsoDate, parseZohoDate } from '../../dates.ts';
import type { BatchSchedulerTable } from '../../db/database.ts';
import { invalidInput, LmsError } from '../../errors.ts';
import { countOccurrences, daysBetween, nextOccurrence, type Recurrence } from './recurrence.ts';
import type { SchedulerUpdateInput } from './scheduler.schemas.ts';

/** batchSchedulerData after validation (create's mandatory keys are checked by its own schema). */
export type SchedulerUpdate = Static<typeof SchedulerUpdateInput>;

/** Every setting of a scheduler, typed. */
export interface SchedulerSettings extends Recurrence {
  batchName: string;
  offset: number;
  batchNameSuffix: string;
  separator: '_' | '-';
  minimumCapacity: number;
  maximumCapacity: number;
  locations: string[];
  allowWaitlisting: boolean;
  cancelWhenBelowMinimum: boolean;
  waitingTime: number;
  waitingTimeUnit: string;
  sourceBatchId: string | null;
  cloneType: number;
  publishAutomatically: boolean;
  notifyApplicableUsers: boolean;
  notifyClonedMembers: boolean;
}

/** Longest span from start date to end date a rule may cover (ten years), which bounds every date walk. */
export const maxSpanDays = 3653;
/** Most batches one rule may make. */
export const maxOccurrences = 1000;

const parameter = (key: string) => `batchSchedulerData.${key}`;

/** Reads a list of whole numbers in [min, max] (numbers or digit texts), without duplicates, in order. */
function numberList(value: unknown[], key: string, min: number, max: number): number[] {
  const numbers = value.map((item) => {
    const number = typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : item;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
      throw invalidInput(
        parameter(key),
        `every item must be a whole number from ${min} to ${max}, got ${JSON.stringify(item)}`,
      );
    }
    return number;
  });
  return [...new Set(numbers)].sort((a, b) => a - b);
}

const parseList = (row: string) => JSON.parse(row) as number[];

/** The settings stored in a row. */
export function settingsOfRow(row: BatchSchedulerTable): SchedulerSettings {
  return {
    batchName: row.batch_name,
    startDate: row.start_date,
    endDate: row.end_date,
    frequency: row.frequency,
    frequencyUnit: row.frequency_unit,
    daysOfTheWeek: parseList(row.days_of_the_week),
    datesOfTheMonth: parseList(row.dates_of_the_month),
    weeksOfTheMonth: parseList(row.weeks_of_the_month),
    monthsOfTheYear: parseList(row.months_of_the_year),
    offset: row.offset_days,
    batchNameSuffix: row.batch_name_suffix,
    separator: row.batch_name_separator,
    minimumCapacity: row.minimum_capacity,
    maximumCapacity: row.maximum_capacity,
    locations: JSON.parse(row.locations) as string[],
    allowWaitlisting: row.allow_waitlisting === 1,
    cancelWhenBelowMinimum: row.cancel_when_below_minimum === 1,
    waitingTime: row.waiting_time_for_cancellation,
    waitingTimeUnit: row.waiting_time_unit,
    sourceBatchId: row.source_batch_id,
    cloneType: row.clone_type,
    publishAutomatically: row.publish_automatically === 1,
    notifyApplicableUsers: row.notify_applicable_users === 1,
    notifyClonedMembers: row.notify_cloned_members === 1,
  };
}

/** The settings a new scheduler starts from; create's mandatory keys (checked by its schema) replace the blanks. */
function defaults(): SchedulerSettings {
  return {
    batchName: '',
    startDate: '',
    endDate: '',
    frequency: 1,
    frequencyUnit: 'week',
    daysOfTheWeek: [],
    datesOfTheMonth: [],
    weeksOfTheMonth: [],
    monthsOfTheYear: [],
    offset: 0,
    batchNameSuffix: 'number',
    separator: '_',
    minimumCapacity: 0,
    maximumCapacity: 0,
    locations: [],
    allowWaitlisting: false,
    cancelWhenBelowMinimum: false,
    waitingTime: 0,
    waitingTimeUnit: 'day',
    sourceBatchId: null,
    cloneType: 0,
    publishAutomatically: false,
    notifyApplicableUsers: false,
    notifyClonedMembers: false,
  };
}

/** The input laid over the stored settings (or over the defaults when creating). Dates are parsed here. */
export function mergeSettings(current: SchedulerSettings | null, input: SchedulerUpdate): SchedulerSettings {
  const base = current ?? defaults();
  const merged: SchedulerSettings = { ...base };
  if (input.batchName !== undefined) merged.batchName = input.batchName.trim();
  if (input.startDate !== undefined) merged.startDate = parseZohoDate(input.startDate, parameter('startDate'));
  if (input.endDate !== undefined) merged.endDate = parseZohoDate(input.endDate, parameter('endDate'));
  if (input.frequency !== undefined) merged.frequency = input.frequency;
  if (input.frequencyUnit !== undefined) merged.frequencyUnit = input.frequencyUnit;
  if (input.daysOfTheWeek !== undefined) merged.daysOfTheWeek = numberList(input.daysOfTheWeek, 'daysOfTheWeek', 1, 7);
  if (input.datesOfTheMonth !== undefined)
    merged.datesOfTheMonth = numberList(input.datesOfTheMonth, 'datesOfTheMonth', 1, 31);
  if (input.weeksOfTheMonth !== undefined)
    merged.weeksOfTheMonth = numberList(input.weeksOfTheMonth, 'weeksOfTheMonth', 1, 5);
  if (input.monthsOfTheYear !== undefined)
    merged.monthsOfTheYear = numberList(input.monthsOfTheYear, 'monthsOfTheYear', 1, 12);
  if (input.offset !== undefined) merged.offset = input.offset;
  if (input.batchNameSuffix !== undefined) merged.batchNameSuffix = input.batchNameSuffix;
  if (input.batchNameSuffixSeparator !== undefined) {
    const separator = input.batchNameSuffixSeparator;
    merged.separator = separator === 1 || separator === '-' ? '-' : '_';
  }
  if (input.minimumCapacity !== undefined) merged.minimumCapacity = input.minimumCapacity;
  if (input.maximumCapacity !== undefined) merged.maximumCapacity = input.maximumCapacity;
  if (input.locations !== undefined) merged.locations = [...new Set(input.locations)];
  if (input.allowWaitlisting !== undefined) merged.allowWaitlisting = input.allowWaitlisting;
  if (input.cancelBatchWhenMinimumCapacityIsNotMet !== undefined)
    merged.cancelWhenBelowMinimum = input.cancelBatchWhenMinimumCapacityIsNotMet;
  if (input.waitingTimeForCancellation !== undefined) merged.waitingTime = input.waitingTimeForCancellation;
  if (input.waitingTimeUnitForCancellation !== undefined) merged.waitingTimeUnit = input.waitingTimeUnitForCancellation;
  if (input.sourceBatchId !== undefined) {
    merged.sourceBatchId = input.sourceBatchId;
    // Naming a first source batch without a cloneType clones it whole ("make them like this one"); clearing the
    // source stops cloning. An explicit cloneType always wins.
    if (input.sourceBatchId === null) merged.cloneType = 0;
    else if (base.sourceBatchId === null) merged.cloneType = 2;
  }
  if (input.cloneType !== undefined) merged.cloneType = input.cloneType;
  if (input.publishBatchAutomatically !== undefined) merged.publishAutomatically = input.publishBatchAutomatically;
  if (input.notifyApplicableUsers !== undefined) merged.notifyApplicableUsers = input.notifyApplicableUsers;
  if (input.notifyClonedMembers !== undefined) merged.notifyClonedMembers = input.notifyClonedMembers;
  return merged;
}

/** Refuses day lists that the frequency unit does not use, so that a rule never silently means something else. */
function checkListsFitUnit(settings: SchedulerSettings): void {
  const unused = (key: keyof SchedulerSettings, units: string) => {
    throw invalidInput(
      parameter(key),
      `applies only to ${units} rules; send [] with frequencyUnit ${settings.frequencyUnit}`,
    );
  };
  if (settings.frequencyUnit === 'week') {
    if (settings.datesOfTheMonth.length > 0) unused('datesOfTheMonth', 'month and year');
    if (settings.weeksOfTheMonth.length > 0) unused('weeksOfTheMonth', 'month and year');
    if (settings.monthsOfTheYear.length > 0) unused('monthsOfTheYear', 'year');
  } else if (settings.frequencyUnit === 'month' && settings.monthsOfTheYear.length > 0) {
    unused('monthsOfTheYear', 'year');
  }
  if (
    settings.datesOfTheMonth.length > 0 &&
    (settings.daysOfTheWeek.length > 0 || settings.weeksOfTheMonth.length > 0)
  ) {
    throw invalidInput(
      parameter('datesOfTheMonth'),
      'give either datesOfTheMonth or daysOfTheWeek with weeksOfTheMonth, not both',
    );
  }
}

/** Checks the merged settings as a whole: date order and span, capacities, clone source, and the recurrence. */
export function checkSettings(settings: SchedulerSettings): void {
  if (settings.endDate < settings.startDate) throw invalidInput(parameter('endDate'), 'must not be before startDate');
  if (daysBetween(settings.startDate, settings.endDate) > maxSpanDays) {
    throw invalidInput(parameter('endDate'), 'must be at most ten years after startDate');
  }
  if (settings.maximumCapacity < settings.minimumCapacity) {
    throw invalidInput(parameter('maximumCapacity'), 'must not be less than minimumCapacity');
  }
  if (settings.cloneType > 0 && settings.sourceBatchId === null) {
    throw new LmsError(
      400,
      'INPUT_PARAMETER_MISSING',
      `Input parameter missing: ${parameter('sourceBatchId')} is mandatory with cloneType ${settings.cloneType}`,
      parameter('sourceBatchId'),
    );
  }
  checkListsFitUnit(settings);
  const count = countOccurrences(settings, maxOccurrences);
  if (count === 0) throw invalidInput(parameter('endDate'), 'the rule makes no batch between startDate and endDate');
  if (count > maxOccurrences) {
    throw invalidInput(parameter('endDate'), `the rule would make more than ${maxOccurrences} batches`);
  }
}

/** True when two settings make batches on different dates. */
export function recurrenceChanged(before: SchedulerSettings, after: SchedulerSettings): boolean {
  const keys = [
    'startDate',
    'endDate',
    'frequency',
    'frequencyUnit',
    'daysOfTheWeek',
    'datesOfTheMonth',
    'weeksOfTheMonth',
    'monthsOfTheYear',
  ] as const;
  return keys.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** The runner's bookmark for a rule whose next batch is the first occurrence on or after `from`. */
export function bookmarkFrom(settings: SchedulerSettings, from: IsoDate) {
  const next = nextOccurrence(settings, from);
  return { next_occurrence_date: next, next_run_date: next === null ? null : addDays(next, settings.offset) };
}

/** The columns a scheduler's rule and the batches it makes share: capacity, locations, waitlist and auto-cancel. */
export function batchRuleColumns(settings: SchedulerSettings) {
  return {
    minimum_capacity: settings.minimumCapacity,
    maximum_capacity: settings.maximumCapacity,
    locations: JSON.stringify(settings.locations),
    allow_waitlisting: settings.allowWaitlisting ? 1 : 0,
    cancel_when_below_minimum: settings.cancelWhenBelowMinimum ? 1 : 0,
    waiting_time_for_cancellation: settings.waitingTime,
    waiting_time_unit: settings.waitingTimeUnit,
  };
}

/** The row columns that hold the settings. */
export function settingsColumns(settings: SchedulerSettings) {
  return {
    batch_name: settings.batchName,
    start_date: settings.startDate,
    end_date: settings.endDate,
    frequency: settings.frequency,
    frequency_unit: settings.frequencyUnit,
    days_of_the_week: JSON.stringify(settings.daysOfTheWeek),
    dates_of_the_month: JSON.stringify(settings.datesOfTheMonth),
    weeks_of_the_month: JSON.stringify(settings.weeksOfTheMonth),
    months_of_the_year: JSON.stringify(settings.monthsOfTheYear),
    offset_days: settings.offset,
    batch_name_suffix: settings.batchNameSuffix,
    batch_name_separator: settings.separator,
    ...batchRuleColumns(settings),
    source_batch_id: settings.sourceBatchId,
    clone_type: settings.cloneType,
    publish_automatically: settings.publishAutomatically ? 1 : 0,
    notify_applicable_users: settings.notifyApplicableUsers ? 1 : 0,
    notify_cloned_members: settings.notifyClonedMembers ? 1 : 0,
  } satisfies Partial<BatchSchedulerTable>;
}
