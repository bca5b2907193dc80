import type { Kysely } from 'kysely';

/**
 * Password sign-in for organisation portals (the "accounts" side): each person's argon2 hash with the failed-attempt
 * lock, the browser sessions a sign-in starts, and the single-use invite and reset links (only their SHA-256 hash).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_passwords')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_since', 'bigint')
    .addColumn('locked_until', 'bigint')
    .addPrimaryKeyConstraint('account_passwords_pk', ['portal_id', 'erecno'])
    .execute();

  await db.schema
    .createTable('account_sessions')
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_sessions_person')
    .on('account_sessions')
    .columns(['portal_id', 'erecno'])
    .execute();

  await db.schema
    .createTable('account_links')
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('account_links_person').on('account_links').columns(['portal_id', 'erecno']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_links').execute();
  await db.schema.dropTable('account_sessions').execute();
  await db.schema.dropTable('account_passwords').execute();
}
