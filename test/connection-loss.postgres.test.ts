import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './helpers/engines.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern?.close());

/** Runs `count` queries at once, so each holds its own pooled connection, and answers their server process ids. */
async function pooledBackendPids(count: number): Promise<number[]> {
  const db = lectern.app.lectern.db;
  const rows = await Promise.all(
    Array.from({ length: count }, () =>
      sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(db),
    ),
  );
  return [...new Set(rows.map((result) => result.rows[0]!.pid))];
}

async function terminate(pids: number[]): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
    // Wait until the server has let them go, so the idle clients have seen their sockets close.
    for (let round = 0; round < 200; round++) {
      const left = await admin.query('select count(*)::int as n from pg_stat_activity where pid = any($1::int[])', [
        pids,
      ]);
      if (left.rows[0].n === 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL connections lost while idle', () => {
  it('keeps serving after the server closes every pooled connection (a restart, a failover, an idle timeout)', async () => {
    const pids = await pooledBackendPids(3);
    expect(pids.length).toBeGreaterThan(0);
    await terminate(pids);
    // The pool's idle clients emit 'error' as their sockets close; unhandled, that error ends the process.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = await lectern.app.inject({ url: '/api/v1/courses', headers: lectern.auth(lectern.adminToken) });
    expect(answer.statusCode).toBe(200);
    const ready = await lectern.app.inject({ url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready' });
  });
});
