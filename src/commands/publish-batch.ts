/** Publish Batch (Zoho's Batch Action API): the whole command, one transaction, read top to bottom. */
import type { Caller } from '../access/index.ts';
import type { AppContext } from '../context.ts';
import type { BatchTable } from '../db/database.ts';
import { stateError } from '../errors.ts';
import { recordEvents } from '../events/index.ts';
import { batchPublishedEvent, changeBatchStatus, loadBatchForChange } from '../features/batches/index.ts';
import { countMandatoryContent } from '../features/progress/index.ts';
import { countBatchSessions } from '../features/sessions/index.ts';

/** A batch's state after an action, as the action answers it. */
export type BatchStatus = BatchTable['publish_status'];

/** Options of the publish action. */
export interface PublishOptions {
  /** notifyApplicableUsers (default true, as the Publish Batch page says). */
  notify: boolean;
}

/**
 * Publishes an unpublished batch that has a session and a mandatory file, link or content (checked in that order);
 * publishing a published batch changes nothing. Answers the batch's status afterwards.
 */
export function publishBatch(
  context: AppContext,
  caller: Caller,
  courseId: string,
  batchId: string,
  options: PublishOptions = { notify: true },
): Promise<BatchStatus> {
  return context.db.transaction().execute(async (trx) => {
    // Who may: the batch's course must be one the caller manages; the row stays locked to the end.
    const { course, batch } = await loadBatchForChange(context, trx, caller, courseId, batchId);

    // Where the batch stands.
    if (batch.publish_status === 'cancelled') {
      throw stateError('UNSUPPORTED_OPERATION', 'The batch is cancelled: a cancelled batch cannot be changed');
    }
    if (batch.publish_status === 'published') return batch.publish_status;
    if (batch.publish_status === 'completed') {
      throw stateError('UNSUPPORTED_OPERATION', 'The batch is completed: mark it as incomplete to reopen it');
    }

    // What a published batch needs: a session, then something mandatory to learn.
    if ((await countBatchSessions(trx, batch.id)) === 0) {
      throw stateError('NO_SESSION_FOUND_TO_PUBLISH', 'The batch has no session: add a session before publishing it');
    }
    if ((await countMandatoryContent(trx, batch.portal_id, batch.course_id, batch.id)) === 0) {
      throw stateError(
        'NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH',
        'The batch has no mandatory file, link or content: add one to a module before publishing it',
      );
    }

    // The write: the batch, its course's status, and the event (history, e-mails, webhooks) in the same transaction.
    const now = context.clock.now();
    await changeBatchStatus(trx, course, batch, 'published', now);
    await recordEvents(trx, context, [batchPublishedEvent(batch, caller.erecno, now, options.notify)]);
    return 'published';
  });
}
