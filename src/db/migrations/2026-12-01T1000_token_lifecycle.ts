import type { Kysely } from 'kysely';
import { IdGenerator } from '../../ids.ts';

/**
 * Tokens get a public id (to list and revoke them without their value), an optional expiry, a revocation time, and
 * the id of the token that minted them (so that revoking a token also revokes what it minted). Tokens made before
 * this migration get ids now; they never expire and were minted by nobody.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tokens').addColumn('id', 'varchar(20)').execute();
  await db.schema.alterTable('tokens').addColumn('expires_at', 'bigint').execute();
  await db.schema.alterTable('tokens').addColumn('revoked_at', 'bigint').execute();
  await db.schema.alterTable('tokens').addColumn('minted_by', 'varchar(20)').execute();
  const ids = new IdGenerator();
  const existing = await db.selectFrom('tokens').select('hash').execute();
  for (const row of existing as { hash: string }[]) {
    await db.updateTable('tokens').set({ id: ids.next() }).where('hash', '=', row.hash).execute();
  }
  await db.schema.createIndex('tokens_id').on('tokens').column('id').unique().execute();
  await db.schema.createIndex('tokens_minted_by').on('tokens').column('minted_by').execute();
  await db.schema.createIndex('tokens_portal').on('tokens').columns(['portal_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tokens_portal').execute();
  await db.schema.dropIndex('tokens_minted_by').execute();
  await db.schema.dropIndex('tokens_id').execute();
  // One column a statement: SQLite's ALTER TABLE drops one at a time.
  for (const column of ['minted_by', 'revoked_at', 'expires_at', 'id']) {
    await db.schema.alterTable('tokens').dropColumn(column).execute();
  }
}
