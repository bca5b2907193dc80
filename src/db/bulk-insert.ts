/**
 * Many rows into one table with few statements: multi-row VALUES written as SQL text, 20,000 bound values a statement
 * (under SQLite's 32,766 and PostgreSQL's 65,535). Kysely's builder is skipped on purpose: it makes a node per bound
 * value, and for a 100,000-row import the garbage collector was most of the run (SQLite 51 s -> 25 s).
 */
import { CompiledQuery } from 'kysely';
import type { Dialect } from './create-db.ts';
import type { Db } from './database.ts';
import { placeholder } from './dialect.ts';

/** Bound values per statement. */
const parametersPerInsert = 20_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows one statement carries for a table of `columnCount` columns. */
export function rowsPerInsert(columnCount: number): number {
  return Math.max(1, Math.floor(parametersPerInsert / columnCount));
}

/**
 * Inserts `rows` (values in `columns` order; undefined as null) in the caller's transaction, telling `onInserted`
 * how many went in after each statement.
 */
export async function insertRows(
  db: Db,
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  onInserted?: (count: number) => void,
): Promise<void> {
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
  const size = rowsPerInsert(columns.length);
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const parameters: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (let index = 0; index < columns.length; index += 1) {
        parameters.push(row[index] ?? null);
        marks.push(placeholder(dialect, parameters.length));
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), parameters));
    onInserted?.(chunk.length);
  }
}
