import type { Kysely } from 'kysely';

/**
 * Learner progress: what learners opened and marked (entities, modules, courses) and their online test results.
 * Marks of offline tests and assignments stay in entity_marks, attendance in session_attendance.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('learner_completions')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)')
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('opened_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('completed_by', 'varchar(20)')
    .execute();
  await db.schema
    .createIndex('learner_completions_subject')
    .on('learner_completions')
    .columns(['portal_id', 'subject_kind', 'subject_id', 'erecno'])
    .unique()
    .execute();
  await db.schema
    .createIndex('learner_completions_by_learner')
    .on('learner_completions')
    .columns(['course_id', 'erecno'])
    .execute();
  await db.schema
    .createTable('online_test_results')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('marks', 'integer', (c) => c.notNull())
    .addColumn('maximum_marks', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('online_test_results_pk', ['entity_id', 'erecno'])
    .execute();
}

/** Drops what up made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('online_test_results').ifExists().execute();
  await db.schema.dropTable('learner_completions').ifExists().execute();
}
