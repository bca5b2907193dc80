/** Queries of webhooks and their deliveries. */
import type { Db } from '../../db/database.ts';
import type { WebhookDeliveryTable, WebhookTable } from '../../db/tables/notifications.ts';

/** Adds a webhook. */
export async function insertWebhook(db: Db, row: WebhookTable): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

/** One webhook of a portal. */
export async function findWebhook(db: Db, portalId: string, id: string): Promise<WebhookTable | undefined> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A page of a portal's webhooks, oldest first (one more than asked, for hasMoreRecords). */
export async function listWebhooks(db: Db, portalId: string, offset: number, limit: number): Promise<WebhookTable[]> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** Changes a webhook. */
export async function updateWebhook(db: Db, id: string, changes: Partial<WebhookTable>): Promise<void> {
  await db.updateTable('webhooks').set(changes).where('id', '=', id).execute();
}

/** Deletes a webhook with its deliveries and their log (three statements). */
export async function deleteWebhook(db: Db, id: string): Promise<void> {
  const deliveries = db.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', id);
  await db
    .deleteFrom('delivery_attempts')
    .where('kind', '=', 'webhook')
    .where('delivery_id', 'in', deliveries)
    .execute();
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

/** A page of a webhook's deliveries, newest first. */
export async function listDeliveries(
  db: Db,
  webhookId: string,
  offset: number,
  limit: number,
): Promise<WebhookDeliveryTable[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}
