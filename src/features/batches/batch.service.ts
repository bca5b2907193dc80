/** The Batch API's rules: create, read, list, update and delete the batches of blended courses. */
import type { Static } from '@sinclair/typebox';
import { type Caller, CourseStatus } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { type IsoDate, parseZohoDate, zohoDateText } from '../../dates.ts';
import type { BatchTable, CourseTable, Db } from '../../db/database.ts';
import { invalidInput, stateError } from '../../errors.ts';
import { loadForChange, setCourseStatusFromBatches } from '../courses/index.ts';
import { loadProgressOfLearner } from '../progress/index.ts';
import { promoteWaiting } from '../seats/index.ts';
import type { BatchLocation, BatchView } from './batch.presenter.ts';
import { locationIdsOf } from './batch.presenter.ts';
import * as repository from './batch.repository.ts';
import type { BatchDataInput, BatchUpdateInput } from './batch.schemas.ts';
import {
  ensureBlended,
  loadBatchForChange,
  requireBatch,
  requireBlendedCourse,
  seesEveryBatch,
} from './batch-access.service.ts';

type BatchInput = Static<typeof BatchDataInput>;
type BatchUpdate = Static<typeof BatchUpdateInput>;

/** Learners enrolled (not waitlisted) in each of the given batches; a batch without learners counts 0. */
export async function countBatchLearners(db: Db, batchIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(batchIds.map((batchId) => [batchId, 0]));
  for (const row of await repository.countLearnersInStatus(db, batchIds, 'enrolled'))
    counts.set(row.batchId, row.count);
  return counts;
}

/** Learners enrolled (not waitlisted) in one batch. */
export async function batchLearnerCount(db: Db, batchId: string): Promise<number> {
  return (await countBatchLearners(db, [batchId])).get(batchId) ?? 0;
}

/**
 * Keeps a blended course's status in step with its batches: published while one of its batches is published or
 * completed, drafted otherwise (a blended course cannot be published through the course API). A disabled course
 * stays disabled. Call it inside the transaction that changed a batch's state.
 */
export async function syncCoursePublication(db: Db, course: CourseTable, now: number): Promise<void> {
  if (course.status === CourseStatus.disabled) return;
  const live = await repository.countBatchesInStatus(db, course.portal_id, course.id, repository.liveStatuses);
  const wanted = live > 0 ? CourseStatus.published : CourseStatus.drafted;
  if (course.status !== wanted) await setCourseStatusFromBatches(db, course, wanted, now);
}

/**
 * Moves a batch to `next` (stamping published_at when it leaves unpublished for published) and keeps its course's
 * status in step; inside the caller's transaction.
 */
export async function changeBatchStatus(
  db: Db,
  course: CourseTable,
  batch: BatchTable,
  next: BatchTable['publish_status'],
  now: number,
): Promise<void> {
  const changes: Partial<BatchTable> = { publish_status: next, updated_at: now };
  if (next === 'published' && batch.publish_status === 'unpublished') changes.published_at = now;
  await repository.updateBatch(db, course.portal_id, batch.id, changes);
  await syncCoursePublication(db, course, now);
}

/** Deletes every batch of a course with their modules, sessions and attendance (for deleting the course). */
export async function deleteCourseBatches(db: Db, portalId: string, courseId: string): Promise<void> {
  await repository.deleteCourseBatches(db, portalId, courseId);
}

/** The named locations of the portal, in the order given, or 400 naming the first unknown one. */
async function checkLocations(db: Db, portalId: string, locationIds: string[]): Promise<BatchLocation[]> {
  const found = await repository.findLocations(db, portalId, locationIds);
  return locationIds.map((id) => {
    const location = found.find((row) => row.id === id);
    if (location === undefined) throw invalidInput('batchData.locations', `no location with id ${id}`);
    return location;
  });
}

/** The rules across fields, on the batch as it will be stored; `sent` names the parameter the caller sent. */
function checkBatchRules(batch: BatchTable, sent: BatchUpdate): void {
  if (batch.end_date < batch.start_date) {
    const parameter = sent.endDate !== undefined ? 'endDate' : 'startDate';
    throw invalidInput(`batchData.${parameter}`, 'the end date must not be before the start date');
  }
  if (batch.minimum_capacity > batch.maximum_capacity) {
    const parameter = sent.minimumCapacity !== undefined ? 'minimumCapacity' : 'maximumCapacity';
    throw invalidInput(`batchData.${parameter}`, 'minimumCapacity must not be above maximumCapacity');
  }
}

