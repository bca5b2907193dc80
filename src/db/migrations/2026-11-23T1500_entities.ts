import { type Kysely, PostgresAdapter } from 'kysely';

/** Module contents (files, contents, links, tests, assignments), marks, and stored file bytes. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('module_entities')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('batch_id', 'varchar(20)')
    .addColumn('module_id', 'varchar(20)')
    .addColumn('entity_type', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('is_mandatory', 'integer', (c) => c.notNull())
    .addColumn('lock_until', 'varchar(10)')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('file_id', 'varchar(20)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('module_entities_module')
    .on('module_entities')
    .columns(['module_id', 'entity_type', 'position'])
    .execute();
  await db.schema
    .createIndex('module_entities_course')
    .on('module_entities')
    .columns(['course_id', 'batch_id', 'entity_type'])
    .execute();
  await db.schema
    .createTable('entity_marks')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('marks', 'double precision', (c) => c.notNull())
    .addColumn('remarks', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('marked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_marks_pk', ['entity_id', 'erecno'])
    .execute();
  await db.schema
    .createTable('stored_files')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // The upload sweep looks for old pending files.
  await db.schema.createIndex('stored_files_pending').on('stored_files').columns(['status', 'created_at']).execute();
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('stored_file_chunks')
    .addColumn('file_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_file_chunks_pk', ['file_id', 'sequence'])
    .execute();
}

/** Drops what `up` made. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['stored_file_chunks', 'stored_files', 'entity_marks', 'module_entities']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
