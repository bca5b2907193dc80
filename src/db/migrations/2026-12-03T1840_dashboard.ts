import type { Kysely } from 'kysely';

/**
 * The admin dashboard's reads by portal and date or status (GET /lectern/v1/dashboard): a portal's sessions by day,
 * its batches by start and end date, and its failed e-mails and webhook deliveries, without a scan of every portal.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('class_sessions_by_date').on('class_sessions').columns(['portal_id', 'date']).execute();
  await db.schema.createIndex('batches_by_start').on('batches').columns(['portal_id', 'start_date']).execute();
  await db.schema.createIndex('batches_by_end').on('batches').columns(['portal_id', 'end_date']).execute();
  await db.schema
    .createIndex('notifications_by_status')
    .on('notifications')
    .columns(['portal_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_by_status')
    .on('webhook_deliveries')
    .columns(['portal_id', 'status', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'webhook_deliveries_by_status',
    'notifications_by_status',
    'batches_by_end',
    'batches_by_start',
    'class_sessions_by_date',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
}
