/**
 * Queues one webhook delivery per event and matching webhook, in the change's transaction (so no event is lost and
 * none is delivered for a change that rolled back). The body is fixed here: every retry sends the same bytes.
 */
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { WebhookDeliveryTable } from '../db/tables/notifications.ts';
import type { LmsEvent } from './event.types.ts';
import { subscribes } from './event-names.ts';
import { findActiveWebhooks, insertWebhookDeliveries } from './outbox.repository.ts';

/** The JSON body a receiver gets. */
export function webhookBody(eventId: string, event: LmsEvent): string {
  return JSON.stringify({ id: eventId, type: event.type, createdAt: event.at, portalId: event.portalId, data: event });
}

/** Queues deliveries of the events to the portals' active webhooks (two statements at most, plus one per 500 rows). */
export async function enqueueWebhookDeliveries(
  db: Db,
  context: AppContext,
  events: readonly LmsEvent[],
  eventIds: readonly string[],
): Promise<void> {
  const portalIds = [...new Set(events.map((event) => event.portalId))];
  const webhooks = await findActiveWebhooks(db, portalIds);
  if (webhooks.length === 0) return;
  const subscriptions = webhooks.map((webhook) => ({ ...webhook, names: JSON.parse(webhook.events) as string[] }));
  const now = context.clock.now();
  // The queue runs on the server's time: a portal whose clock the control room moved is still sent at once.
  const due = context.clock.server.now();
  const rows: WebhookDeliveryTable[] = [];
  events.forEach((event, index) => {
    const eventId = eventIds[index]!;
    for (const webhook of subscriptions) {
      if (webhook.portal_id !== event.portalId || !subscribes(webhook.names, event.type)) continue;
      rows.push({
        id: context.ids.next(),
        portal_id: event.portalId,
        webhook_id: webhook.id,
        event_id: eventId,
        event_type: event.type,
        payload: webhookBody(eventId, event),
        status: 'pending',
        attempts: 0,
        next_attempt_at: due,
        claimed_until: null,
        last_error: null,
        created_at: now,
        sent_at: null,
      });
    }
  });
  await insertWebhookDeliveries(db, rows);
}
