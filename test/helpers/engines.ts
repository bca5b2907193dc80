/** Which database engine a test run uses, and a private PostgreSQL schema per test file. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/create-db.ts';

/** The engine of this run: the vitest project sets LECTERN_TEST_DIALECT. */
export const testDialect: 'sqlite' | 'postgres' =
  process.env.LECTERN_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** Where the PostgreSQL test runs connect. */
export const testDatabaseUrl = process.env.LECTERN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where the Redis tests connect. */
export const testRedisUrl = process.env.LECTERN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** A database handle on this run's engine (or the one given); on PostgreSQL in a fresh schema that close() drops. */
export async function openTestDatabase(
  dialect: 'sqlite' | 'postgres' = testDialect,
): Promise<DatabaseHandle & { schema: string | null; url: string | null }> {
  if (dialect === 'sqlite') return { ...openDatabase({ dataDir: null }), schema: null, url: null };
  const schema = await createSchema();
  const handle = openDatabase({ dataDir: null, databaseUrl: testDatabaseUrl, postgresSchema: schema, poolSize: 4 });
  return {
    ...handle,
    schema,
    url: testDatabaseUrl,
    close: async () => {
      await handle.close();
      await dropSchema(schema);
    },
  };
}

/** Creates an empty schema with a unique name. */
export async function createSchema(): Promise<string> {
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  return schema;
}

/** Drops a schema made by createSchema. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
