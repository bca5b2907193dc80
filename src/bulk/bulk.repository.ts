/**
 * The bulk module's queries over the tables of the kinds it imports and exports (named by the kind, not typed per
 * table). Every read and write goes in chunks: a few statements per thousand rows, never one per row.
 */
import type { Kysely } from 'kysely';
import { insertRows as insertTableRows } from '../db/bulk-insert.ts';
import type { Dialect } from '../db/create-db.ts';
import type { Db } from '../db/database.ts';
import type { TableRow } from './kind.schemas.ts';

/** Ids per `in (...)` list. */
const lookupChunk = 500;
/** Past this many values, a lookup in the portal reads all its rows of the table once. */
const wholeTableThreshold = 2_000;

// The kinds name their tables and columns, so the queries are built over an untyped view of the schema.
const untyped = (db: Db) => db as unknown as Kysely<any>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Which of `ids` are rows of the portal in `table` (by `column`). */
export async function existingIds(
  db: Db,
  table: string,
  column: string,
  portalId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(ids, lookupChunk)) {
    const rows = await untyped(db)
      .selectFrom(table)
      .select(column)
      .where('portal_id', '=', portalId)
      .where(column, 'in', chunk)
      .execute();
    for (const row of rows) found.add(String(row[column]));
  }
  return found;
}

/** Whole rows whose `column` is one of `values`: of any portal when `portalId` is null (to find ids taken elsewhere). */
export async function rowsWhere(
  db: Db,
  table: string,
  column: string,
  values: readonly string[],
  portalId: string | null,
): Promise<TableRow[]> {
  if (portalId !== null && values.length > wholeTableThreshold) {
    // Natural keys have no index of their own: one scan of the portal's rows beats a scan per chunk.
    const all = (await untyped(db)
      .selectFrom(table)
      .selectAll()
      .where('portal_id', '=', portalId)
      .execute()) as TableRow[];
    const wanted = new Set(values);
    return all.filter((row) => wanted.has(String(row[column])));
  }
  const result: TableRow[] = [];
  for (const chunk of chunks(values, lookupChunk)) {
    let query = untyped(db).selectFrom(table).selectAll().where(column, 'in', chunk);
    if (portalId !== null) query = query.where('portal_id', '=', portalId);
    result.push(...((await query.execute()) as TableRow[]));
  }
  return result;
}

/** Deletes the portal's rows with the keys of `rows` (the rows an import replaces with their merged versions). */
export async function deleteRows(
  db: Db,
  table: string,
  portalId: string,
  key: readonly string[],
  rows: readonly TableRow[],
): Promise<void> {
  const size = Math.max(1, Math.floor(lookupChunk / key.length));
  for (const chunk of chunks(rows, size)) {
    if (key.length === 1) {
      const column = key[0]!;
      await untyped(db)
        .deleteFrom(table)
        .where('portal_id', '=', portalId)
        .where(
          column,
          'in',
          chunk.map((row) => row[column]),
        )
        .execute();
      continue;
    }
    await untyped(db)
      .deleteFrom(table)
      .where('portal_id', '=', portalId)
      .where((eb) =>
        eb.or(
          chunk.map((row) =>
            eb.and(key.map((column) => (row[column] === null ? eb(column, 'is', null) : eb(column, '=', row[column])))),
          ),
        ),
      )
      .execute();
  }
}

/** Inserts table rows (objects with the same keys) through the one bulk insert, in the caller's transaction. */
export async function insertRows(
  db: Db,
  dialect: Dialect,
  table: string,
  rows: readonly TableRow[],
  onInserted?: (count: number) => void,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const values = rows.map((row) => columns.map((column) => row[column]));
  await insertTableRows(db, dialect, table, columns, values, onInserted);
}

/**
 * A page of the portal's rows of `table` in a stable order: after the row whose first order column is `after` (kinds
 * ordered by their id: no offset to walk past), else from `offset`.
 */
export async function pageOfRows(
  db: Db,
  table: string,
  portalId: string,
  orderBy: readonly string[],
  from: { after: string | null } | { offset: number },
  limit: number,
): Promise<TableRow[]> {
  let query = untyped(db).selectFrom(table).selectAll().where('portal_id', '=', portalId);
  if ('after' in from && from.after !== null) query = query.where(orderBy[0]!, '>', from.after);
  for (const column of orderBy) query = query.orderBy(column);
  if ('offset' in from) query = query.offset(from.offset);
  return (await query.limit(limit).execute()) as TableRow[];
}
