import type { CreateTableBuilder, Kysely } from 'kysely';

/** The columns both delivery queues (e-mails and webhook deliveries) have, after their own. */
function queued(table: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  return table
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint');
}

/**
 * The notification outbox (one e-mail per person concerned by an event), webhooks, their deliveries, and the log of
 * every delivery attempt of either kind. Rows are written in the transaction of the change that caused them and
 * claimed by the delivery worker with a lease (status `sending`, claimed_until).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const notifications = db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('event_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)')
    .addColumn('subject_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(20)', (c) => c.notNull());
  await queued(notifications).execute();
  await db.schema.createIndex('notifications_due').on('notifications').columns(['status', 'next_attempt_at']).execute();
  await db.schema
    .createIndex('notifications_by_person')
    .on('notifications')
    .columns(['portal_id', 'erecno', 'id'])
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'varchar(200)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_by_portal').on('webhooks').columns(['portal_id', 'active']).execute();

  const deliveries = db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('webhook_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('event_type', 'varchar(40)', (c) => c.notNull());
  await queued(deliveries).execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_by_webhook')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'id'])
    .execute();

  await db.schema
    .createTable('delivery_attempts')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('delivery_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'varchar(8)', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delivery_attempts_by_delivery')
    .on('delivery_attempts')
    .columns(['delivery_id', 'attempt'])
    .execute();
}

/** Drops what up made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery_attempts').ifExists().execute();
  await db.schema.dropTable('webhook_deliveries').ifExists().execute();
  await db.schema.dropTable('webhooks').ifExists().execute();
  await db.schema.dropTable('notifications').ifExists().execute();
}
