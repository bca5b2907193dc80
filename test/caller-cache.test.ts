/**
 * The in-process caller cache (src/http/auth-cache.ts): a warm token costs no statement, and whatever this process
 * changes in tokens, employees or portals is seen by the very next request; a change written past this process
 * (another server on the same PostgreSQL) is seen once LECTERN_CALLER_CACHE_MS has passed.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, testDialect } from './helpers/engines.ts';
import { queriesOf } from './helpers/query-log.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;

beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const fetchCourses = (token: string) => lectern.app.inject({ url: '/api/v1/courses', headers: lectern.auth(token) });

describe('the caller cache', () => {
  it('answers a warm token without a statement for it', async () => {
    const token = await lectern.token(['ALL']);
    expect((await fetchCourses(token)).statusCode).toBe(200);
    const sent = await queriesOf(async () => expect((await fetchCourses(token)).statusCode).toBe(200));
    expect(sent.some((query) => query.sql.includes('"tokens"'))).toBe(false);
  });

  it('refuses a token revoked through this process at once', async () => {
    const token = await lectern.token(['ALL']);
    expect((await fetchCourses(token)).statusCode).toBe(200);
    const revoked = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens/revoke',
      payload: { token },
    });
    expect(revoked.statusCode).toBe(200);
    const after = await fetchCourses(token);
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toContain('revoked');
  });

  it("refuses a deactivated person's token at once", async () => {
    const person = lectern.employees.find((employee) => employee.status === 'active' && !employee.is_admin)!;
    const token = await lectern.token(['ALL'], person.erecno);
    expect((await fetchCourses(token)).statusCode).toBe(200);
    const deactivated = await lectern.app.inject({
      method: 'POST',
      url: `/lectern/v1/employees/${person.erecno}/deactivate`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((await fetchCourses(token)).statusCode).toBe(401);
  });

  it.skipIf(testDialect !== 'postgres')(
    'sees a revoke written by another process within LECTERN_CALLER_CACHE_MS (5 s)',
    async () => {
      const token = await lectern.token(['ALL']);
      expect((await fetchCourses(token)).statusCode).toBe(200);
      // Another process: its own connection, which this process's driver never sees.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(lectern.app.lectern.db);
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`set search_path = ${rows[0]!.schema}`);
        const hash = createHash('sha256').update(token).digest('hex');
        await client.query('update tokens set revoked_at = $1 where hash = $2', [lectern.clock.now(), hash]);
      } finally {
        await client.end();
      }
      expect((await fetchCourses(token)).statusCode).toBe(200);
      lectern.clock.advance(4999);
      expect((await fetchCourses(token)).statusCode).toBe(200);
      lectern.clock.advance(1);
      expect((await fetchCourses(token)).statusCode).toBe(401);
    },
  );
});
