/** The outbox's rows and attempt log as /lectern/v1 shows them (times in epoch milliseconds). */
import type { Static } from '@sinclair/typebox';
import type { DeliveryAttemptTable, NotificationTable, QueuedDeliveryColumns } from '../../db/tables/notifications.ts';
import type { OutboxPayload } from '../../events/index.ts';
import type { AttemptSchema, NotificationSchema, QueueStateSchema } from './notification.schemas.ts';

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
  const payload = JSON.parse(row.payload) as OutboxPayload;
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
