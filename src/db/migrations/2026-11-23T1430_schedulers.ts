import type { Kysely } from 'kysely';

/** Batch schedulers. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batch_schedulers')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('next_run_date', 'varchar(10)')
    .addColumn('batches_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('batch_schedulers_due').on('batch_schedulers').columns(['next_run_date']).execute();
}

/** Drops the schedulers. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('batch_schedulers').ifExists().execute();
}
