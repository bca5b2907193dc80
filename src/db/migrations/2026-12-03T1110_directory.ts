import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const employeeTexts = [
  'first_name',
  'last_name',
  'department_id',
  'designation_id',
  'date_of_joining',
  'mobile',
  'work_phone',
  'added_by',
  'modified_by',
];

/**
 * The directory Zoho People's forms API shows: departments and designations per portal, and the employee fields its
 * views read (all nullable, so people made before stay valid). Created and modified times order the forms' pages and
 * answer `modifiedtime`; people made before this migration take their portal's creation time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('mail_alias', 'text', (c) => c.notNull())
    .addColumn('lead_erecno', 'varchar(20)')
    .addColumn('parent_id', 'varchar(20)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('departments_portal')
    .on('departments')
    .columns(['portal_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('designations')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('portal_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('mail_alias', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('designations_portal')
    .on('designations')
    .columns(['portal_id', 'created_at', 'id'])
    .execute();
  // One column a statement: SQLite's ALTER TABLE adds one at a time.
  for (const column of employeeTexts) {
    await db.schema.alterTable('employees').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('employees')
    .addColumn('created_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('employees')
    .addColumn('modified_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  const portalCreated = sql`(select portals.created_at from portals where portals.id = employees.portal_id)`;
  await db
    .updateTable('employees')
    .set({ created_at: portalCreated, modified_at: portalCreated })
    .where(sql<boolean>`exists (select 1 from portals where portals.id = employees.portal_id)`)
    .execute();
  await db.schema
    .createIndex('employees_portal_created')
    .on('employees')
    .columns(['portal_id', 'created_at', 'erecno'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('employees_portal_created').execute();
  for (const column of ['modified_at', 'created_at', ...employeeTexts.slice().reverse()]) {
    await db.schema.alterTable('employees').dropColumn(column).execute();
  }
  await db.schema.dropTable('designations').execute();
  await db.schema.dropTable('departments').execute();
}
