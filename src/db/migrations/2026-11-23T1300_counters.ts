import type { Kysely } from 'kysely';

/** Named counters, bumped atomically; `process` numbers every Lectern process that starts on this store. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'varchar(50)', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('counters').values({ name: 'process', value: 0 }).execute();
}

/** Drops the counters. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counters').ifExists().execute();
}
