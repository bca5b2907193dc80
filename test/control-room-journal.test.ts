/** The request journal: what a portal's clients sent and got, secrets redacted, bounded, filtered and cleared. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonType } from './helpers/courses.ts';
import { control, get } from './helpers/observation.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const journal = async (query = '', target = lectern) => {
  const response = await control(target, 'GET', `journal${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

function post(url: string, payload: unknown, headers: Record<string, string> = jsonType) {
  return lectern.app.inject({
    method: 'POST',
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...headers },
    payload: payload as string,
  });
}

describe('what the journal records', () => {
  it('each request of the portal with its answer, newest first, on the clock', async () => {
    await control(lectern, 'DELETE', 'journal');
    const created = await post('/api/v1/courses?notify=false', { name: 'Journaled', type: 1 });
    expect(created.statusCode).toBe(200);
    lectern.clock.advance(60_000);
    const listed = await lectern.app.inject({
      url: '/api/v1/courses?startIndex=1',
      headers: { ...lectern.auth(lectern.adminToken), 'x-request-id': 'client-42' },
    });
    const { entries, recording, capacity } = await journal();
    expect({ recording, capacity }).toEqual({ recording: 'demo', capacity: 500 });
    expect(entries.map((entry: any) => `${entry.method} ${entry.path}`)).toEqual([
      'GET /api/v1/courses',
      'POST /api/v1/courses',
    ]);
    const [read, write] = entries;
    expect(read).toMatchObject({
      requestId: 'client-42',
      query: 'startIndex=1',
      status: 200,
      responseBody: listed.body,
      body: null,
      erecno: lectern.adminErecno,
      fault: null,
      dropped: false,
      time: new Date(lectern.clock.now()).toISOString(),
      at: lectern.clock.now(),
    });
    expect(read.headers['x-request-id']).toBe('client-42');
    expect(read.durationMs).toBeGreaterThanOrEqual(0);
    expect(write).toMatchObject({ query: 'notify=false', status: 200, responseBody: created.body });
    expect(JSON.parse(write.body)).toEqual({ name: 'Journaled', type: 1 });
    expect(write.headers['content-type']).toBe('application/json');
    expect(write.at).toBe(lectern.clock.now() - 60_000);
  });

  it('records refusals too, form bodies as sent, and never the control room itself', async () => {
    await control(lectern, 'DELETE', 'journal');
    const refused = await post('/api/v1/courses', 'courseData=%7B%22type%22%3A9%7D', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(refused.statusCode).toBe(400);
    await control(lectern, 'GET', 'faults');
    await control(lectern, 'GET', 'mailbox');
    const { entries } = await journal();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      status: 400,
      body: 'courseData=%7B%22type%22%3A9%7D',
      responseBody: refused.body,
    });
  });

  it('redacts every credential: headers, query parameters, and secrets in bodies and answers', async () => {
    await control(lectern, 'DELETE', 'journal');
    const learner = lectern.employees.find((employee) => employee.display_name === 'Hana Sato')!;
    const minted = await post('/lectern/v1/tokens', { scopes: ['ZOHOPEOPLE.training.READ'], erecno: learner.erecno });
    expect(minted.statusCode, minted.body).toBe(200);
    const mintedToken = minted.json().token as string;
    const secret = 'a-webhook-secret-of-some-length';
    const hook = await post('/lectern/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['*'], secret });
    expect(hook.statusCode, hook.body).toBe(200);
    await lectern.app.inject({
      url: '/api/v1/courses?authtoken=query-secret-1&code=query-secret-2&refresh_token=query-secret-3&startIndex=1',
      headers: { ...lectern.auth(mintedToken), cookie: 'session=cookie-secret' },
    });
    await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens/revoke',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...lectern.auth(lectern.adminToken) },
      payload: `token=${mintedToken}`,
    });
    const text = JSON.stringify(await journal());
    for (const value of [lectern.adminToken, mintedToken, secret, 'query-secret', 'cookie-secret']) {
      expect(text).not.toContain(value);
    }
    const { entries } = await journal('?path=/api/v1/courses');
    expect(entries[0].headers.authorization).toBe('[REDACTED]');
    expect(entries[0].headers.cookie).toBe('[REDACTED]');
    expect(entries[0].query).toBe('authtoken=[REDACTED]&code=[REDACTED]&refresh_token=[REDACTED]&startIndex=1');
    const mint = (await journal('?path=/lectern/v1/tokens&method=POST')).entries.at(-1);
    expect(JSON.parse(mint.responseBody).token).toBe('[REDACTED]');
  });

  it('keeps bodies and answers to 16384 characters, marking what was cut', async () => {
    await control(lectern, 'DELETE', 'journal');
    const long = 'x'.repeat(9_000);
    for (const name of ['Long one', 'Long two']) {
      expect((await post('/api/v1/courses', { name, type: 1, description: long })).statusCode).toBe(200);
    }
    const huge = await post('/api/v1/courses', { name: 'Huge', type: 1, description: 'y'.repeat(40_000) });
    expect(huge.statusCode).toBe(400);
    const page = await get(lectern, '/api/v1/courses');
    expect(page.body.length).toBeGreaterThan(16_384);
    const { entries } = await journal();
    const [read, refused] = entries;
    expect(read.responseBody.startsWith(page.body.slice(0, 16_384))).toBe(true);
    expect(read.responseBody).toMatch(/\.\.\.\[truncated: \d+ more characters\]$/);
    expect(refused.body.length).toBeLessThan(16_500);
    expect(refused.body).toContain(
      `...[truncated: ${JSON.stringify({ name: 'Huge', type: 1, description: 'y'.repeat(40_000) }).length - 16_384} more characters]`,
    );
  });
});

describe('reading it', () => {
  it('filters by method, path, status, time and count, and clears', async () => {
    await control(lectern, 'DELETE', 'journal');
    const start = lectern.clock.now();
    await get(lectern, '/api/v1/courses');
    lectern.clock.advance(1_000);
    await get(lectern, '/api/v1/courses/123456789012345678');
    await get(lectern, '/lectern/v1/employees');
    await post('/api/v1/courses', { type: 1 });
    const paths = async (query: string) =>
      (await journal(query)).entries.map((entry: any) => `${entry.method} ${entry.path} ${entry.status}`);
    expect(await paths('?method=POST')).toEqual(['POST /api/v1/courses 400']);
    expect(await paths('?status=404')).toEqual(['GET /api/v1/courses/123456789012345678 404']);
    expect(await paths('?path=/api/v1/courses/*')).toEqual(['GET /api/v1/courses/123456789012345678 404']);
    expect(await paths('?path=/lectern/**')).toEqual(['GET /lectern/v1/employees 200']);
    expect(await paths(`?since=${start + 1}`)).toHaveLength(3);
    expect(await paths(`?since=${new Date(start + 1).toISOString()}`)).toHaveLength(3);
    const limited = await journal('?limit=2');
    expect(limited.entries).toHaveLength(2);
    expect(limited.hasMoreRecords).toBe(true);
    for (const [query, parameter] of [
      ['?since=yesterday', 'since'],
      ['?limit=0', 'limit'],
      ['?status=abc', 'status'],
      ['?method=BREW', 'method'],
      ['?path=courses', 'path'],
      ['?path=/api/v1/course*', 'path'],
    ]) {
      const response = await control(lectern, 'GET', `journal${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().parameter, query).toBe(parameter);
    }
    const cleared = await control(lectern, 'DELETE', 'journal');
    expect(cleared.json()).toEqual({ code: '200', message: 'success', removed: 4 });
    expect((await journal()).entries).toEqual([]);
  });

  it("is the portal's own: another portal's admin finds it not found", async () => {
    const other = await lectern.otherPortal();
    await get(lectern, '/api/v1/courses', other.token);
    expect((await control(lectern, 'GET', 'journal', { token: other.token })).statusCode).toBe(404);
    expect((await control(lectern, 'DELETE', 'journal', { token: other.token })).statusCode).toBe(404);
    const own = await control(lectern, 'GET', 'journal', { token: other.token, portalId: other.portalId });
    expect(own.json().entries.map((entry: any) => entry.path)).toEqual(['/api/v1/courses']);
    expect((await journal()).entries.some((entry: any) => entry.erecno !== lectern.adminErecno)).toBe(false);
  });
});

describe('its settings', () => {
  it('keeps LECTERN_JOURNAL_SIZE requests per portal, and nothing with LECTERN_JOURNAL=off', async () => {
    const small = await createTestLectern({ env: { LECTERN_JOURNAL_SIZE: '3' } });
    const off = await createTestLectern({ env: { LECTERN_JOURNAL: 'off' } });
    try {
      for (const startIndex of [1, 2, 3, 4, 5]) await get(small, `/api/v1/courses?startIndex=${startIndex}`);
      const kept = await journal('', small);
      expect(kept.entries.map((entry: any) => entry.query)).toEqual(['startIndex=5', 'startIndex=4', 'startIndex=3']);
      await get(off, '/api/v1/courses');
      expect(await journal('', off)).toMatchObject({ entries: [], recording: 'off' });
    } finally {
      await small.close();
      await off.close();
    }
  });
});
