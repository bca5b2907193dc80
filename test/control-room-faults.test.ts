/** Fault rules: answers, latency and dropped connections on a portal's /api/ traffic, set and cleared by its admin. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCourse } from './helpers/courses.ts';
import { listen } from './helpers/live-server.ts';
import { addFault, control, get, seededRandom } from './helpers/observation.ts';
import { openRaw } from './helpers/raw-socket.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let random = seededRandom(7);
const sleep = vi.fn<(ms: number) => Promise<void>>(() => Promise.resolve());

beforeAll(async () => {
  lectern = await createTestLectern({ observation: { random: () => random(), sleep } });
});
afterAll(() => lectern.close());

const courses = () => get(lectern, '/api/v1/courses');

async function clear() {
  expect((await control(lectern, 'DELETE', 'faults')).statusCode).toBe(200);
}

describe('a status rule', () => {
  it("answers the status with Zoho's body for it, or the body given; the handler never runs", async () => {
    await addFault(lectern, { method: 'GET', path: '/api/v1/courses', action: 'status', status: 503 });
    const faulted = await courses();
    expect(faulted.statusCode).toBe(503);
    expect(faulted.json()).toEqual({ code: '503', message: 'Sorry! Server error occured' });
    await clear();

    await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 401 });
    expect((await courses()).json()).toEqual({ code: '7202', message: 'Invalid OAuth token' });
    await clear();

    const body = { code: 'INVALID_INPUT', message: 'Invalid value for courseData', parameter: 'courseData' };
    await addFault(lectern, { method: 'POST', path: '/api/v1/*', action: 'status', status: 400, body });
    const refused = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
      payload: { name: 'Never made', type: 1 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual(body);
    expect((await courses()).statusCode, 'a GET is not matched by a POST rule').toBe(200);
    await clear();
  });

  it('writes nothing when it answers a write', async () => {
    const before = await lectern.app.lectern.db.selectFrom('courses').select('id').execute();
    await addFault(lectern, { method: 'POST', path: '/api/v1/courses', action: 'status', status: 500 });
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
      payload: { name: 'Faulted write', type: 1 },
    });
    expect(response.statusCode).toBe(500);
    const after = await lectern.app.lectern.db.selectFrom('courses').select('id').execute();
    expect(after).toHaveLength(before.length);
    await clear();
  });

  it('fires for the next N matches, then is gone from the list', async () => {
    const rule = await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 502, times: 2 });
    expect(rule).toMatchObject({ remaining: 2, hits: 0, probability: 1, action: 'status', method: '*' });
    expect((await courses()).statusCode).toBe(502);
    expect((await control(lectern, 'GET', 'faults')).json().faults[0]).toMatchObject({ remaining: 1, hits: 1 });
    expect((await courses()).statusCode).toBe(502);
    expect((await courses()).statusCode).toBe(200);
    expect((await control(lectern, 'GET', 'faults')).json().faults).toEqual([]);
  });

  it('fires with its probability, from the injected random source', async () => {
    random = seededRandom(42);
    const expected = Array.from({ length: 20 }, seededRandom(42)).map((value) => (value < 0.3 ? 429 : 200));
    random = seededRandom(42);
    await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 429, probability: 0.3 });
    const statuses: number[] = [];
    for (let index = 0; index < 20; index++) statuses.push((await courses()).statusCode);
    expect(statuses).toEqual(expected);
    expect(statuses).toContain(429);
    expect(statuses).toContain(200);
    await clear();
  });

  it('sends Retry-After with a faulted 429 (60 s unless the rule says), and none with other statuses', async () => {
    await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 429, times: 1 });
    const throttled = await courses();
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('60');
    const rule = await addFault(lectern, {
      path: '/api/v1/courses',
      action: 'status',
      status: 503,
      retryAfterSeconds: 5,
      times: 1,
    });
    expect(rule).toMatchObject({ retryAfterSeconds: 5 });
    expect((await courses()).headers['retry-after']).toBe('5');
    await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 500, times: 1 });
    expect((await courses()).headers['retry-after']).toBeUndefined();
    const refused = await control(lectern, 'POST', 'faults', {
      body: { path: '/api/v1/courses', action: 'latency', latencyMs: 5, retryAfterSeconds: 5 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('retryAfterSeconds');
    await clear();
  });

  it("matches only the erecno it names (the caller's)", async () => {
    const learner = lectern.employees.find((employee) => employee.display_name === 'Fatima Zahra')!;
    const learnerToken = await lectern.token(['ALL'], learner.erecno);
    await addFault(lectern, { path: '/api/v1/courses', erecno: learner.erecno, action: 'status', status: 500 });
    expect((await get(lectern, '/api/v1/courses', learnerToken)).statusCode).toBe(500);
    expect((await courses()).statusCode).toBe(200);
    await clear();
  });

  it('matches `*` as one segment, `**` as many, and a plain path as a prefix at a segment boundary', async () => {
    const course = await createCourse(lectern, lectern.adminToken);
    const one = `/api/v1/courses/${course.courseId}`;
    const cases: [pattern: string, path: string, matches: boolean][] = [
      ['/api/v1/courses/*', one, true],
      ['/api/v1/courses/*', `${one}/batches`, false],
      ['/api/v1/courses/**', `${one}/batches`, true],
      ['/api/v1/courses', `${one}/batches`, true],
      ['/api/v1/cours', one, false],
      ['/api/**/batches', `${one}/batches`, true],
      ['/api/**/batches', one, false],
    ];
    for (const [path, url, matches] of cases) {
      await addFault(lectern, { method: 'GET', path, action: 'status', status: 418 });
      expect((await get(lectern, url)).statusCode === 418, `${path} on ${url}`).toBe(matches);
      await clear();
    }
  });
});

