/** Turns a scheduler row into Zoho's batchScheduler object (pure). */
import type { Static } from '@sinclair/typebox';
import { displayDate } from '../../dates.ts';
import type { BatchSchedulerTable } from '../../db/database.ts';
import type { SchedulerSchema } from './scheduler.schemas.ts';
import { settingsOfRow } from './scheduler.settings.ts';

/** Zoho's scheduler object. */
export type SchedulerObject = Static<typeof SchedulerSchema>;

const texts = (numbers: readonly number[]) => numbers.map(String);

/** The scheduler in the Fetch Batch Scheduler sample's keys, order and types. */
export function presentScheduler(row: BatchSchedulerTable): SchedulerObject {
  const settings = settingsOfRow(row);
  return {
    batchName: settings.batchName,
    frequencyUnit: settings.frequencyUnit,
    cloneType: settings.cloneType,
    schedulerId: row.id,
    publishBatchAutomatically: settings.publishAutomatically,
    // A number on the way out although "_" or "-" on the way in, as in the sample.
    batchNameSuffixSeparator: settings.separator === '-' ? 1 : 0,
    waitingTimeUnitForCancellation: settings.waitingTimeUnit,
    sourceBatch: settings.sourceBatchId,
    frequency: settings.frequency,
    offsetUnit: 'day',
    minimumCapacity: settings.minimumCapacity,
    maximumCapacity: settings.maximumCapacity,
    notifyClonedMembers: settings.notifyClonedMembers,
    notifyApplicaleUsers: settings.notifyApplicableUsers,
    courseId: row.course_id,
    monthsOfTheYear: texts(settings.monthsOfTheYear),
    batchNameSuffix: settings.batchNameSuffix,
    daysOfTheMonth: texts(settings.datesOfTheMonth),
    startDateAsDisplayString: displayDate(settings.startDate),
    offset: settings.offset,
    endDateAsDisplayString: displayDate(settings.endDate),
    cancelBatchWhenMinimumCapacityIsNotMet: settings.cancelWhenBelowMinimum,
    waitingTimeForCancellation: settings.waitingTime,
    allowWaitlisting: settings.allowWaitlisting,
    daysOfTheWeek: texts(settings.daysOfTheWeek),
    totalNumberOfBatchesCreated: row.batches_created,
    weeksOfTheMonth: texts(settings.weeksOfTheMonth),
    locations: settings.locations,
  };
}
