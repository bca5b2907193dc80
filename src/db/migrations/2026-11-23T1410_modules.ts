import type { Kysely } from 'kysely';

/** Modules of self-paced courses and of batches. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('course_modules')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('lock_type', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lock_until', 'varchar(10)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('course_modules_parent')
    .on('course_modules')
    .columns(['course_id', 'batch_id', 'position'])
    .execute();
  // Cloning a batch's module tree reads the modules by batch alone.
  await db.schema.createIndex('course_modules_batch').on('course_modules').columns(['batch_id', 'position']).execute();
}

/** Drops the modules. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('course_modules').ifExists().execute();
}
