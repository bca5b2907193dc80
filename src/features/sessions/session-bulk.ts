/**
 * What other features ask of sessions in bulk (re-exported by session.service.ts): counts, date ranges, cloning a
 * batch's sessions, deleting a batch's or some modules' sessions, and the lists behind calendars and trainer removal.
 * Each runs on the caller's transaction.
 */
import { addDays, type IsoDate } from '../../dates.ts';
import type { ClassSessionTable, Db } from '../../db/database.ts';
import type { IdGenerator } from '../../ids.ts';
import * as repository from './session.repository.ts';
import * as booking from './session-booking.repository.ts';

/** How many sessions a batch has (publishing a batch needs at least one). */
export async function countBatchSessions(db: Db, batchId: string): Promise<number> {
  return repository.countSessionsOfBatch(db, batchId);
}

/** Rows per insert: 18 columns each stays far below SQLite's 32766 bound variables. */
const insertChunk = 500;

/**
 * Copies a batch's sessions into the cloned modules of another batch (sessions of modules missing from the map are
 * skipped), dates and lock dates moved by `dayShift` days. Copies start at sequence 0 with no attendance; they are
 * not checked for booking clashes, so that a scheduler's run never fails on one. Answers how many were copied.
 */
export async function cloneBatchSessions(
  db: Db,
  options: {
    portalId: string;
    fromBatchId: string;
    toBatchId: string;
    moduleIdMap: ReadonlyMap<string, string>;
    dayShift: number;
    ids: IdGenerator;
    now: number;
  },
): Promise<number> {
  const { portalId, toBatchId, moduleIdMap, dayShift, ids, now } = options;
  const sources = await repository.findBatchSessions(db, portalId, options.fromBatchId);
  const copies: ClassSessionTable[] = sources
    .filter((source) => moduleIdMap.has(source.module_id))
    .map((source) => ({
      ...source,
      id: ids.next(),
      batch_id: toBatchId,
      module_id: moduleIdMap.get(source.module_id)!,
      date: addDays(source.date, dayShift),
      lock_until: source.lock_until === null ? null : addDays(source.lock_until, dayShift),
      sequence: 0,
      created_at: now,
      updated_at: now,
    }));
  for (let start = 0; start < copies.length; start += insertChunk) {
    await repository.insertSessions(db, copies.slice(start, start + insertChunk));
  }
  await syncTrainers(db, portalId, copies, now);
  return copies.length;
}

/** Re-derives the course trainer rows of the (course, trainer) pairs given. */
async function syncTrainers(
  db: Db,
  portalId: string,
  pairs: readonly { course_id: string; trainer_erecno: string }[],
  now: number,
): Promise<void> {
  const byCourse = new Map<string, string[]>();
  for (const pair of pairs)
    byCourse.set(pair.course_id, [...(byCourse.get(pair.course_id) ?? []), pair.trainer_erecno]);
  for (const [courseId, erecnos] of byCourse) {
    await booking.syncCourseTrainers(db, { portalId, courseId }, erecnos, null, now);
  }
}

async function deleteScope(db: Db, portalId: string, scope: repository.SessionScope, now: number): Promise<void> {
  const pairs = await repository.findTrainersOf(db, portalId, scope);
  await repository.deleteSessions(db, portalId, scope, now);
  await syncTrainers(db, portalId, pairs, now);
}

/** Deletes a batch's sessions and their attendance, and the course trainer rows no session supports any more. */
export async function deleteBatchSessions(db: Db, options: { portalId: string; batchId: string; now: number }) {
  await deleteScope(db, options.portalId, { batchId: options.batchId }, options.now);
}

/** Deletes the sessions of some modules and their attendance, and the trainer rows no session supports any more. */
export async function deleteModuleSessions(
  db: Db,
  options: { portalId: string; moduleIds: readonly string[]; now: number },
) {
  await deleteScope(db, options.portalId, { moduleIds: options.moduleIds }, options.now);
}

/**
 * Sessions of a trainer, room, batch or learner for a calendar feed: without a window every one of batches not
 * cancelled; with one, those dated inside it (cancelled batches' too, with `batch_status`).
 */
export async function listFeedSessions(
  db: Db,
  portalId: string,
  owner: booking.FeedOwner,
  window?: booking.FeedWindow,
) {
  return booking.listFeedSessions(db, portalId, owner, window);
}

/** Deleted sessions of a feed's owner, as they last were (see session_cancellations). */
export async function listCancelledFeedSessions(
  db: Db,
  portalId: string,
  owner: booking.FeedOwner,
  window: booking.FeedWindow & { since: number },
) {
  return booking.listCancelledFeedSessions(db, portalId, owner, window);
}

/** Whether a batch is the portal's and whether the person trains one of its sessions; undefined for no such batch. */
export async function findBatchTrainer(db: Db, portalId: string, batchId: string, erecno: string) {
  return booking.findBatchTrainer(db, portalId, batchId, erecno);
}

/** A trainer's first session on or after a date and how many there are from then on (cancelled batches left out). */
export async function findNextSessionOfTrainer(db: Db, portalId: string, erecno: string, fromDate: IsoDate) {
  const next = await booking.findNextSessionOfTrainer(db, portalId, erecno, fromDate);
  return next === undefined ? undefined : { ...next, upcoming: Number(next.upcoming ?? 0) };
}
