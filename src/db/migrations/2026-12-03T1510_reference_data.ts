import type { Kysely } from 'kysely';

const addressColumns = [
  'address_street',
  'address_city',
  'address_state',
  'address_postal_code',
  'address_country',
] as const;

/**
 * Reference data written through /lectern/v1: a location's postal address (every part nullable, so the locations
 * made before stay valid), and indexes behind the "in use" checks a delete makes (rooms by location, sessions by
 * grade category) and the by-name checks of categories.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One column a statement: SQLite's ALTER TABLE adds one at a time.
  for (const column of addressColumns) {
    await db.schema.alterTable('locations').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('locations_portal').on('locations').columns(['portal_id', 'id']).execute();
  await db.schema.createIndex('rooms_location').on('rooms').columns(['portal_id', 'location_id']).execute();
  await db.schema
    .createIndex('categories_portal_name')
    .on('categories')
    .columns(['portal_id', 'kind', 'name'])
    .execute();
  await db.schema
    .createIndex('class_sessions_grade_category')
    .on('class_sessions')
    .columns(['portal_id', 'grade_category_id'])
    .execute();
}

/** Drops the indexes and the address columns. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'class_sessions_grade_category',
    'categories_portal_name',
    'rooms_location',
    'locations_portal',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of [...addressColumns].reverse()) {
    await db.schema.alterTable('locations').dropColumn(column).execute();
  }
}