describe('a latency rule', () => {
  it('delays the request through the timer, then lets it through', async () => {
    let wake!: () => void;
    sleep.mockImplementationOnce(() => new Promise<void>((resolve) => (wake = resolve)));
    await addFault(lectern, { path: '/api/v1/courses', action: 'latency', latencyMs: 2500 });
    let answered = false;
    const pending = courses().then((response) => {
      answered = true;
      return response;
    });
    await vi.waitFor(() => expect(sleep).toHaveBeenCalledWith(2500));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    wake();
    expect((await pending).statusCode).toBe(200);
    await clear();
  });

  it('adds up with other latency rules, and goes before a status rule', async () => {
    sleep.mockClear();
    await addFault(lectern, { path: '/api/v1/courses', action: 'latency', latencyMs: 20_000 });
    await addFault(lectern, { path: '/api/v1/courses', action: 'latency', latencyMs: 20_000 });
    await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 504 });
    expect((await courses()).statusCode).toBe(504);
    expect(sleep).toHaveBeenCalledWith(30_000);
    await clear();
  });

  it('is bounded at 30 s', async () => {
    const response = await control(lectern, 'POST', 'faults', {
      body: { path: '/api/v1/courses', action: 'latency', latencyMs: 30_001 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().parameter).toBe('latencyMs');
  });
});

describe('a drop rule', () => {
  it('closes the connection without an answer, on a real socket', async () => {
    const live = await createTestLectern();
    try {
      const baseUrl = await listen(live.app);
      const rule = await addFault(live, { path: '/api/v1/courses', action: 'drop' });
      const client = await openRaw(baseUrl);
      client.socket.write(
        `GET /api/v1/courses HTTP/1.1\r\nHost: x\r\nAuthorization: Zoho-oauthtoken ${live.adminToken}\r\n\r\n`,
      );
      const end = await client.closed;
      expect(end.text).toBe('');
      const journal = (await control(live, 'GET', 'journal')).json().entries;
      expect(journal[0]).toMatchObject({ path: '/api/v1/courses', status: null, dropped: true, fault: rule.faultId });
    } finally {
      await live.close();
    }
  });
});

