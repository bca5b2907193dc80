import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Named snapshots of a portal's data (the control room's reset and restore), and an index leading with portal_id on
 * every data table that had none, so that a reset's per-table delete and read touch only the portal's own rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('portal_snapshots')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_snapshots_pk', ['portal_id', 'name'])
    .execute();
  for (const table of portalIndexedTables) {
    await db.schema.createIndex(`${table}_by_portal`).on(table).column('portal_id').execute();
  }
}

/** Data tables whose indexes did not lead with portal_id. */
const portalIndexedTables = [
  'locations',
  'course_modules',
  'session_attendance',
  'module_entities',
  'entity_marks',
  'stored_files',
  'online_test_results',
  'learning_plan_courses',
  'webhook_deliveries',
  'delivery_attempts',
  'idempotency_keys',
];

/** Drops what `up` made. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of portalIndexedTables) await db.schema.dropIndex(`${table}_by_portal`).execute();
  await db.schema.dropTable('portal_snapshots').execute();
}
