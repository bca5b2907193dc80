/** The outbox API's output schemas, shared with the webhook deliveries. */
import { Type } from '@sinclair/typebox';

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

/** Where a queued delivery is, as an object. */
export const QueueStateSchema = Type.Object(QueueStateProperties);

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
