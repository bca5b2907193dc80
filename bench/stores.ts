/** The stores a bench run serves from: a temporary SQLite folder, or a fresh PostgreSQL schema dropped afterwards. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The engines a run can measure. */
export type Engine = 'sqlite' | 'postgres';

/** A store made for one run, and how `lectern serve` is pointed at it. */
export interface BenchStore {
  engine: Engine;
  /** A human label for the table: the engine and its durability. */
  label: string;
  /** `lectern serve` flags naming the store. */
  args: string[];
  /**
   * Brings the planner's statistics up to date after a scenario's set-up, as autovacuum's autoanalyze would within a
   * minute on a live PostgreSQL server (without it, the People records page planned nested seq scans: 20 req/s, 406
   * after ANALYZE). SQLite: nothing, as Lectern keeps no statistics there.
   */
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

/** An empty SQLite folder under the system's temporary directory (synchronous=FULL, Lectern's default). */
export function sqliteStore(): BenchStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
  return {
    engine: 'sqlite',
    label: 'SQLite file, synchronous=FULL',
    args: ['--data', dataDir],
    settle: async () => {},
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A fresh schema on the PostgreSQL server at `url`; every connection Lectern opens gets it as its search_path, so the
 * bench never touches existing tables. The schema is dropped by dispose().
 */
export async function postgresStore(url: string): Promise<BenchStore> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`create schema ${schema}`));
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    engine: 'postgres',
    label: 'PostgreSQL',
    args: ['--database-url', scoped.toString()],
    settle: () => analyzeSchema(url, schema),
    dispose: async () => {
      await withClient(url, (client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/** ANALYZE of every table in `schema` (not the whole database, which holds other runs' and tests' schemas). */
export async function analyzeSchema(url: string, schema: string): Promise<void> {
  await withClient(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = $1`,
      [schema],
    );
    if (tables.rows.length > 0) await client.query(`analyze ${tables.rows.map((table) => table.name).join(', ')}`);
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Makes, then drops, a schema for `work` (the startup rows spawn their own servers on it). */
export async function inFreshSchema<T>(url: string, work: (schema: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`create schema ${schema}`));
  try {
    return await work(schema);
  } finally {
    await withClient(url, (client) => client.query(`drop schema if exists ${schema} cascade`));
  }
}
