/**
 * Hot queries built and compiled once per engine, then run with fresh parameters. Building and compiling a
 * Kysely query costs more than running it on SQLite (tens of µs for a join with a column list), and every
 * request pays it for authentication.
 */
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Db } from './database.ts';

const marker = '\u0000lectern-parameter-';

/** A query whose shape is fixed and whose scalar parameters change per call. */
export interface PreparedQuery<P extends readonly unknown[], R> {
  /** All rows. */
  all(db: Db, ...parameters: P): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: Db, ...parameters: P): Promise<R | undefined>;
}

/**
 * Wraps a builder so that it is compiled once per engine. The builder must use each parameter as a plain value
 * (a where clause, a limit), never to decide the query's shape.
 */
export function prepareQuery<P extends readonly unknown[], R>(
  build: (db: Kysely<any>, ...parameters: P) => Compilable<R>,
): PreparedQuery<P, R> {
  const byEngine = new Map<unknown, { sql: string; slots: (number | { value: unknown })[] }>();
  const compiledFor = (db: Db, arity: number) => {
    const engine = db.getExecutor().adapter.constructor;
    let compiled = byEngine.get(engine);
    if (compiled === undefined) {
      const placeholders = Array.from({ length: arity }, (_, index) => `${marker}${index}`) as unknown as P;
      const query = build(db as Kysely<any>, ...placeholders).compile();
      const slots = query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(marker) ? Number(value.slice(marker.length)) : { value },
      );
      compiled = { sql: query.sql, slots };
      byEngine.set(engine, compiled);
    }
    return compiled;
  };
  const run = async (db: Db, parameters: P): Promise<R[]> => {
    const { sql, slots } = compiledFor(db, parameters.length);
    const values = slots.map((slot) => (typeof slot === 'number' ? parameters[slot] : slot.value));
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, values));
    return result.rows;
  };
  return {
    all: (db, ...parameters) => run(db, parameters),
    first: async (db, ...parameters) => (await run(db, parameters))[0],
  };
}
