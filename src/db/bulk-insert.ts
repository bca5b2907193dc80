/**
 * Many rows into one table with few statements: SQLite gets multi-row VALUES (bounded by its 32,766 variables),
 * PostgreSQL one INSERT ... SELECT FROM unnest($1::type[], ...) per chunk, one parameter a column however many rows.
 * Kysely's builder is skipped on purpose: building a 4,000-row insert as a syntax tree costs more than running it.
 */
import { CompiledQuery } from 'kysely';
import type { Dialect } from './create-db.ts';
import type { Db } from './database.ts';

/** A column of a bulk insert, with the PostgreSQL array type its values are cast to. */
export interface BulkColumn {
  name: string;
  pgType: 'text' | 'bigint' | 'integer';
}

/** SQLite's limit on variables in one statement (since 3.32). */
const sqliteVariables = 32_766;
/** Rows a PostgreSQL unnest insert carries: large enough to amortise the round trip, small enough to stream. */
const postgresRows = 10_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows one statement holds on the engine, for a table of `columnCount` columns. */
export function bulkChunkRows(dialect: Dialect, columnCount: number): number {
  return dialect === 'sqlite' ? Math.floor(sqliteVariables / columnCount) : postgresRows;
}

/** Inserts `rows` (values in `columns` order) with as few statements as the engine allows; the caller's transaction. */
export async function bulkInsert(
  db: Db,
  dialect: Dialect,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const names = columns.map((column) => quote(column.name)).join(', ');
  const chunk = bulkChunkRows(dialect, columns.length);
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await db.executeQuery(
      dialect === 'sqlite'
        ? sqliteInsert(table, names, columns.length, part)
        : postgresInsert(table, names, columns, part),
    );
  }
}

function sqliteInsert(table: string, names: string, width: number, rows: readonly (readonly unknown[])[]) {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const text = `insert into ${quote(table)} (${names}) values ${Array.from({ length: rows.length }, () => tuple).join(', ')}`;
  return CompiledQuery.raw(text, rows.flat());
}

function postgresInsert(
  table: string,
  names: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
) {
  const arrays = columns.map((_, index) => rows.map((row) => row[index]));
  const casts = columns.map((column, index) => `$${index + 1}::${column.pgType}[]`).join(', ');
  return CompiledQuery.raw(`insert into ${quote(table)} (${names}) select * from unnest(${casts})`, arrays);
}
