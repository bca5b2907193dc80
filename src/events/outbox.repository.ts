/** The outbox's writes (e-mail rows, webhook deliveries) and the webhooks an event may go to. */
import type { Db } from '../db/database.ts';
import type { NotificationTable, WebhookDeliveryTable } from '../db/tables/notifications.ts';

/** Outbox rows per insert statement: 18 columns each, well inside both engines' bound-parameter limits. */
const notificationChunk = 400;
/** Deliveries per insert statement: 13 columns each, well inside both engines' bound-parameter limits. */
const deliveryChunk = 500;

/** Queues e-mail rows, in statements of a bounded size. */
export async function insertNotifications(db: Db, rows: readonly NotificationTable[]): Promise<void> {
  for (let index = 0; index < rows.length; index += notificationChunk) {
    await db
      .insertInto('notifications')
      .values(rows.slice(index, index + notificationChunk))
      .execute();
  }
}

/** The active webhooks of the given portals, with the event names they subscribe to (JSON text). */
export function findActiveWebhooks(db: Db, portalIds: readonly string[]) {
  return db
    .selectFrom('webhooks')
    .select(['id', 'portal_id', 'events'])
    .where('portal_id', 'in', portalIds)
    .where('active', '=', 1)
    .execute();
}

/** Queues webhook deliveries, in statements of a bounded size. */
export async function insertWebhookDeliveries(db: Db, rows: readonly WebhookDeliveryTable[]): Promise<void> {
  for (let index = 0; index < rows.length; index += deliveryChunk) {
    await db
      .insertInto('webhook_deliveries')
      .values(rows.slice(index, index + deliveryChunk))
      .execute();
  }
}
