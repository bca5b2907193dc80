/**
 * Where SQLite and PostgreSQL differ, in one place, so that repositories stay portable. Row locks are PostgreSQL's
 * alone: SQLite runs one writing transaction at a time, which already queues concurrent writers.
 */
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