/** Session dates must stay inside the batch's dates, as the sessions feature demands when sessions are made. */
async function checkSessionDates(db: Db, batch: BatchTable): Promise<void> {
  const range = await repository.findSessionDateRange(db, batch.id);
  if (range !== undefined && (range.first < batch.start_date || range.last > batch.end_date)) {
    throw stateError(
      'BATCH_DATE_AND_SESSION_DATE_MISMATCH',
      `The batch has sessions from ${zohoDateText(range.first)} to ${zohoDateText(range.last)}, outside its new dates`,
    );
  }
}

function date(value: string | undefined, parameter: string): IsoDate | undefined {
  return value === undefined ? undefined : parseZohoDate(value, `batchData.${parameter}`);
}

/** Views of several batches of one portal in a fixed number of queries. */
async function loadViews(db: Db, portalId: string, batches: BatchTable[]): Promise<BatchView[]> {
  const locationIds = [...new Set(batches.flatMap(locationIdsOf))];
  const batchIds = batches.map((batch) => batch.id);
  const [locations, learners, waiting] = await Promise.all([
    repository.findLocations(db, portalId, locationIds),
    countBatchLearners(db, batchIds),
    repository.countLearnersInStatus(db, batchIds, 'waitlisted'),
  ]);
  return batches.map((batch) => ({
    batch,
    learnersCount: learners.get(batch.id) ?? 0,
    waitlistedCount: waiting.find((row) => row.batchId === batch.id)?.count ?? 0,
    // A location deleted since the batch named it is left out rather than shown without a name.
    locations: locationIdsOf(batch).flatMap((id) => locations.filter((location) => location.id === id)),
  }));
}

/** Adds the caller's seat (or waitlist place) and progress to batch views: two queries, then one progress load. */
async function withCaller(context: AppContext, caller: Caller, views: BatchView[]): Promise<BatchView[]> {
  const seats = await repository.findSeatsOf(
    context.db,
    caller.erecno,
    views.map((view) => view.batch.id),
  );
  const enrolled = seats.filter((seat) => seat.status === 'enrolled');
  const progress =
    enrolled.length === 0
      ? []
      : await loadProgressOfLearner(
          context.db,
          context,
          caller.portalId,
          caller.erecno,
          enrolled.map((seat) => ({ portalId: caller.portalId, courseId: seat.courseId, batchId: seat.batchId })),
        );
  return views.map((view) => {
    const seat = seats.find((row) => row.batchId === view.batch.id);
    if (seat === undefined) return view;
    const mine = progress.find((entry) => entry.place.batchId === view.batch.id);
    return { ...view, caller: { status: seat.status, ...(mine === undefined ? {} : { progress: mine }) } };
  });
}

/** One batch as the caller may see it (reading follows the course's visibility), with the caller's own state. */
export async function getBatch(context: AppContext, caller: Caller, courseId: string, batchId: string) {
  const { batch } = await requireBatch(context.db, caller, courseId, batchId);
  const [view] = await withCaller(context, caller, await loadViews(context.db, caller.portalId, [batch]));
  return view!;
}

/** A page of a course's batches (one extra row to tell whether more exist). */
export async function listBatches(
  context: AppContext,
  caller: Caller,
  courseId: string,
  startIndex: number,
  limit: number,
): Promise<BatchView[]> {
  const view = await requireBlendedCourse(context.db, caller, courseId);
  const statuses = seesEveryBatch(caller, view) ? undefined : repository.liveStatuses;
  const batches = await repository.listBatches(
    context.db,
    { portalId: caller.portalId, courseId, statuses },
    startIndex,
    limit,
  );
  return withCaller(context, caller, await loadViews(context.db, caller.portalId, batches));
}