describe('the rules themselves', () => {
  it('never touch the control-room routes, so a test can always remove them', async () => {
    const refused = await control(lectern, 'POST', 'faults', { body: { path: '/lectern/v1/portals', action: 'drop' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().parameter).toBe('path');
    await addFault(lectern, { path: '/api/', action: 'status', status: 500 });
    expect((await courses()).statusCode).toBe(500);
    expect((await control(lectern, 'GET', 'faults')).statusCode).toBe(200);
    expect((await get(lectern, '/lectern/v1/employees')).statusCode).toBe(200);
    expect((await control(lectern, 'DELETE', 'faults')).json()).toEqual({
      code: '200',
      message: 'success',
      removed: 1,
    });
    expect((await courses()).statusCode).toBe(200);
  });

  it('are listed and removed one by one; an unknown id is a 404', async () => {
    const first = await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 500 });
    const second = await addFault(lectern, { path: '/api/v1/rooms', action: 'drop', times: 3 });
    const listed = (await control(lectern, 'GET', 'faults')).json();
    expect(listed.faults.map((fault: any) => fault.faultId)).toEqual([first.faultId, second.faultId]);
    expect((await control(lectern, 'DELETE', `faults/${first.faultId}`)).statusCode).toBe(200);
    expect((await control(lectern, 'DELETE', `faults/${first.faultId}`)).statusCode).toBe(404);
    expect((await control(lectern, 'GET', 'faults')).json().faults).toHaveLength(1);
    await clear();
  });

  it('are at most 100 a portal: the next is 422', async () => {
    for (let index = 0; index < 100; index++) {
      await addFault(lectern, { path: `/api/v1/rooms/${index + 1}`, action: 'drop' });
    }
    const refused = await control(lectern, 'POST', 'faults', { body: { path: '/api/v1/rooms', action: 'drop' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('at most 100 fault rules');
    expect((await control(lectern, 'DELETE', 'faults')).json().removed).toBe(100);
  });

  it('refuse bad input naming the parameter, and options that do not fit the action', async () => {
    const bad: [object, string][] = [
      [{ path: '/api/v1/courses', action: 'status' }, 'status'],
      [{ path: '/api/v1/courses', action: 'status', status: 200 }, 'status'],
      [{ path: '/api/v1/courses', action: 'drop', status: 500 }, 'status'],
      [{ path: '/api/v1/courses', action: 'latency' }, 'latencyMs'],
      [{ path: '/api/v1/courses', action: 'explode' }, 'action'],
      [{ path: '/api/v1/courses', action: 'drop', probability: 1.5 }, 'probability'],
      [{ path: '/api/v1/courses', action: 'drop', times: 0 }, 'times'],
      [{ path: '/api/v1/courses', action: 'drop', erecno: 'me' }, 'erecno'],
      [{ path: '/api/v1/courses', action: 'drop', method: 'BREW' }, 'method'],
      [{ action: 'drop' }, 'path'],
      [{ path: '/api/v1/course*', action: 'drop' }, 'path'],
    ];
    for (const [body, parameter] of bad) {
      const response = await control(lectern, 'POST', 'faults', { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().parameter, JSON.stringify(body)).toBe(parameter);
    }
    expect((await control(lectern, 'GET', 'faults')).json().faults).toEqual([]);
  });
});

describe('who may set them', () => {
  it('an admin only in their own portal (another is not found); the operator in any; nobody else', async () => {
    const other = await lectern.otherPortal();
    const intrusion = await control(lectern, 'POST', 'faults', {
      portalId: other.portalId,
      body: { path: '/api/v1/courses', action: 'status', status: 500 },
    });
    expect(intrusion.statusCode).toBe(404);
    expect((await control(lectern, 'GET', 'faults', { portalId: other.portalId })).statusCode).toBe(404);
    expect((await control(lectern, 'DELETE', 'faults', { portalId: other.portalId })).statusCode).toBe(404);
    // The other portal's admin cannot see or clear this portal's rules either.
    await addFault(lectern, { path: '/api/v1/courses', action: 'status', status: 500 });
    expect((await control(lectern, 'GET', 'faults', { token: other.token })).statusCode).toBe(404);
    expect((await get(lectern, '/api/v1/courses', other.token)).statusCode, "other portal's traffic").toBe(200);
    await clear();

    const learner = lectern.employees.find((employee) => employee.display_name === 'Fatima Zahra')!;
    const learnerToken = await lectern.token(['ALL'], learner.erecno);
    expect((await control(lectern, 'GET', 'faults', { token: learnerToken })).statusCode).toBe(403);

    const { issueToken } = await import('../src/features/people/portal.service.ts');
    const operator = await issueToken(lectern.app.lectern, {
      portalId: other.portalId,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: true,
    });
    const set = await control(lectern, 'POST', 'faults', {
      token: operator.token,
      body: { path: '/api/v1/courses', action: 'status', status: 500, times: 1 },
    });
    expect(set.statusCode).toBe(200);
    expect((await courses()).statusCode).toBe(500);
    const nowhere = await control(lectern, 'GET', 'faults', { token: operator.token, portalId: '123456789012345678' });
    expect(nowhere.statusCode).toBe(404);
    expect((await control(lectern, 'GET', 'faults', { portalId: 'abc' })).json().parameter).toBe('portalId');
  });
});
