import { type Kysely, sql } from 'kysely';

/**
 * Enrolments: a learner's seat (or waitlist place) in a self-paced or e-material course (batch_id null) or in a
 * batch of a blended course. One row per course, batch and learner: two partial unique indexes, because NULLs are
 * distinct in a plain unique index on both engines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enrolments')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)')
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('enrolled_by', 'varchar(20)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enrolments_batch_learner')
    .on('enrolments')
    .columns(['course_id', 'batch_id', 'erecno'])
    .unique()
    .where(sql.ref('batch_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('enrolments_course_learner')
    .on('enrolments')
    .columns(['course_id', 'erecno'])
    .unique()
    .where(sql.ref('batch_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('enrolments_by_batch')
    .on('enrolments')
    .columns(['batch_id', 'status', 'position'])
    .execute();
  await db.schema.createIndex('enrolments_by_person').on('enrolments').columns(['portal_id', 'erecno']).execute();
}

/** Drops the enrolments. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('enrolments').ifExists().execute();
}
