import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * The learner history: one append-only row per event about a learner. The id is the engine's own counter (SQLite's
 * rowid, a PostgreSQL identity), so rows are numbered in insert order without a shared counter row to queue on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('learner_history')
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)')
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('by_erecno', 'varchar(20)')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('subject_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_entity_type', 'integer')
    .addColumn('before_state', 'text')
    .addColumn('after_state', 'text')
    .execute();
  await db.schema
    .createIndex('learner_history_by_learner')
    .on('learner_history')
    .columns(['portal_id', 'erecno', 'id'])
    .execute();
  await db.schema
    .createIndex('learner_history_by_course')
    .on('learner_history')
    .columns(['portal_id', 'course_id', 'id'])
    .execute();
}

/** Drops the learner history. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('learner_history').ifExists().execute();
}