/** Creates an unpublished batch in a blended course the caller manages. */
export async function createBatch(
  context: AppContext,
  caller: Caller,
  courseId: string,
  input: BatchInput,
): Promise<BatchView> {
  const now = context.clock.now();
  const locationIds = [...new Set(input.locations ?? [])];
  const batch: BatchTable = {
    id: context.ids.next(),
    portal_id: caller.portalId,
    course_id: courseId,
    name: input.name.trim(),
    start_date: date(input.startDate, 'startDate')!,
    end_date: date(input.endDate, 'endDate')!,
    minimum_capacity: input.minimumCapacity,
    maximum_capacity: input.maximumCapacity,
    locations: JSON.stringify(locationIds),
    allow_waitlisting: input.allowWaitlisting ? 1 : 0,
    cancel_when_below_minimum: input.cancelBatchWhenMinimumCapacityIsNotMet ? 1 : 0,
    waiting_time_for_cancellation: input.waitingTimeForCancellation ?? 0,
    waiting_time_unit: input.waitingTimeUnitForCancellation ?? 'day',
    publish_status: 'unpublished',
    scheduler_id: null,
    created_at: now,
    updated_at: now,
    published_at: null,
  };
  checkBatchRules(batch, input);
  return context.db.transaction().execute(async (trx) => {
    const { course } = await loadForChange(context, trx, caller, courseId);
    ensureBlended(course);
    const locations = await checkLocations(trx, caller.portalId, locationIds);
    await repository.insertBatch(trx, batch);
    return { batch, learnersCount: 0, locations };
  });
}

/** Applies a partial update; fields not sent keep their values. */
export async function updateBatch(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string,
  input: BatchUpdate,
): Promise<BatchView> {
  const startDate = date(input.startDate, 'startDate');
  const endDate = date(input.endDate, 'endDate');
  return context.db.transaction().execute(async (trx) => {
    const { batch } = await loadBatchForChange(context, trx, caller, courseId, batchId);
    const changes: Partial<BatchTable> = { updated_at: context.clock.now() };
    if (input.name !== undefined) changes.name = input.name.trim();
    if (startDate !== undefined) changes.start_date = startDate;
    if (endDate !== undefined) changes.end_date = endDate;
    if (input.minimumCapacity !== undefined) changes.minimum_capacity = input.minimumCapacity;
    if (input.maximumCapacity !== undefined) changes.maximum_capacity = input.maximumCapacity;
    if (input.locations !== undefined) changes.locations = JSON.stringify([...new Set(input.locations)]);
    if (input.allowWaitlisting !== undefined) changes.allow_waitlisting = input.allowWaitlisting ? 1 : 0;
    if (input.cancelBatchWhenMinimumCapacityIsNotMet !== undefined) {
      changes.cancel_when_below_minimum = input.cancelBatchWhenMinimumCapacityIsNotMet ? 1 : 0;
    }
    if (input.waitingTimeForCancellation !== undefined) {
      changes.waiting_time_for_cancellation = input.waitingTimeForCancellation;
    }
    if (input.waitingTimeUnitForCancellation !== undefined) {
      changes.waiting_time_unit = input.waitingTimeUnitForCancellation;
    }
    const updated: BatchTable = { ...batch, ...changes };
    checkBatchRules(updated, input);
    if (startDate !== undefined || endDate !== undefined) await checkSessionDates(trx, updated);
    // Only locations sent now are checked: one deleted since the batch named it must not block other changes.
    if (input.locations !== undefined) await checkLocations(trx, caller.portalId, locationIdsOf(updated));
    await repository.updateBatch(trx, caller.portalId, batchId, changes);
    // A raised capacity seats the first waiting learners at once; a lowered one keeps every seat already taken.
    if (updated.maximum_capacity > batch.maximum_capacity) {
      const place = { portalId: caller.portalId, courseId, batchId };
      const seats = { capacity: updated.maximum_capacity, by: caller.erecno, notify: true };
      await promoteWaiting(trx, context, place, seats);
    }
    const [view] = await loadViews(trx, caller.portalId, [updated]);
    return view!;
  });
}

/** Deletes the batch row (caller's transaction; removals delete what it holds first). */
export async function deleteBatchRow(db: Db, portalId: string, batchId: string): Promise<void> {
  await repository.deleteBatch(db, portalId, batchId);
}
