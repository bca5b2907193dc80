/** The outbox's rows and attempt log as /lectern/v1 shows them (times in epoch milliseconds). */
import { type Static, Type } from '@sinclair/typebox';
import type { DeliveryAttemptTable, NotificationTable, QueuedDeliveryColumns } from '../../db/tables/notifications.ts';
import type { NotificationPayload } from '../../events/index.ts';

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** One attempt of an e-mail or webhook delivery. */
export const AttemptSchema = Type.Object({
  attempt: Type.Number(),
  at: Type.Number({ description: 'epoch milliseconds' }),
  outcome: Type.String({ description: 'sent or failed' }),
  statusCode: Nullable(Type.Number()),
  error: Nullable(Type.String()),
  durationMs: Type.Number(),
});

/** Where a queued e-mail or webhook delivery is (the same fields, in the same order, in both). */
export const QueueStateProperties = {
  status: Type.String({ description: 'pending, sending, sent, failed or skipped' }),
  attempts: Type.Number(),
  createdAt: Type.Number(),
  nextAttemptAt: Nullable(Type.Number()),
  sentAt: Nullable(Type.Number()),
  lastError: Nullable(Type.String()),
};
const QueueStateSchema = Type.Object(QueueStateProperties);

/** One e-mail of the outbox. */
export const NotificationSchema = Type.Object({
  notificationId: Type.String(),
  type: Type.String({ description: 'the versioned event name' }),
  erecno: Type.String(),
  email: Type.String(),
  reason: Type.String({ description: 'learner, trainer, courseAdmin, owner, sharedWith or suggestedTo' }),
  courseId: Type.String(),
  batchId: Nullable(Type.String()),
  subject: Type.Object({ kind: Type.String(), id: Type.String() }),
  invite: Nullable(Type.String({ description: 'REQUEST or CANCEL: the iCalendar invite attached' })),
  ...QueueStateProperties,
});

/** Presents an attempt. */
export function presentAttempt(row: DeliveryAttemptTable): Static<typeof AttemptSchema> {
  return {
    attempt: row.attempt,
    at: Number(row.at),
    outcome: row.outcome,
    statusCode: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
  };
}

/** Presents where a queued row is; the next attempt's time only while one is still to come. */
export function presentQueueState(row: QueuedDeliveryColumns): Static<typeof QueueStateSchema> {
  const waiting = row.status === 'pending' || row.status === 'sending';
  return {
    status: row.status,
    attempts: row.attempts,
    createdAt: Number(row.created_at),
    nextAttemptAt: waiting ? Number(row.next_attempt_at) : null,
    sentAt: row.sent_at === null ? null : Number(row.sent_at),
    lastError: row.last_error,
  };
}

/** Presents an outbox row. */
export function presentNotification(row: NotificationTable): Static<typeof NotificationSchema> {
  const payload = JSON.parse(row.payload) as NotificationPayload;
  return {
    notificationId: row.id,
    type: row.event_type,
    erecno: row.erecno,
    email: row.email,
    reason: row.reason,
    courseId: row.course_id,
    batchId: row.batch_id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    invite: payload.invite?.method ?? null,
    ...presentQueueState(row),
  };
}
