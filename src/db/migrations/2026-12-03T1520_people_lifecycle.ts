import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** How the seed, the directory and the control plane wrote photo URLs before: Zoho's host, which Lectern is not. */
const zohoPhotoPrefix = 'https://people.zoho.com/api/viewEmployeePhoto?filename=';

/**
 * People's life cycle: uploaded photos (one small image per person, its bytes in one row), the random key a photo's
 * URL carries (changed at every upload and removal, so the URL is unguessable and busts caches), and lookups by
 * e-mail and employee id for the uniqueness checks. Photo URLs are computed when presented, so the stored Zoho URLs
 * are emptied.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('employee_photos')
    .addColumn('erecno', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('employee_photos_by_portal').on('employee_photos').column('portal_id').execute();
  await db.schema.alterTable('employees').addColumn('photo_key', 'varchar(40)').execute();
  await db.schema.createIndex('employees_portal_email').on('employees').columns(['portal_id', 'email_id']).execute();
  await db.schema
    .createIndex('employees_portal_employee_id')
    .on('employees')
    .columns(['portal_id', 'employee_id'])
    .execute();
  await db.updateTable('employees').set({ photo_url: '' }).where('photo_url', 'like', `${zohoPhotoPrefix}%`).execute();
}

/** Drops what `up` made and writes Zoho's photo URLs back. */
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('employees')
    .set({ photo_url: sql`${zohoPhotoPrefix} || erecno` })
    .where('photo_url', '=', '')
    .execute();
  await db.schema.dropIndex('employees_portal_employee_id').execute();
  await db.schema.dropIndex('employees_portal_email').execute();
  await db.schema.alterTable('employees').dropColumn('photo_key').execute();
  await db.schema.dropTable('employee_photos').execute();
}
