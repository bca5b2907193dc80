/** Batch actions other than publishing (publish-batch.ts): unpublish, complete, reopen; one transaction each. */
import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import type { BatchTable, Db } from '../db/database.ts';
import { stateError } from '../errors.ts';
import { batchLearnerCount, changeBatchStatus, loadBatchForChange } from '../features/batches/index.ts';
import { countWaiting } from '../features/seats/index.ts';
import type { BatchStatus } from './publish-batch.ts';

export type { BatchStatus } from './publish-batch.ts';

type Transition = (db: Db, batch: BatchTable) => Promise<BatchStatus | 'unchanged'>;

/** Runs one action: loads and locks the batch, refuses cancelled batches, applies the transition. */
async function act(
  context: AppContext,
  caller: Caller,
  ids: { courseId: string; batchId: string },
  transition: Transition,
): Promise<BatchStatus> {
  return context.db.transaction().execute(async (trx) => {
    const { course, batch } = await loadBatchForChange(context, trx, caller, ids.courseId, ids.batchId);
    if (batch.publish_status === 'cancelled') {
      throw stateError('UNSUPPORTED_OPERATION', 'The batch is cancelled: a cancelled batch cannot be changed');
    }
    const next = await transition(trx, batch);
    if (next === 'unchanged') return batch.publish_status;
    await changeBatchStatus(trx, course, batch, next, context.clock.now());
    return next;
  });
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
