import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Zoho Accounts-style OAuth: clients (one portal each, secret stored as a hash), grant codes (hashed, single use),
 * the consent flow's one-time values (sign-in tickets, sign-in sessions, consent form nonces), and on tokens the
 * client that minted them and whether they are an OAuth access or refresh token (a refresh token never calls the
 * API). Portals learn whether they hold the demo data: a demo portal's consent page offers a pick of its people.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oauth_clients')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oauth_clients_portal').on('oauth_clients').columns(['portal_id', 'id']).execute();

  await db.schema
    .createTable('oauth_codes')
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text')
    .addColumn('access_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('fresh_refresh', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('oauth_codes_client').on('oauth_codes').columns(['client_id', 'created_at']).execute();

  await db.schema
    .createTable('oauth_nonces')
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)')
    .addColumn('payload', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('oauth_nonces_expiry').on('oauth_nonces').column('expires_at').execute();

  await db.schema.alterTable('tokens').addColumn('oauth_client_id', 'varchar(64)').execute();
  await db.schema.alterTable('tokens').addColumn('oauth_kind', 'varchar(10)').execute();
  await db.schema.createIndex('tokens_oauth_client').on('tokens').columns(['oauth_client_id', 'erecno']).execute();

  await db.schema
    .alterTable('portals')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Portals made before this migration hold the demo data exactly when they have its locations.
  await sql`UPDATE portals SET demo = 1 WHERE EXISTS (SELECT 1 FROM locations WHERE locations.portal_id = portals.id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portals').dropColumn('demo').execute();
  await db.schema.dropIndex('tokens_oauth_client').execute();
  // One column a statement: SQLite's ALTER TABLE drops one at a time.
  await db.schema.alterTable('tokens').dropColumn('oauth_kind').execute();
  await db.schema.alterTable('tokens').dropColumn('oauth_client_id').execute();
  await db.schema.dropTable('oauth_nonces').execute();
  await db.schema.dropTable('oauth_codes').execute();
  await db.schema.dropTable('oauth_clients').execute();
}
