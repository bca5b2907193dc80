/**
 * Hot queries built and compiled once per engine (and per list length), then run with fresh parameters. Building
 * and compiling a Kysely query costs more than running it on SQLite (tens of µs for a join with a column list), and
 * every request pays it for authentication, and a learner's every request for their progress.
 */
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Db } from './database.ts';

const marker = '\u0000lectern-parameter-';

/** Compiled shapes are kept for lists of up to this many values (a page of learners); longer ones are built each time. */
const maxCachedListLength = 32;
/** At most this many shapes are kept per query, so that odd list lengths cannot grow the cache without bound. */
const maxShapesPerQuery = 256;

/** A query whose shape is fixed (but for the length of its list parameters) and whose values change per call. */
export interface PreparedQuery<P extends readonly unknown[], R> {
  /** All rows. */
  all(db: Db, ...parameters: P): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: Db, ...parameters: P): Promise<R | undefined>;
}

type Slot = { parameter: number; item: number | null } | { value: unknown };

interface Compiled {
  sql: string;
  slots: Slot[];
}

function placeholderOf(value: unknown, index: number): unknown {
  if (Array.isArray(value)) return value.map((_, item) => `${marker}${index}.${item}`);
  return `${marker}${index}`;
}

function slotOf(value: unknown): Slot {
  if (typeof value !== 'string' || !value.startsWith(marker)) return { value };
  const [parameter, item] = value.slice(marker.length).split('.');
  return { parameter: Number(parameter), item: item === undefined ? null : Number(item) };
}

/**
 * Wraps a builder so that it is compiled once per engine and per lengths of its list parameters. The builder must
 * use each parameter as a plain value (a where clause, an `in` list, a limit), never to decide the query's shape,
 * except by a list's length.
 */
export function prepareQuery<P extends readonly unknown[], R>(
  build: (db: Kysely<any>, ...parameters: P) => Compilable<R>,
): PreparedQuery<P, R> {
  const byShape = new Map<string, Compiled>();
  const compile = (db: Db, parameters: P): Compiled => {
    const placeholders = parameters.map(placeholderOf) as unknown as P;
    const query = build(db as Kysely<any>, ...placeholders).compile();
    return { sql: query.sql, slots: query.parameters.map(slotOf) };
  };
  const compiledFor = (db: Db, parameters: P): Compiled => {
    let shape = '';
    for (const parameter of parameters) {
      if (!Array.isArray(parameter)) continue;
      if (parameter.length > maxCachedListLength) return compile(db, parameters);
      shape += `${parameter.length},`;
    }
    const engine = db.getExecutor().adapter.constructor.name;
    const key = `${engine}:${shape}`;
    let compiled = byShape.get(key);
    if (compiled === undefined) {
      compiled = compile(db, parameters);
      if (byShape.size < maxShapesPerQuery) byShape.set(key, compiled);
    }
    return compiled;
  };
  const run = async (db: Db, parameters: P): Promise<R[]> => {
    const { sql, slots } = compiledFor(db, parameters);
    const values = slots.map((slot) => {
      if ('value' in slot) return slot.value;
      const parameter = parameters[slot.parameter];
      return slot.item === null ? parameter : (parameter as readonly unknown[])[slot.item];
    });
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, values));
    return result.rows;
  };
  return {
    all: (db, ...parameters) => run(db, parameters),
    first: async (db, ...parameters) => (await run(db, parameters))[0],
  };
}
