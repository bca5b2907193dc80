/** The webhook API's output schemas. */
import { Type } from '@sinclair/typebox';
import { successEnvelope } from '../../http/envelope.ts';
import { startIndexParameter } from '../../http/parameters.ts';
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

/** The body of createWebhook and updateWebhook: every key optional here, the service names what is missing. */
export const WebhookBody = Type.Object(
  {
    url: Type.Optional(Type.String({ description: 'http or https' })),
    events: Type.Optional(
      Type.Union([Type.Array(Type.String()), Type.String()], {
        description: 'versioned event names (learner.enrolled.v1, ...) or ["*"] for every event',
      }),
    ),
    secret: Type.Optional(
      Type.Union([Type.String(), Type.Boolean()], {
        description: 'signing secret (16 to 200 characters); generated when left out; PATCH with true makes a new one',
      }),
    ),
    active: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
  },
  { additionalProperties: false },
);

/** The path of one webhook. */
export const WebhookParams = Type.Object({ webhookId: Type.String() });

/** `{"code":"200","webhook":{...},"message":"success"}`. */
export const WebhookEnvelope = successEnvelope('webhook', WebhookSchema);

/** The querystring of listWebhooks. */
export const listWebhooksQuery = Type.Object({ startIndex: startIndexParameter });

/** The querystring of listWebhookDeliveries. */
export const listWebhookDeliveriesQuery = Type.Object({ startIndex: startIndexParameter });
