import type { Kysely } from 'kysely';

/**
 * Online tests learners take in Lectern (Zoho documents no question or attempt API): a test's questions, and each
 * learner's attempts with the question order they were served and, once submitted, their answers and marks.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('online_test_questions')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('correct_options', 'text', (c) => c.notNull())
    .addColumn('marks', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('online_test_questions_by_test')
    .on('online_test_questions')
    .columns(['portal_id', 'entity_id', 'position'])
    .execute();
  await db.schema
    .createTable('online_test_attempts')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('question_ids', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('deadline_at', 'bigint')
    .addColumn('submitted_at', 'bigint')
    .addColumn('answers', 'text')
    .addColumn('marks', 'integer')
    .addColumn('maximum_marks', 'integer')
    .execute();
  await db.schema
    .createIndex('online_test_attempts_by_learner')
    .on('online_test_attempts')
    .columns(['portal_id', 'entity_id', 'erecno'])
    .execute();
}

/** Drops what up made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('online_test_attempts').ifExists().execute();
  await db.schema.dropTable('online_test_questions').ifExists().execute();
}
