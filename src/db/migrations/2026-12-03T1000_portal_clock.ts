import type { Kysely } from 'kysely';

/**
 * Each portal gets its own clock for the control room: an offset from the server's time, or an instant it stands
 * still at. Existing portals keep the server's time (offset 0, not fixed).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('portals')
    .addColumn('clock_offset_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('portals').addColumn('clock_fixed_at', 'bigint').execute();
}

/** Drops the columns, one a statement (SQLite drops one at a time). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portals').dropColumn('clock_fixed_at').execute();
  await db.schema.alterTable('portals').dropColumn('clock_offset_ms').execute();
}
