/** The events of a session's life (created, updated in a way a calendar shows, cancelled), for recordEvents. */
import { twelveHourText, zohoDateText } from '../../dates.ts';
import type { BatchTable, ClassSessionTable } from '../../db/database.ts';
import type { LmsEvent } from '../../events/index.ts';

/** A session's type names, as the session object shows them. */
const typeNames = ['Classroom', 'E-learning'];

/** What a calendar invite shows of a session, in the session object's words. */
export function sessionState(session: ClassSessionTable): Record<string, unknown> {
  return {
    sessionName: session.name,
    description: session.description,
    sessionType: typeNames[session.session_type === 1 ? 1 : 0],
    sessionStartDate: zohoDateText(session.date),
    sessionStartTime: twelveHourText(session.start_minute),
    sessionEndTime: twelveHourText(session.end_minute),
    trainerErecno: session.trainer_erecno,
    roomId: session.room_id ?? '',
    sequence: session.sequence,
  };
}

/**
 * One session event. People are told (notify) only when the caller asked for it (notifyApplicableUsers, default
 * true) and the batch is published: an unpublished batch has nobody to tell yet.
 */
export function sessionEvent(
  type: 'session.created.v1' | 'session.updated.v1' | 'session.cancelled.v1',
  change: {
    batch: BatchTable;
    before: ClassSessionTable | null;
    after: ClassSessionTable | null;
    by: string;
    at: number;
    notify: boolean;
  },
): LmsEvent {
  const session = (change.after ?? change.before)!;
  return {
    type,
    portalId: session.portal_id,
    courseId: session.course_id,
    batchId: session.batch_id,
    erecno: null,
    by: change.by,
    at: change.at,
    subject: { kind: 'session', id: session.id },
    before: change.before === null ? null : sessionState(change.before),
    after: change.after === null ? null : sessionState(change.after),
    notify: change.notify && change.batch.publish_status === 'published',
  };
}
