import type { Kysely } from 'kysely';

/** Batch schedulers: one row per recurrence rule, with the runner's bookmark (next occurrence, next run date). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('batch_schedulers')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('frequency', 'integer', (c) => c.notNull())
    .addColumn('frequency_unit', 'varchar(10)', (c) => c.notNull())
    .addColumn('days_of_the_week', 'text', (c) => c.notNull())
    .addColumn('dates_of_the_month', 'text', (c) => c.notNull())
    .addColumn('weeks_of_the_month', 'text', (c) => c.notNull())
    .addColumn('months_of_the_year', 'text', (c) => c.notNull())
    .addColumn('offset_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('batch_name_suffix', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_name_separator', 'varchar(1)', (c) => c.notNull())
    .addColumn('minimum_capacity', 'integer', (c) => c.notNull())
    .addColumn('maximum_capacity', 'integer', (c) => c.notNull())
    .addColumn('locations', 'text', (c) => c.notNull())
    .addColumn('allow_waitlisting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_when_below_minimum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting_time_for_cancellation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting_time_unit', 'varchar(10)', (c) => c.notNull())
    .addColumn('source_batch_id', 'varchar(20)')
    .addColumn('clone_type', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_automatically', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notify_applicable_users', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notify_cloned_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_occurrence_date', 'varchar(10)')
    .addColumn('next_run_date', 'varchar(10)')
    .addColumn('last_occurrence_date', 'varchar(10)')
    .addColumn('batches_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('batch_schedulers_course')
    .on('batch_schedulers')
    .columns(['portal_id', 'course_id', 'id'])
    .execute();
  // The runner's question every minute: which rules have a batch to make by today?
  await db.schema.createIndex('batch_schedulers_due').on('batch_schedulers').columns(['next_run_date']).execute();
}

/** Drops the schedulers. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('batch_schedulers').ifExists().execute();
}
