/**
 * The scheduler tick: makes every batch a scheduler's recurrence has made due by today (the portal's today), and
 * cancels published batches still below their minimum capacity once their waiting time has run out.
 */

import { type PortalTime, serverTime } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { addDays, dateInZone, type IsoDate } from '../../dates.ts';
import type { BatchSchedulerTable, BatchTable, Db } from '../../db/database.ts';
import { recordEvents } from '../../events/index.ts';
import { type PeriodicTask, type PeriodicTaskLog, startPeriodicTask } from '../../periodic-task.ts';
import { batchPublishedEvent, blendedCourseType, countBatchLearners, syncCoursePublication } from '../batches/index.ts';
import { cloneModuleEntities } from '../entities/index.ts';
import { cloneModuleTree } from '../modules/index.ts';
import { countMandatoryContent } from '../progress/index.ts';
import { cloneBatchSessions, countBatchSessions } from '../sessions/index.ts';
import { daysBetween, nextOccurrence } from './recurrence.ts';
import type { PortalFilter } from './scheduler.repository.ts';
import * as repository from './scheduler.repository.ts';
import { batchRuleColumns, type SchedulerSettings, settingsOfRow } from './scheduler.settings.ts';

/** What one tick did. */
export interface TickResult {
  batchesCreated: number;
  batchesCancelled: number;
}

/** Options of a tick. */
export interface TickOptions {
  /** Called for a scheduler whose transaction failed; without it the first failure is thrown after the tick. */
  onSchedulerError?: (schedulerId: string, error: unknown) => void;
}

/** Batches one scheduler makes in one tick at most; a rule further behind catches up over the next ticks. */
const maxBatchesPerTick = 100;
/** Ids per cancelling statement, well inside both engines' bound-parameter limits. */
const cancelChunk = 500;

interface Occurrence {
  row: BatchSchedulerTable;
  settings: SchedulerSettings;
  source: { id: string; start_date: string; end_date: string } | undefined;
  startDate: IsoDate;
  endDate: IsoDate;
  number: number;
  now: number;
}

/** Makes one batch (cloned and published as the scheduler says); answers whether it was published. */
async function makeBatch(context: AppContext, db: Db, occurrence: Occurrence): Promise<boolean> {
  const { row, settings, source, now } = occurrence;
  const batch: BatchTable = {
    id: context.ids.next(),
    portal_id: row.portal_id,
    course_id: row.course_id,
    name: `${settings.batchName}${settings.separator}${occurrence.number}`,
    start_date: occurrence.startDate,
    end_date: occurrence.endDate,
    ...batchRuleColumns(settings),
    publish_status: 'unpublished',
    scheduler_id: row.id,
    created_at: now,
    updated_at: now,
    published_at: null,
  };
  await repository.insertBatch(db, batch);
  if (source !== undefined && settings.cloneType >= 1) {
    const common = { portalId: row.portal_id, fromBatchId: source.id, toBatchId: batch.id, ids: context.ids, now };
    const moduleIdMap = await cloneModuleTree(db, common);
    // A module tree is copied with what its modules hold (files, contents, links, tests, assignments).
    await cloneModuleEntities(db, { ...common, moduleIdMap });
    if (settings.cloneType >= 2 && moduleIdMap.size > 0) {
      const dayShift = daysBetween(source.start_date, occurrence.startDate);
      await cloneBatchSessions(db, { ...common, moduleIdMap, dayShift });
    }
  }
  // The same rules as Publish Batch: a batch without a session, or without a mandatory file, link or content, stays
  // unpublished rather than failing the tick.
  if (!settings.publishAutomatically || (await countBatchSessions(db, batch.id)) === 0) return false;
  if ((await countMandatoryContent(db, row.portal_id, row.course_id, batch.id)) === 0) return false;
  await repository.publishBatch(db, batch.id, now);
  // Lectern published it by itself: no one is `by`; the rule's notifyApplicableUsers decides the e-mails.
  await recordEvents(db, context, [batchPublishedEvent(batch, null, now, settings.notifyApplicableUsers)]);
  return true;
}

/** Makes a scheduler's due batches in one transaction, with the row locked; answers how many it made. */
async function runScheduler(context: AppContext, schedulerId: string, today: IsoDate, now: number): Promise<number> {
  return context.db.transaction().execute(async (trx) => {
    // Re-read under the lock: another process may have made these batches since the candidates were listed.
    const row = await repository.lockScheduler(trx, schedulerId, context.dialect);
    if (row === undefined || row.next_run_date === null || row.next_run_date > today) return 0;
    const settings = settingsOfRow(row);
    const source =
      settings.sourceBatchId === null
        ? undefined
        : await repository.findBatchDates(trx, row.portal_id, row.course_id, settings.sourceBatchId);
    // A batch lasts as long as its source batch; without one (or once the source is deleted) one day.
    const lengthDays = source === undefined ? 0 : daysBetween(source.start_date, source.end_date);
    let occurrence = row.next_occurrence_date;
    let last = row.last_occurrence_date;
    let number = row.batches_created;
    let made = 0;
    let published = false;
    while (occurrence !== null && addDays(occurrence, settings.offset) <= today && made < maxBatchesPerTick) {
      const endDate = addDays(occurrence, lengthDays);
      // A batch missed while Lectern was not running is still made if it has not ended yet; one already over is not.
      if (endDate >= today) {
        number += 1;
        made += 1;
        const madePublished = await makeBatch(context, trx, {
          row,
          settings,
          source,
          startDate: occurrence,
          endDate,
          number,
          now,
        });
        published ||= madePublished;
      }
      last = occurrence;
      occurrence = nextOccurrence(settings, addDays(occurrence, 1));
    }
    await repository.updateScheduler(trx, schedulerId, {
      next_occurrence_date: occurrence,
      next_run_date: occurrence === null ? null : addDays(occurrence, settings.offset),
      last_occurrence_date: last,
      batches_created: number,
    });
    if (published) {
      const [course] = await repository.findCourses(trx, [row.course_id]);
      if (course !== undefined) await syncCoursePublication(trx, course, now);
    }
    return made;
  });
}

