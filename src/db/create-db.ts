/** Opens the database: embedded SQLite (the default) or PostgreSQL, behind one Kysely type. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type Pg from 'pg';
import { lazyRequire } from '../lazy-require.ts';
import { type CallerRowsEpoch, dialectWatchingCallerRows } from './caller-rows-epoch.ts';
import { dialectWithCommitClaims } from './commit-claims.ts';
import type { Database } from './database.ts';
import { dialectWithGroupCommit, type GroupCommitStats } from './group-commit.ts';
import { migrations } from './migrations/index.ts';

const loadPg = lazyRequire<typeof Pg>('pg');

/** Which engine a handle talks to. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database with its engine's name and a way to close it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  close(): Promise<void>;
  /** The connection pool's counts (PostgreSQL; SQLite has one connection and no pool). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** SQLite's group commits so far: COMMITs and the transactions they carried. */
  groupCommitStats?(): GroupCommitStats;
  /** Moves after every change this process makes to tokens, employees or portals (the caller cache's clue). */
  readonly callerRowsEpoch?: CallerRowsEpoch;
}

/** Where to open the database. */
export interface OpenOptions {
  /** SQLite folder; null for an in-memory database. Ignored when databaseUrl is set. */
  dataDir: string | null;
  databaseUrl?: string | null;
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** PostgreSQL schema to use (tests give each file its own). */
  postgresSchema?: string;
  poolSize?: number;
}

/**
 * Kysely's stock SQLite driver prepares every statement anew (~27 µs against ~6 µs for a prepared call);
 * caching statements by SQL text removes most of that cost.
 */
function withStatementCache(database: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (cache.size > 2000) cache.clear();
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

function openSqlite(options: OpenOptions): DatabaseHandle {
  let file = ':memory:';
  if (options.dataDir !== null) {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'lectern.sqlite');
  }
  const database = new SqliteDatabase(file);
  // Both pragmas are per connection: better-sqlite3 does not carry `synchronous` over from the file.
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${options.sqliteSynchronous ?? 'FULL'}`);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const stats: GroupCommitStats = { commits: 0, members: 0 };
  // Group commit on every SQLite store, in memory too, so the one code path is the one every test runs.
  const watched = dialectWatchingCallerRows(
    dialectWithCommitClaims(
      dialectWithGroupCommit(new SqliteDialect({ database: withStatementCache(database) }), stats),
    ),
  );
  const db = new Kysely<Database>({ dialect: watched.dialect });
  return {
    db,
    dialect: 'sqlite',
    close: () => db.destroy(),
    groupCommitStats: () => ({ ...stats }),
    callerRowsEpoch: watched.epoch,
  };
}

function openPostgres(options: OpenOptions): DatabaseHandle {
  const pg = loadPg();
  // int8 columns hold epoch milliseconds, well inside Number's exact range.
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({
    connectionString: options.databaseUrl!,
    max: options.poolSize ?? 10,
    ...(options.postgresSchema ? { options: `-c search_path=${options.postgresSchema}` } : {}),
  });
  // A pooled connection the server closes while idle (a restart, a failover, an idle timeout) is dropped by the pool
  // and replaced on the next checkout; left unheard, its 'error' event would end the process.
  pool.on('error', () => {});
  const watched = dialectWatchingCallerRows(dialectWithCommitClaims(new PostgresDialect({ pool })));
  const db = new Kysely<Database>({ dialect: watched.dialect });
  const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return { db, dialect: 'postgres', close: () => db.destroy(), poolStats, callerRowsEpoch: watched.epoch };
}

/** Opens the configured database (PostgreSQL when a URL is given, SQLite otherwise). */
export function openDatabase(options: OpenOptions): DatabaseHandle {
  return options.databaseUrl ? openPostgres(options) : openSqlite(options);
}

/**
 * Builds a migrator over the frozen migration list. On PostgreSQL its bookkeeping tables go into the
 * connection's current schema: Kysely otherwise finds another schema's tables on the search path and skips
 * making its own, which breaks stores that share one database through schemas.
 */
export async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  const provider = { getMigrations: async () => migrations };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]!.schema });
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const { error } = await (await createMigrator(db)).migrateToLatest();
    if (!error) return;
    // Kysely's migrator lists the tables of every schema; a schema another process drops meanwhile fails that
    // listing with 3F000 (invalid_schema_name), 42P01 (undefined_table) or 42703 (undefined_column: a table dropped
    // between reading its name and its columns), which a second look gets past.
    const code = (error as { code?: string }).code;
    if (attempt < 5 && (code === '3F000' || code === '42P01' || code === '42703')) continue;
    throw error;
  }
}
