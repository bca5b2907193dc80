import type { Kysely } from 'kysely';

/** Sessions of batch modules and their attendance. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('class_sessions')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('module_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('session_type', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('start_minute', 'integer', (c) => c.notNull())
    .addColumn('end_minute', 'integer', (c) => c.notNull())
    .addColumn('trainer_erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('room_id', 'varchar(20)')
    .addColumn('lock_until', 'varchar(10)')
    .addColumn('grade_category_id', 'varchar(20)')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('class_sessions_batch').on('class_sessions').columns(['batch_id', 'module_id']).execute();
  await db.schema
    .createIndex('class_sessions_trainer')
    .on('class_sessions')
    .columns(['portal_id', 'trainer_erecno', 'date'])
    .execute();
  await db.schema
    .createIndex('class_sessions_room')
    .on('class_sessions')
    .columns(['portal_id', 'room_id', 'date'])
    .execute();
  await db.schema
    .createTable('session_attendance')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('session_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('marked_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('marked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_attendance_pk', ['session_id', 'erecno'])
    .execute();
}

/** Drops the sessions and attendance. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_attendance').ifExists().execute();
  await db.schema.dropTable('class_sessions').ifExists().execute();
}
