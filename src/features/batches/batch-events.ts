/** The events of a batch's life, for recordEvents. */
import type { BatchTable } from '../../db/database.ts';
import type { LmsEvent } from '../../events/index.ts';

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
