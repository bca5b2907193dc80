/** The mailbox's queries: the outbox tables (e-mails, webhook deliveries with their webhook's URL), read and cleared. */
import type { Db } from '../db/database.ts';
import type { NotificationTable } from '../db/tables/notifications.ts';

/** The portal's newest e-mails, optionally to one address (case-insensitive). */
export function findEmails(
  db: Db,
  portalId: string,
  to: string | undefined,
  limit: number,
): Promise<NotificationTable[]> {
  let query = db.selectFrom('notifications').selectAll().where('portal_id', '=', portalId);
  if (to !== undefined) query = query.where((eb) => eb(eb.fn('lower', ['email']), '=', to.toLowerCase()));
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/** The portal's newest webhook deliveries with the URL they go to, optionally to one URL. */
export function findWebhookDeliveries(db: Db, portalId: string, to: string | undefined, limit: number) {
  let query = db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.event_type',
      'webhook_deliveries.payload',
      'webhook_deliveries.status',
      'webhook_deliveries.attempts',
      'webhook_deliveries.last_error',
      'webhook_deliveries.created_at',
      'webhook_deliveries.sent_at',
      'webhooks.url',
    ])
    .where('webhook_deliveries.portal_id', '=', portalId);
  if (to !== undefined) query = query.where('webhooks.url', '=', to);
  return query.orderBy('webhook_deliveries.id', 'desc').limit(limit).execute();
}

/** Deletes the portal's e-mails, webhook deliveries and their attempt log, in one transaction; answers the counts. */
export async function deleteMailbox(db: Db, portalId: string): Promise<{ emails: number; webhooks: number }> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('delivery_attempts').where('portal_id', '=', portalId).execute();
    const emails = await trx.deleteFrom('notifications').where('portal_id', '=', portalId).executeTakeFirst();
    const webhooks = await trx.deleteFrom('webhook_deliveries').where('portal_id', '=', portalId).executeTakeFirst();
    return { emails: Number(emails.numDeletedRows), webhooks: Number(webhooks.numDeletedRows) };
  });
}
