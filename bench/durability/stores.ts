/** Throw-away stores for the scripts: a temporary SQLite folder, or a PostgreSQL schema created and then dropped. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreLocation } from '../served-lectern.ts';

/** A store and how to get rid of it. */
export interface ScratchStore {
  location: StoreLocation;
  remove(): Promise<void>;
}

/** The PostgreSQL server the scripts use: the one the tests use, unless DURABILITY_DATABASE_URL names another. */
export const postgresUrl = process.env.DURABILITY_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh folder for a SQLite store under the system's temporary folder. */
export function sqliteStore(): ScratchStore & { dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-durability-'));
  const remove = async () => rmSync(dataDir, { recursive: true, force: true });
  return { location: { kind: 'sqlite', dataDir }, dataDir, remove };
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A schema of its own on the PostgreSQL server; the served process reaches it through the URL's search_path. */
export async function postgresStore(): Promise<ScratchStore> {
  const schema = `durability_${randomBytes(6).toString('hex')}`;
  await withClient((client) => client.query(`create schema ${schema}`));
  const separator = postgresUrl.includes('?') ? '&' : '?';
  const databaseUrl = `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    location: { kind: 'postgres', databaseUrl },
    remove: async () => {
      await withClient((client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/** PostgreSQL's synchronous_commit, which decides whether a commit waits for its WAL flush. */
export function postgresSynchronousCommit(): Promise<string> {
  return withClient(async (client) => (await client.query('show synchronous_commit')).rows[0].synchronous_commit);
}
