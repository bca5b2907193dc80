/** Batch actions: publish, unpublish, mark as complete, mark as incomplete. Each is one transaction. */
import type { AppContext } from '../../context.ts';
import type { BatchTable, CourseTable, Db } from '../../db/database.ts';
import { stateError } from '../../errors.ts';
import { countMandatoryContent } from '../entities/entity.service.ts';
import type { LmsEvent } from '../events/event.types.ts';
import { recordEvents } from '../events/record-events.ts';
import type { Caller } from '../people/caller.ts';
import { countWaiting } from '../seats/seat.service.ts';
import { countBatchSessions } from '../sessions/session.service.ts';
import * as repository from './batch.repository.ts';
import { batchLearnerCount, syncCoursePublication } from './batch.service.ts';
import { loadBatchForChange } from './batch-access.service.ts';

/** A batch's state after an action, as the action answers it. */
export type BatchStatus = BatchTable['publish_status'];

type Transition = (db: Db, batch: BatchTable) => Promise<BatchStatus | 'unchanged'>;

/** Options of the publish action. */
export interface PublishOptions {
  /** notifyApplicableUsers (default true, as the Publish Batch page says). */
  notify: boolean;
}

/** The event of a batch going from unpublished to published (by the caller, or by its scheduler when by is null). */
export function batchPublishedEvent(batch: BatchTable, by: string | null, at: number, notify: boolean): LmsEvent {
  return {
    type: 'batch.published.v1',
    portalId: batch.portal_id,
    courseId: batch.course_id,
    batchId: batch.id,
    erecno: null,
    by,
    at,
    subject: { kind: 'batch', id: batch.id },
    before: { status: batch.publish_status },
    after: { status: 'published' },
    notify,
  };
}

/** Runs one action: loads and locks the batch, refuses cancelled batches, applies the transition. */
async function act(
  context: AppContext,
  caller: Caller,
  ids: { courseId: string; batchId: string },
  transition: Transition,
  options: PublishOptions = { notify: true },
): Promise<BatchStatus> {
  return context.db.transaction().execute(async (trx) => {
    const { course, batch } = await loadBatchForChange(context, trx, caller, ids.courseId, ids.batchId);
    if (batch.publish_status === 'cancelled') {
      throw stateError('UNSUPPORTED_OPERATION', 'The batch is cancelled: a cancelled batch cannot be changed');
    }
    const next = await transition(trx, batch);
    if (next === 'unchanged') return batch.publish_status;
    await write(context, trx, course, batch, next);
    if (next === 'published' && batch.publish_status === 'unpublished') {
      await recordEvents(trx, context, [
        batchPublishedEvent(batch, caller.erecno, context.clock.now(), options.notify),
      ]);
    }
    return next;
  });
}

async function write(context: AppContext, db: Db, course: CourseTable, batch: BatchTable, next: BatchStatus) {
  const now = context.clock.now();
  const changes: Partial<BatchTable> = { publish_status: next, updated_at: now };
  if (next === 'published' && batch.publish_status === 'unpublished') changes.published_at = now;
  await repository.updateBatch(db, course.portal_id, batch.id, changes);
  await syncCoursePublication(db, course, now);
}

/**
 * Publishes an unpublished batch that has a session and a mandatory file, link or content (checked in that order);
 * publishing a published batch changes nothing.
 */
export function publishBatch(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string,
  options: PublishOptions = { notify: true },
) {
  const publish: Transition = async (db, batch) => {
    if (batch.publish_status === 'published') return 'unchanged';
    if (batch.publish_status === 'completed') {
      throw stateError('UNSUPPORTED_OPERATION', 'The batch is completed: mark it as incomplete to reopen it');
    }
    if ((await countBatchSessions(db, batch.id)) === 0) {
      throw stateError('NO_SESSION_FOUND_TO_PUBLISH', 'The batch has no session: add a session before publishing it');
    }
    if ((await countMandatoryContent(db, batch.portal_id, batch.course_id, batch.id)) === 0) {
      throw stateError(
        'NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH',
        'The batch has no mandatory file, link or content: add one to a module before publishing it',
      );
    }
    return 'published';
  };
  return act(context, caller, { courseId, batchId }, publish, options);
}

/** Returns a published batch to unpublished; refused while it has learners, enrolled or waiting. */
export function unpublishBatch(context: AppContext, caller: Caller, courseId: string, batchId: string) {
  return act(context, caller, { courseId, batchId }, async (db, batch) => {
    if (batch.publish_status === 'unpublished') throw stateError('UNSUPPORTED_OPERATION', 'The batch is not published');
    if (batch.publish_status === 'completed') {
      throw stateError('UNSUPPORTED_OPERATION', 'The batch is completed: mark it as incomplete before unpublishing it');
    }
    if ((await batchLearnerCount(db, batch.id)) > 0) {
      throw stateError('UNABLE_TO_UNPUBLISH_WITH_MEMBERS', 'The batch has learners: remove them before unpublishing');
    }
    // Waiting learners are members too: unpublishing must not drop their places silently.
    const waiting = await countWaiting(db, { portalId: batch.portal_id, courseId: batch.course_id, batchId: batch.id });
    if (waiting > 0) {
      throw stateError(
        'UNABLE_TO_UNPUBLISH_WITH_MEMBERS',
        `The batch has ${waiting} learner${waiting === 1 ? '' : 's'} on its waitlist: remove them before unpublishing`,
      );
    }
    return 'unpublished';
  });
}

/** Closes a published batch as completed; a second time is COURSE_ALREADY_COMPLETED. */
export function completeBatch(context: AppContext, caller: Caller, courseId: string, batchId: string) {
  return act(context, caller, { courseId, batchId }, async (_db, batch) => {
    if (batch.publish_status === 'completed') {
      throw stateError('COURSE_ALREADY_COMPLETED', 'The batch is already completed');
    }
    if (batch.publish_status === 'unpublished') {
      throw stateError('UNSUPPORTED_OPERATION', 'Only a published batch can be marked as complete: publish it first');
    }
    return 'completed';
  });
}

/** Reopens a completed batch: it is published again. */
export function reopenBatch(context: AppContext, caller: Caller, courseId: string, batchId: string) {
  return act(context, caller, { courseId, batchId }, async (_db, batch) => {
    if (batch.publish_status !== 'completed') {
      throw stateError('UNSUPPORTED_OPERATION', 'The batch is not completed, so it cannot be marked as incomplete');
    }
    return 'published';
  });
}