/**
 * Cancels published batches that cancel themselves below their minimum capacity: on and after the day
 * `waitingTimeForCancellation` days before the batch's start date, and until its end date, a batch with fewer
 * learners than its minimum is cancelled. One transaction.
 */
async function cancelUnderfilledBatches(context: AppContext, now: number, portals: PortalFilter): Promise<number> {
  return context.db.transaction().execute(async (trx) => {
    // No portal's today is earlier than UTC's yesterday; the exact day is checked per portal below.
    const candidates = await repository.findCancellationCandidates(trx, addDays(dateInZone(now, 'UTC'), -1), portals);
    if (candidates.length === 0) return 0;
    const learners = await countBatchLearners(
      trx,
      candidates.map((candidate) => candidate.id),
    );
    const due = candidates.filter((candidate) => {
      const today = dateInZone(now, candidate.time_zone);
      const cancelFrom = addDays(candidate.start_date, -(candidate.waiting_time_for_cancellation ?? 0));
      const below = (learners.get(candidate.id) ?? 0) < candidate.minimum_capacity;
      return below && cancelFrom <= today && today <= candidate.end_date;
    });
    let cancelled = 0;
    for (let index = 0; index < due.length; index += cancelChunk) {
      const ids = due.slice(index, index + cancelChunk).map((candidate) => candidate.id);
      cancelled += await repository.cancelBatches(trx, ids, now);
    }
    // A cancelled batch no longer keeps its course published.
    const courses = await repository.findCourses(trx, [...new Set(due.map((candidate) => candidate.course_id))]);
    for (const course of courses) await syncCoursePublication(trx, course, now);
    return cancelled;
  });
}

/**
 * One tick: makes the due batches of every scheduler, then cancels underfilled batches. Idempotent. Portals whose
 * clock the control room set get a pass of their own on their time; the rest share one pass on the server's.
 */
export async function runSchedulerTick(context: AppContext, options: TickOptions = {}): Promise<TickResult> {
  const ownTimes = await repository.findPortalsOnOwnTime(context.db);
  const result: TickResult = { batchesCreated: 0, batchesCancelled: 0 };
  const errors: unknown[] = [];
  const passes: { portals: PortalFilter; time: PortalTime }[] = [
    { portals: { except: ownTimes.map((portal) => portal.id) }, time: serverTime },
    ...ownTimes.map((portal) => ({ portals: { only: portal.id }, time: portal.time })),
  ];
  for (const pass of passes) {
    try {
      const done = await context.clock.runIn(pass.time, () => tickPass(context, pass.portals, options));
      result.batchesCreated += done.batchesCreated;
      result.batchesCancelled += done.batchesCancelled;
    } catch (error) {
      // One portal's failure must not stop the others' passes.
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
  return result;
}

async function tickPass(context: AppContext, portals: PortalFilter, options: TickOptions): Promise<TickResult> {
  const now = context.clock.now();
  // No time zone's today is later than UTC's tomorrow (UTC+14 at most); each portal's own today is used below.
  const untilDate = addDays(dateInZone(now, 'UTC'), 1);
  const due = await repository.findDueSchedulers(context.db, untilDate, blendedCourseType, portals);
  let batchesCreated = 0;
  let firstError: { error: unknown } | undefined;
  for (const scheduler of due) {
    try {
      batchesCreated += await runScheduler(context, scheduler.id, dateInZone(now, scheduler.time_zone), now);
    } catch (error) {
      // One broken rule must not stop the others (its transaction wrote nothing).
      if (options.onSchedulerError) options.onSchedulerError(scheduler.id, error);
      else firstError ??= { error };
    }
  }
  const batchesCancelled = await cancelUnderfilledBatches(context, now, portals);
  if (firstError !== undefined) throw firstError.error;
  return { batchesCreated, batchesCancelled };
}

/** Where the timer reports (a pino logger fits). */
export type TickLog = PeriodicTaskLog;

/**
 * Runs a tick now and then every `intervalMs`, never two at once. The timer does not keep the process alive;
 * errors are logged, never thrown. stop() clears it and waits for a running tick to finish.
 */
export function startSchedulerTimer(context: AppContext, options: { intervalMs: number; log: TickLog }): PeriodicTask {
  const { intervalMs, log } = options;
  const onSchedulerError = (schedulerId: string, error: unknown) =>
    log.error({ err: error, schedulerId }, 'batch scheduler failed; it is retried at the next tick');
  const tick = async () => {
    const result = await runSchedulerTick(context, { onSchedulerError });
    if (result.batchesCreated > 0 || result.batchesCancelled > 0) log.info(result, 'batch scheduler tick');
  };
  return startPeriodicTask(tick, { intervalMs, log, failureMessage: 'batch scheduler tick failed' });
}
