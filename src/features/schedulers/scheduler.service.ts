/** The Batch Scheduler API's rules: create, read, list, update and delete the batch schedulers of blended courses. */
import type { Static } from '@sinclair/typebox';
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { addDays, dateInZone, type IsoDate, zohoDateText } from '../../dates.ts';
import type { BatchSchedulerTable, CourseTable, Db } from '../../db/database.ts';
import { invalidInput, LmsError, notFound, stateError } from '../../errors.ts';
import { blendedCourseType, requireBatch, requireBlendedCourse } from '../batches/index.ts';
import { loadForChange } from '../courses/index.ts';
import { portalTimeZone } from '../people/index.ts';
import * as repository from './scheduler.repository.ts';
import type { SchedulerDataInput } from './scheduler.schemas.ts';
import {
  bookmarkFrom,
  checkSettings,
  mergeSettings,
  recurrenceChanged,
  type SchedulerSettings,
  type SchedulerUpdate,
  settingsColumns,
  settingsOfRow,
} from './scheduler.settings.ts';

type SchedulerInput = Static<typeof SchedulerDataInput>;

/** For a write inside a transaction: the course (locked), which the caller must manage and which must be blended. */
async function loadBlendedForChange(
  context: AppContext,
  db: Db,
  caller: Caller,
  courseId: string,
): Promise<CourseTable> {
  const { course } = await loadForChange(context, db, caller, courseId);
  if (course.type !== blendedCourseType) {
    throw stateError('UNSUPPORTED_OPERATION', 'Batch schedulers exist only in blended learning courses (type 2)');
  }
  return course;
}

async function today(context: AppContext, db: Db, portalId: string): Promise<IsoDate> {
  return dateInZone(context.clock.now(), await portalTimeZone(db, portalId));
}

/** Locations must be the portal's, and the source batch a batch of this course (400 naming the parameter). */
async function checkReferences(
  db: Db,
  caller: Caller,
  courseId: string,
  settings: SchedulerSettings,
  sent: SchedulerUpdate,
) {
  if (sent.locations !== undefined) {
    const found = await repository.findLocationIds(db, caller.portalId, settings.locations);
    const missing = settings.locations.find((id) => !found.includes(id));
    if (missing !== undefined) throw invalidInput('batchSchedulerData.locations', `no location with id ${missing}`);
  }
  if (sent.sourceBatchId !== undefined && settings.sourceBatchId !== null) {
    try {
      await requireBatch(db, caller, courseId, settings.sourceBatchId);
    } catch (error) {
      if (!(error instanceof LmsError) || error.status !== 404) throw error;
      throw invalidInput(
        'batchSchedulerData.sourceBatchId',
        `no batch with id ${settings.sourceBatchId} in this course`,
      );
    }
  }
}

function refusePastStart(startDate: IsoDate, todayDate: IsoDate): void {
  if (startDate < todayDate) {
    throw invalidInput('batchSchedulerData.startDate', `must not be before today (${zohoDateText(todayDate)})`);
  }
}

/** Creates a scheduler; its first batch is its first occurrence on or after its start date. */
export async function createScheduler(
  context: AppContext,
  caller: Caller,
  courseId: string,
  input: SchedulerInput,
): Promise<BatchSchedulerTable> {
  const settings = mergeSettings(null, input);
  checkSettings(settings);
  return context.db.transaction().execute(async (trx) => {
    await loadBlendedForChange(context, trx, caller, courseId);
    refusePastStart(settings.startDate, await today(context, trx, caller.portalId));
    await checkReferences(trx, caller, courseId, settings, input);
    const now = context.clock.now();
    const row: BatchSchedulerTable = {
      id: context.ids.next(),
      portal_id: caller.portalId,
      course_id: courseId,
      ...settingsColumns(settings),
      ...bookmarkFrom(settings, settings.startDate),
      last_occurrence_date: null,
      batches_created: 0,
      created_by: caller.erecno,
      created_at: now,
      updated_at: now,
    };
    await repository.insertScheduler(trx, row);
    return row;
  });
}

/**
 * Applies a partial update. A changed recurrence applies from today on: the next batch is its first occurrence on
 * or after today, after the start date and after the last occurrence already handled, so no batch is made twice
 * and none is made for a day already gone.
 */
export async function updateScheduler(
  context: AppContext,
  caller: Caller,
  courseId: string,
  schedulerId: string,
  input: SchedulerUpdate,
): Promise<BatchSchedulerTable> {
  return context.db.transaction().execute(async (trx) => {
    await loadBlendedForChange(context, trx, caller, courseId);
    const row = await repository.findScheduler(trx, caller.portalId, courseId, schedulerId, context.dialect);
    if (row === undefined) throw notFound('batch scheduler', schedulerId);
    const before = settingsOfRow(row);
    const after = mergeSettings(before, input);
    checkSettings(after);
    const todayDate = await today(context, trx, caller.portalId);
    if (after.startDate !== before.startDate) refusePastStart(after.startDate, todayDate);
    await checkReferences(trx, caller, courseId, after, input);
    let bookmark = {
      next_occurrence_date: row.next_occurrence_date,
      next_run_date: row.next_occurrence_date === null ? null : addDays(row.next_occurrence_date, after.offset),
    };
    if (recurrenceChanged(before, after)) {
      const afterLast = row.last_occurrence_date === null ? after.startDate : addDays(row.last_occurrence_date, 1);
      bookmark = bookmarkFrom(after, [after.startDate, todayDate, afterLast].sort().at(-1)!);
    }
    const changes = { ...settingsColumns(after), ...bookmark, updated_at: context.clock.now() };
    await repository.updateScheduler(trx, schedulerId, changes);
    return { ...row, ...changes };
  });
}

/** Deletes a scheduler; the batches it made stay (and keep its id as their schedulerId). */
export async function deleteScheduler(
  context: AppContext,
  caller: Caller,
  courseId: string,
  schedulerId: string,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await loadBlendedForChange(context, trx, caller, courseId);
    const row = await repository.findScheduler(trx, caller.portalId, courseId, schedulerId, context.dialect);
    if (row === undefined) throw notFound('batch scheduler', schedulerId);
    await repository.deleteScheduler(trx, caller.portalId, schedulerId);
  });
}

/** One scheduler, for anyone who may see the (blended) course. */
export async function getScheduler(
  db: Db,
  caller: Caller,
  courseId: string,
  schedulerId: string,
): Promise<BatchSchedulerTable> {
  await requireBlendedCourse(db, caller, courseId);
  const row = await repository.findScheduler(db, caller.portalId, courseId, schedulerId);
  if (row === undefined) throw notFound('batch scheduler', schedulerId);
  return row;
}

/** A page of a course's schedulers, oldest first (one extra row to tell whether more exist). */
export async function listSchedulers(
  db: Db,
  caller: Caller,
  courseId: string,
  startIndex: number,
  limit: number,
): Promise<BatchSchedulerTable[]> {
  await requireBlendedCourse(db, caller, courseId);
  return repository.listSchedulers(db, caller.portalId, courseId, startIndex, limit);
}

/** Deletes every scheduler of a course, inside the caller's transaction (for deleting the course). */
export async function deleteCourseSchedulers(db: Db, portalId: string, courseId: string): Promise<void> {
  await repository.deleteCourseSchedulers(db, portalId, courseId);
}
