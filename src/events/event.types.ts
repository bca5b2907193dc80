/**
 * Things that happen to learners, courses, batches and sessions. Services record them in the same transaction as
 * the change (record-events.ts); history, the notification outbox and webhooks are all fed from them.
 */

/** Versioned event names; webhooks carry them as they are. */
export type LmsEventType =
  | 'course.published.v1'
  | 'batch.published.v1'
  | 'learner.enrolled.v1'
  | 'learner.waitlisted.v1'
  | 'learner.promoted.v1'
  | 'learner.unenrolled.v1'
  | 'learner.removed.v1'
  | 'attendance.marked.v1'
  | 'marks.recorded.v1'
  | 'entity.completed.v1'
  | 'entity.reopened.v1'
  | 'module.completed.v1'
  | 'module.reopened.v1'
  | 'course.completed.v1'
  | 'course.reopened.v1'
  | 'session.created.v1'
  | 'session.updated.v1'
  | 'session.cancelled.v1';

/** What an event is about beyond its course and batch (a session, an entity, a module). */
export interface EventSubject {
  kind: 'course' | 'batch' | 'module' | 'session' | 'entity';
  id: string;
  /** Zoho's entity-type code when kind is 'entity'. */
  entityType?: number;
}

/** One thing that happened, as recorded with the change. */
export interface LmsEvent {
  type: LmsEventType;
  portalId: string;
  courseId: string;
  batchId: string | null;
  /** The learner the event is about; null for events about a course, batch or session as a whole. */
  erecno: string | null;
  /** Who caused it; null when Lectern did it by itself (the scheduler, a promotion by date). */
  by: string | null;
  /** Epoch milliseconds, from the injected clock. */
  at: number;
  subject: EventSubject;
  /** The learner's (or subject's) state before and after, e.g. {status:'waitlisted'} then {status:'enrolled'}. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** notifyApplicableUsers: the people concerned get an e-mail as well (webhooks get every event regardless). */
  notify: boolean;
}
