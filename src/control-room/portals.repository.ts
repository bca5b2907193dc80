/**
 * The control room's queries over every table of a portal. It reads and writes other features' tables on purpose:
 * a reset, a snapshot or a delete is about all of a portal's rows at once, in a fixed number of statements per table.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/create-db.ts';
import type { Database, Db, PortalTable } from '../db/database.ts';
import { listTableColumns } from '../db/dialect.ts';
import { type ChildTable, classifyTables, type PortalLayout, type TableShape } from './portals.tables.ts';

/** A table's rows as arrays in the order of its columns (compact to store, quick to insert again). */
export interface TableRows {
  columns: string[];
  rows: unknown[][];
}

// The schema only changes with migrations, which run before the app serves; one look per store is enough.
const layouts = new WeakMap<object, Promise<PortalLayout>>();

/** The store's tables as the control room sees them (read once per database handle). */
export function loadLayout(db: Kysely<Database>, dialect: Dialect): Promise<PortalLayout> {
  let layout = layouts.get(db);
  if (layout === undefined) {
    layout = listTableColumns(db, dialect).then(classifyTables);
    layout.catch(() => layouts.delete(db));
    layouts.set(db, layout);
  }
  return layout;
}

// Dynamic table names: the layout comes from the schema, so the typed builder cannot name them.
function untyped(db: Db): Kysely<any> {
  return db as unknown as Kysely<any>;
}

function parentIds(db: Db, child: ChildTable, portalId: string) {
  return untyped(db).selectFrom(child.parent).select('id').where('portal_id', '=', portalId);
}

function childRows(db: Db, child: ChildTable, portalId: string) {
  return untyped(db)
    .selectFrom(child.name)
    .where(child.column, 'in', parentIds(db, child, portalId));
}

/**
 * The portal's tables that hold rows (data, children and the stored idempotent answers), in one query: a reset or a
 * snapshot then touches only those, a handful of statements for a fresh portal instead of one per table.
 */
export async function tablesWithRows(db: Db, layout: PortalLayout, portalId: string): Promise<Set<string>> {
  const exists = (name: string, rows: ReturnType<typeof sql>) =>
    sql`select ${sql.lit(name)} as name where exists (${rows})`;
  const parts = [
    ...[...layout.data.map((table) => table.name), 'idempotency_keys'].map((name) =>
      exists(name, sql`select 1 from ${sql.table(name)} where portal_id = ${portalId}`),
    ),
    ...layout.children.map((child) =>
      exists(
        child.name,
        sql`select 1 from ${sql.table(child.name)} where ${sql.ref(child.column)} in
          (select id from ${sql.table(child.parent)} where portal_id = ${portalId})`,
      ),
    ),
  ];
  const { rows } = await sql<{ name: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Set(rows.map((row) => row.name));
}

/** Every row of the portal's data tables (and their children) that hold any, one query per such table. */
export async function readPortalRows(db: Db, layout: PortalLayout, portalId: string): Promise<Map<string, TableRows>> {
  const present = await tablesWithRows(db, layout, portalId);
  const result = new Map<string, TableRows>();
  const asArrays = (table: TableShape, rows: Record<string, unknown>[]) => ({
    columns: table.columns,
    rows: rows.map((row) => table.columns.map((column) => row[column])),
  });
  for (const table of layout.data) {
    if (!present.has(table.name)) continue;
    const rows = await untyped(db).selectFrom(table.name).selectAll().where('portal_id', '=', portalId).execute();
    result.set(table.name, asArrays(table, rows));
  }
  for (const child of layout.children) {
    if (!present.has(child.name)) continue;
    result.set(child.name, asArrays(child, await childRows(db, child, portalId).selectAll().execute()));
  }
  return result;
}

/**
 * Deletes the portal's rows from its data tables except those named in `keep`, children first (they are found
 * through their parents), and its stored idempotent answers; only tables that hold any are touched.
 */
export async function deletePortalData(
  db: Db,
  layout: PortalLayout,
  portalId: string,
  keep: readonly string[] = [],
): Promise<void> {
  const present = await tablesWithRows(db, layout, portalId);
  for (const child of layout.children) {
    if (keep.includes(child.parent) || !present.has(child.name)) continue;
    await untyped(db)
      .deleteFrom(child.name)
      .where(child.column, 'in', parentIds(db, child, portalId))
      .execute();
  }
  for (const table of layout.data) {
    if (keep.includes(table.name) || !present.has(table.name)) continue;
    await untyped(db).deleteFrom(table.name).where('portal_id', '=', portalId).execute();
  }
  if (present.has('idempotency_keys')) {
    await db.deleteFrom('idempotency_keys').where('portal_id', '=', portalId).execute();
  }
}

/** Deletes every row of the portal in every table, the portal row last. */
export async function deleteWholePortal(db: Db, layout: PortalLayout, portalId: string): Promise<void> {
  await deletePortalData(db, layout, portalId);
  for (const table of layout.control) {
    if (table === 'portals') continue;
    await untyped(db).deleteFrom(table).where('portal_id', '=', portalId).execute();
  }
  await db.deleteFrom('portals').where('id', '=', portalId).execute();
}

/** Counts the portal's rows per table (data, children and control), one query per table: what a delete must empty. */
export async function countPortalRows(db: Db, layout: PortalLayout, portalId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = async (query: ReturnType<typeof childRows>) =>
    Number((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  for (const table of [...layout.data.map((shape) => shape.name), ...layout.control]) {
    counts[table] = await count(untyped(db).selectFrom(table).where('portal_id', '=', portalId));
  }
  for (const child of layout.children) counts[child.name] = await count(childRows(db, child, portalId));
  counts.portals = await count(untyped(db).selectFrom('portals').where('id', '=', portalId));
  return counts;
}

/** One portal, or undefined. */
export function findPortal(db: Db, portalId: string): Promise<PortalTable | undefined> {
  return db.selectFrom('portals').selectAll().where('id', '=', portalId).executeTakeFirst();
}

/** A page of portals in creation order (all of them, or only the given one). */
export function listPortals(db: Db, page: { offset: number; limit: number; only?: string }): Promise<PortalTable[]> {
  let query = db.selectFrom('portals').selectAll().orderBy('created_at').orderBy('id');
  if (page.only !== undefined) query = query.where('id', '=', page.only);
  return query.offset(page.offset).limit(page.limit).execute();
}

/** The portal's first admin (by employee number): who owns what a fixture creates by default. */
export async function findPortalAdminErecno(db: Db, portalId: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('employees')
    .select(['erecno', 'employee_id'])
    .where('portal_id', '=', portalId)
    .where('is_admin', '=', 1)
    .where('status', '=', 'active')
    .execute();
  rows.sort((a, b) => Number(a.employee_id) - Number(b.employee_id) || a.employee_id.localeCompare(b.employee_id));
  return rows[0]?.erecno;
}
