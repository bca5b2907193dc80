import type { Kysely } from 'kysely';

/**
 * Subscribable calendar feeds: one secret URL per subject (a trainer, learner, room or batch) and person who asked
 * for it, stored as the SHA-256 hash of its token; and cancelled sessions (deleted ones, as they last were), so that
 * the feeds can tell calendar programs about a cancellation with the event's own UID and a higher SEQUENCE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('rotated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_feeds_subject')
    .on('calendar_feeds')
    .columns(['portal_id', 'kind', 'subject_id', 'owner_erecno'])
    .unique()
    .execute();
  await db.schema
    .createIndex('calendar_feeds_owner')
    .on('calendar_feeds')
    .columns(['portal_id', 'owner_erecno'])
    .execute();

  await db.schema
    .createTable('session_cancellations')
    .addColumn('session_id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('session_type', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('start_minute', 'integer', (c) => c.notNull())
    .addColumn('end_minute', 'integer', (c) => c.notNull())
    .addColumn('trainer_erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('room_id', 'varchar(20)')
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('cancelled_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_cancellations_recent')
    .on('session_cancellations')
    .columns(['portal_id', 'cancelled_at'])
    .execute();
}

/** Drops what `up` made. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_cancellations').execute();
  await db.schema.dropTable('calendar_feeds').execute();
}
