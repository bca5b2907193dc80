import type { Kysely } from 'kysely';

/** Portals, people, tokens, rooms, categories, courses and idempotency keys. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portals')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url_name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('employees')
    .addColumn('erecno', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('employee_id', 'varchar(50)', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email_id', 'text', (c) => c.notNull())
    .addColumn('photo_url', 'text', (c) => c.notNull())
    .addColumn('manager_erecno', 'varchar(20)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_settings_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_data_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_trainer', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('employees_portal').on('employees').columns(['portal_id', 'display_name']).execute();
  await db.schema
    .createTable('tokens')
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('is_operator', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('locations')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rooms')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('location_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('facilities', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rooms_portal').on('rooms').columns(['portal_id', 'id']).execute();
  await db.schema
    .createTable('categories')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('categories_portal').on('categories').columns(['portal_id', 'kind', 'id']).execute();
  await db.schema
    .createTable('courses')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('about_course', 'text', (c) => c.notNull())
    .addColumn('duration', 'integer')
    .addColumn('duration_unit', 'varchar(10)')
    .addColumn('course_code', 'text', (c) => c.notNull())
    .addColumn('permission_settings', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('owner_erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('status_comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .execute();
  await db.schema.createIndex('courses_portal').on('courses').columns(['portal_id', 'id']).execute();
  await db.schema
    .createTable('course_members')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('erecno', 'varchar(20)', (c) => c.notNull())
    .addColumn('relation', 'varchar(12)', (c) => c.notNull())
    .addColumn('by_erecno', 'varchar(20)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('course_members_pk', ['course_id', 'relation', 'erecno'])
    .execute();
  await db.schema
    .createIndex('course_members_by_person')
    .on('course_members')
    .columns(['portal_id', 'erecno', 'relation'])
    .execute();
  await db.schema
    .createTable('course_categories')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('course_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('course_categories_pk', ['course_id', 'category_id'])
    .execute();
  await db.schema
    .createIndex('course_categories_by_category')
    .on('course_categories')
    .columns(['portal_id', 'category_id'])
    .execute();
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('key', 'varchar(255)', (c) => c.notNull())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['token_hash', 'key'])
    .execute();
}

/** Drops everything `up` made. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'course_categories',
    'course_members',
    'courses',
    'categories',
    'rooms',
    'locations',
    'tokens',
    'employees',
    'portals',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
