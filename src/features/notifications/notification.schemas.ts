/** The outbox API's output schemas, shared with the webhook deliveries. */
import { Type } from '@sinclair/typebox';
import { webhookEventTypes } from '../../events/index.ts';
import { successEnvelope } from '../../http/envelope.ts';
import { idParameter, startIndexParameter, textParameter } from '../../http/parameters.ts';
import { deliveryStatuses } from './notification.service.ts';

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

/** The querystring of listNotifications. */
export const listNotificationsQuery = Type.Object({
  erecno: idParameter('LMS admins only, unless it is the caller'),
  status: textParameter(Type.Union(deliveryStatuses.map((status) => Type.Literal(status))), {
    description: 'pending, sending, sent, failed or skipped',
  }),
  type: textParameter(Type.Union(webhookEventTypes.map((type) => Type.Literal(type))), {
    description: 'a versioned event name, e.g. learner.enrolled.v1',
  }),
  startIndex: startIndexParameter,
});

/** The path parameters of getNotification. */
export const getNotificationParams = Type.Object({ notificationId: Type.String() });

/** The 200 answer of getNotification. */
export const getNotificationResponse200 = successEnvelope(
  'notification',
  Type.Composite([NotificationSchema, Type.Object({ attemptLog: Type.Array(AttemptSchema) })]),
);
