/** Webhooks and their deliveries as /lectern/v1 shows them; the secret only right after it was set. */
import { type Static, Type } from '@sinclair/typebox';
import type { DeliveryAttemptTable, WebhookDeliveryTable, WebhookTable } from '../../db/tables/notifications.ts';
import { AttemptSchema, presentAttempt, presentQueueState, QueueStateProperties } from '../notifications/index.ts';

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

/** Presents a webhook, with the secret when it was just set. */
export function presentWebhook(row: WebhookTable, secret: string | null = null): Static<typeof WebhookSchema> {
  const shown = {
    webhookId: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    active: row.active === 1,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
  return secret === null ? shown : { ...shown, secret };
}

/** Presents deliveries with their attempts (grouped here, loaded in one query). */
export function presentDeliveries(
  deliveries: readonly WebhookDeliveryTable[],
  attempts: readonly DeliveryAttemptTable[],
): Static<typeof DeliverySchema>[] {
  const byDelivery = new Map<string, DeliveryAttemptTable[]>();
  for (const attempt of attempts) {
    const list = byDelivery.get(attempt.delivery_id) ?? [];
    list.push(attempt);
    byDelivery.set(attempt.delivery_id, list);
  }
  return deliveries.map((row) => ({
    deliveryId: row.id,
    eventId: row.event_id,
    type: row.event_type,
    ...presentQueueState(row),
    attemptLog: (byDelivery.get(row.id) ?? []).map(presentAttempt),
  }));
}
