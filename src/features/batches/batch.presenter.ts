/** Turns batch rows into Zoho's batch objects. Pure. */
import type { Static } from '@sinclair/typebox';
import { displayDate, zohoDateText } from '../../dates.ts';
import type { BatchTable } from '../../db/database.ts';
import { type LearnerProgress, progressDisplay } from '../progress/index.ts';
import type { BatchListItemSchema, BatchSchema } from './batch.schemas.ts';

/** A location a batch runs at. */
export interface BatchLocation {
  id: string;
  name: string;
}

/** Everything needed to present one batch. */
export interface BatchView {
  batch: BatchTable;
  learnersCount: number;
  /** The batch's locations, in the order they were sent. */
  locations: BatchLocation[];
  /** Learners waiting for a seat. */
  waitlistedCount?: number;
  /** The caller's own seat and progress in the batch (absent: neither enrolled nor waiting). */
  caller?: CallerInBatch;
}

/** The caller's place in a batch. */
export interface CallerInBatch {
  status: 'enrolled' | 'waitlisted';
  progress?: LearnerProgress;
}

/** The location ids stored on a batch, in order. */
export function locationIdsOf(batch: BatchTable): string[] {
  return JSON.parse(batch.locations) as string[];
}

function extras(view: BatchView) {
  const { batch } = view;
  return {
    startDate: zohoDateText(batch.start_date),
    endDate: zohoDateText(batch.end_date),
    locations: view.locations.map((location) => ({ locationId: location.id, name: location.name })),
    waitingTimeForCancellation: batch.waiting_time_for_cancellation ?? 0,
    waitingTimeUnitForCancellation: batch.waiting_time_unit ?? 'day',
    ...callerKeys(view),
  };
}

/** Lectern's per-caller keys: the caller's seat and progress in the batch. */
function callerKeys(view: BatchView) {
  const progress = view.caller?.status === 'enrolled' ? view.caller.progress : undefined;
  return {
    isUserEnrolled: view.caller?.status === 'enrolled',
    isUserWaitlisted: view.caller?.status === 'waitlisted',
    waitlistedCount: view.waitlistedCount ?? 0,
    hasUserStarted: progress?.hasStarted ?? false,
    hasUserCompleted: progress?.isCompleted ?? false,
    percentageOfProgress: progress?.percentage ?? 0,
    progressAsDisplayString: progressDisplay(progress ?? { completedCount: 0, totalCount: 0 }),
  };
}

/** Zoho's batch object of Fetch Single Batch (and of create and update). */
export function presentBatch(view: BatchView): Static<typeof BatchSchema> {
  const { batch } = view;
  return {
    learnersCount: view.learnersCount,
    startDateAsDisplayString: displayDate(batch.start_date),
    endDateAsDisplayString: displayDate(batch.end_date),
    name: batch.name,
    minimumCapacity: batch.minimum_capacity,
    cancelBatchWhenMinimumCapacityIsNotMet: batch.cancel_when_below_minimum === 1,
    maximumCapacity: batch.maximum_capacity,
    batchId: batch.id,
    courseId: batch.course_id,
    publishStatus: batch.publish_status,
    allowWaitlisting: batch.allow_waitlisting === 1,
    schedulerId: batch.scheduler_id ?? 0,
    ...extras(view),
  };
}

/** Zoho's batch object of Fetch Course Batch List. */
export function presentBatchListItem(view: BatchView): Static<typeof BatchListItemSchema> {
  const { batch } = view;
  return {
    learnersCount: view.learnersCount,
    startDateAsDisplayString: displayDate(batch.start_date),
    endDateAsDisplayString: displayDate(batch.end_date),
    name: batch.name,
    schedulerId: batch.scheduler_id ?? 0,
    minimumCapacity: batch.minimum_capacity,
    cancelBatchWhenMinimumCapacityIsNotMet: batch.cancel_when_below_minimum === 1,
    maximumCapacity: batch.maximum_capacity,
    batchId: batch.id,
    courseId: batch.course_id,
    publishStatus: batch.publish_status,
    allowWaitlisting: batch.allow_waitlisting === 1,
    ...extras(view),
  };
}
