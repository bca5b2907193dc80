import type { Kysely } from 'kysely';

/** Batches of blended courses. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batches')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('minimum_capacity', 'integer', (c) => c.notNull())
    .addColumn('maximum_capacity', 'integer', (c) => c.notNull())
    .addColumn('locations', 'text', (c) => c.notNull())
    .addColumn('allow_waitlisting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_when_below_minimum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting_time_for_cancellation', 'integer')
    .addColumn('waiting_time_unit', 'varchar(10)')
    .addColumn('publish_status', 'varchar(12)', (c) => c.notNull())
    .addColumn('scheduler_id', 'varchar(20)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .execute();
  await db.schema.createIndex('batches_course').on('batches').columns(['portal_id', 'course_id', 'id']).execute();
}

/** Drops the batches. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('batches').ifExists().execute();
}
