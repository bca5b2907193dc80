/** Webhooks and their deliveries as /lectern/v1 shows them; the secret only right after it was set. */
import type { Static } from '@sinclair/typebox';
import type { DeliveryAttemptTable, WebhookDeliveryTable, WebhookTable } from '../../db/tables/notifications.ts';
import { presentAttempt, presentQueueState } from '../notifications/index.ts';
import type { DeliverySchema, WebhookSchema } from './webhook.schemas.ts';

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
