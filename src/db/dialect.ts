/**
 * Where SQLite and PostgreSQL differ, in one place, so that repositories stay portable. Row locks are PostgreSQL's
 * alone: SQLite runs one writing transaction at a time, which already queues concurrent writers.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './create-db.ts';

/** A query that can lock the rows it reads (Kysely's select builder). */
interface Lockable<Q> {
  forUpdate(): Q;
  skipLocked(): Q;
}

/** True where a read inside a transaction can lock rows (PostgreSQL); undefined means no lock was asked for. */
export function locksRows(dialect: Dialect | undefined): boolean {
  return dialect === 'postgres';
}

/** The query, locking the rows it reads until the transaction ends where the engine needs it (FOR UPDATE). */
export function forUpdate<Q extends Lockable<Q>>(query: Q, dialect: Dialect | undefined): Q {
  return locksRows(dialect) ? query.forUpdate() : query;
}

/** The query, claiming the rows it reads and passing over rows another claim holds (FOR UPDATE SKIP LOCKED). */
export function forUpdateSkipLocked<Q extends Lockable<Q>>(query: Q, dialect: Dialect | undefined): Q {
  return locksRows(dialect) ? query.forUpdate().skipLocked() : query;
}

/** A column of a table in the store's own schema. */
export interface TableColumn {
  table: string;
  column: string;
}

/**
 * Every column of every table in the store (on PostgreSQL only the connection's current schema: other stores may
 * share the database through schemas), in column order. The control room reads it to find each portal's tables.
 */
export async function listTableColumns(db: Kysely<any>, dialect: Dialect): Promise<TableColumn[]> {
  const query =
    dialect === 'postgres'
      ? sql<TableColumn>`select table_name as "table", column_name as "column" from information_schema.columns
          where table_schema = current_schema() order by table_name, ordinal_position`
      : sql<TableColumn>`select m.name as "table", p.name as "column" from sqlite_master m
          join pragma_table_info(m.name) p where m.type = 'table' and m.name not like 'sqlite_%'
          order by m.name, p.cid`;
  return (await query.execute(db)).rows;
}

/** True when a statement failed on a primary key or unique index (SQLite's SQLITE_CONSTRAINT_*, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The placeholder of the `index`th (from 1) bound value in hand-built SQL: `?` on SQLite, `$n` on PostgreSQL. */
export function placeholder(dialect: Dialect, index: number): string {
  return dialect === 'postgres' ? `$${index}` : '?';
}
