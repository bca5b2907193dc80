/** The webhook API's output schemas. */
import { Type } from '@sinclair/typebox';
import { AttemptSchema, QueueStateProperties } from '../notifications/index.ts';

/** A webhook. */
export const WebhookSchema = Type.Object({
  webhookId: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
  secret: Type.Optional(Type.String({ description: 'shown once: when the webhook is made or its secret changed' })),
});

/** One delivery of an event to a webhook, with its attempts. */
export const DeliverySchema = Type.Object({
  deliveryId: Type.String({ description: 'the Lectern-Delivery header: stable across retries' }),
  eventId: Type.String(),
  type: Type.String(),
  ...QueueStateProperties,
  attemptLog: Type.Array(AttemptSchema),
});
