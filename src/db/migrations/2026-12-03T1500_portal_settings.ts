import type { Kysely } from 'kysely';

/**
 * A portal's settings beside its name and time zone (portals.time_zone stays where its readers look): the date
 * format of display dates, the first day of the week, the e-mail sender, and which notifications are on when a
 * request does not say. Existing portals keep today's behaviour: Zoho's dd-MMM-yyyy, Sunday, the server's sender
 * (null), Lectern's defaults (null).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('portals')
    .addColumn('date_format', 'text', (c) => c.notNull().defaultTo('dd-MMM-yyyy'))
    .execute();
  await db.schema
    .alterTable('portals')
    .addColumn('week_start', 'text', (c) => c.notNull().defaultTo('sunday'))
    .execute();
  await db.schema.alterTable('portals').addColumn('mail_sender_name', 'text').execute();
  await db.schema.alterTable('portals').addColumn('mail_sender_address', 'text').execute();
  await db.schema.alterTable('portals').addColumn('notification_defaults', 'text').execute();
}

/** Drops the columns, one a statement (SQLite drops one at a time). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [
    'notification_defaults',
    'mail_sender_address',
    'mail_sender_name',
    'week_start',
    'date_format',
  ]) {
    await db.schema.alterTable('portals').dropColumn(column).execute();
  }
}
