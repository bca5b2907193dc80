/**
 * Stores seeded once at a scale and kept between runs (seeding a million courses takes minutes): a SQLite folder
 * under /tmp/scale (BENCH_SCALE_DIR) and a schema in the PostgreSQL database lectern_scale (BENCH_SCALE_DATABASE_URL).
 * A store is seeded when it holds fewer courses than asked for; later runs find it seeded and reuse it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { ScaleCounts } from './options.ts';
import { buildLectern, seedLecternStore } from './processes.ts';
import { analyzeSchema, type BenchStore, type Engine } from './stores.ts';

/** Where the kept stores live. */
export const scaleDir = process.env.BENCH_SCALE_DIR || '/tmp/scale';
/** The PostgreSQL database holding one schema per scale (made when missing). */
export const scaleDatabaseUrl =
  process.env.BENCH_SCALE_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/lectern_scale';

/** A short, stable name for a scale: `1000000-100000-10000000`. */
export function scaleName(counts: ScaleCounts): string {
  return `${counts.courses}-${counts.people}-${counts.enrolments}`;
}

/** Where a kept store is: the SQLite folder, or the PostgreSQL URL with its schema on the search path. */
export interface ScaleLocation {
  engine: Engine;
  dataDir: string | null;
  databaseUrl: string | null;
  schema: string | null;
  /** `lectern` flags naming the store. */
  args: string[];
}

/** The location of the kept store of `counts` on `engine`. */
export function scaleLocation(engine: Engine, counts: ScaleCounts): ScaleLocation {
  if (engine === 'sqlite') {
    const dataDir = join(scaleDir, `sqlite-${scaleName(counts)}`);
    return { engine, dataDir, databaseUrl: null, schema: null, args: ['--data', dataDir] };
  }
  const schema = `scale_${scaleName(counts).replaceAll('-', '_')}`;
  const url = new URL(scaleDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { engine, dataDir: null, databaseUrl: scaleDatabaseUrl, schema, args: ['--database-url', url.toString()] };
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

/** How many courses the store holds (0 when it does not exist yet). */
async function coursesIn(location: ScaleLocation): Promise<number> {
  if (location.engine === 'sqlite') {
    const file = join(location.dataDir!, 'lectern.sqlite');
    if (!existsSync(file)) return 0;
    const { default: SqliteDatabase } = await import('better-sqlite3');
    const database = new SqliteDatabase(file, { readonly: true });
    try {
      const hasTable = database.prepare("select 1 from sqlite_master where name = 'courses'").get();
      return hasTable ? (database.prepare('select count(*) as n from courses').get() as { n: number }).n : 0;
    } finally {
      database.close();
    }
  }
  const server = new URL(scaleDatabaseUrl);
  const name = server.pathname.slice(1);
  server.pathname = '/postgres';
  await withClient(server.toString(), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  });
  return withClient(scaleDatabaseUrl, async (client) => {
    await client.query(`create schema if not exists ${location.schema}`);
    const table = await client.query('select 1 from pg_tables where schemaname = $1 and tablename = $2', [
      location.schema,
      'courses',
    ]);
    if (table.rowCount === 0) return 0;
    return Number((await client.query(`select count(*) as n from ${location.schema}.courses`)).rows[0].n);
  });
}

/** Seeds the kept store of `counts` unless it already holds them; PostgreSQL's statistics are refreshed after. */
export async function ensureScaleStore(
  engine: Engine,
  counts: ScaleCounts,
  log: (line: string) => void,
): Promise<ScaleLocation> {
  const location = scaleLocation(engine, counts);
  const present = await coursesIn(location);
  if (present >= counts.courses) {
    log(`${engine}: reusing the store at ${location.dataDir ?? location.schema} (${present} courses)`);
    return location;
  }
  if (present > 0) throw new Error(`${location.dataDir ?? location.schema} holds ${present} courses: drop it first`);
  log(`${engine}: seeding ${JSON.stringify(counts)} into ${location.dataDir ?? location.schema}`);
  buildLectern();
  await seedLecternStore(location.args, counts, log);
  if (engine === 'postgres') await withClient(scaleDatabaseUrl, (client) => client.query(`analyze`));
  return location;
}

/** A kept store as a bench store: dispose() keeps it for the next run. */
export function keptBenchStore(location: ScaleLocation): BenchStore {
  return {
    engine: location.engine,
    label: location.engine === 'sqlite' ? 'SQLite file, synchronous=FULL' : 'PostgreSQL',
    args: location.args,
    settle: async () => {
      if (location.schema !== null) await analyzeSchema(scaleDatabaseUrl, location.schema);
    },
    dispose: async () => {},
  };
}
