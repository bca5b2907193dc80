/** A portal's own clock in the control room: read, set, advance, reset; token expiry, the limiter and schedulers obey it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../src/features/people/portal.service.ts';
import { runSchedulerTick } from '../src/features/schedulers/scheduler.runner.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { validSchedulerData } from './helpers/schedulers.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let other: { portalId: string; token: string };
let operator: string;

const hour = 3_600_000;
const clockUrl = (portalId = lectern.portalId) => `/lectern/v1/portals/${portalId}/clock`;

beforeAll(async () => {
  lectern = await createTestLectern();
  other = await lectern.otherPortal();
  const issued = await issueToken(lectern.app.lectern, {
    portalId: lectern.portalId,
    scopes: ['ZOHOPEOPLE.training.ALL'],
    isOperator: true,
  });
  operator = issued.token;
});
afterAll(() => lectern?.close());

function call(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method,
    url,
    headers: body === undefined ? lectern.auth(token) : { ...lectern.auth(token), ...jsonType },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function clockOf(portalId = lectern.portalId, token = lectern.adminToken) {
  const response = await call('GET', clockUrl(portalId), undefined, token);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { now: string; nowMs: number; frozen: boolean; offsetMs: number; serverTime: boolean };
}

describe('the clock routes', () => {
  it("shows the server's time until the clock is moved, then runs on from the moved time", async () => {
    const start = lectern.clock.now();
    expect(await clockOf()).toEqual({
      portalId: lectern.portalId,
      now: new Date(start).toISOString(),
      nowMs: start,
      frozen: false,
      offsetMs: 0,
      serverTime: true,
    });
    const advanced = await call('POST', `${clockUrl()}/advance`, { by: '1h30m' });
    expect(advanced.statusCode, advanced.body).toBe(200);
    expect(advanced.json()).toMatchObject({ nowMs: start + 1.5 * hour, offsetMs: 1.5 * hour, serverTime: false });
    lectern.clock.advance(1000);
    expect((await clockOf()).nowMs).toBe(start + 1.5 * hour + 1000);
    // Another portal keeps the server's time.
    expect((await clockOf(other.portalId, other.token)).nowMs).toBe(start + 1000);
    expect((await call('DELETE', clockUrl())).json()).toMatchObject({ nowMs: start + 1000, serverTime: true });
  });

  it('stands still when frozen, and moves only when advanced', async () => {
    const set = await call('PUT', clockUrl(), { now: '2026-05-01T09:00:00+02:00', frozen: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ now: '2026-05-01T07:00:00.000Z', frozen: true, offsetMs: 0 });
    lectern.clock.advance(hour);
    expect((await clockOf()).now).toBe('2026-05-01T07:00:00.000Z');
    expect((await call('POST', `${clockUrl()}/advance`, { by: -60_000 })).json().now).toBe('2026-05-01T06:59:00.000Z');
    const unfrozen = await call('PUT', clockUrl(), { frozen: false });
    expect(unfrozen.json()).toMatchObject({ now: '2026-05-01T06:59:00.000Z', frozen: false });
    await call('DELETE', clockUrl());
  });

  it('refuses bad times and durations, naming the field, and changes nothing', async () => {
    const cases: [string, 'PUT' | 'POST', unknown, string][] = [
      [clockUrl(), 'PUT', { now: '2026-05-01 09:00' }, 'now'],
      [clockUrl(), 'PUT', { now: '1999-12-31T23:00:00Z' }, 'now'],
      [clockUrl(), 'PUT', { now: 'tomorrow' }, 'now'],
      [clockUrl(), 'PUT', { when: 'now' }, 'when'],
      [`${clockUrl()}/advance`, 'POST', { by: '1 hour' }, 'by'],
      [`${clockUrl()}/advance`, 'POST', { by: '' }, 'by'],
      [`${clockUrl()}/advance`, 'POST', { by: '100000d' }, 'by'],
      [`${clockUrl()}/advance`, 'POST', {}, 'by'],
    ];
    for (const [url, method, body, field] of cases) {
      const response = await call(method, url, body);
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(400);
      expect(response.body).toContain(field);
    }
    expect((await clockOf()).serverTime).toBe(true);
  });

  it("keeps each portal's clock to its own admin and the operator", async () => {
    expect((await call('GET', clockUrl(other.portalId))).statusCode).toBe(403);
    expect((await call('POST', `${clockUrl(other.portalId)}/advance`, { by: '1d' })).statusCode).toBe(403);
    expect((await clockOf(other.portalId, other.token)).serverTime).toBe(true);
    const byOperator = await call('POST', `${clockUrl(other.portalId)}/advance`, { by: '1d' }, operator);
    expect(byOperator.statusCode, byOperator.body).toBe(200);
    expect((await call('DELETE', clockUrl(other.portalId), undefined, operator)).statusCode).toBe(200);
    expect((await call('GET', clockUrl('99999999'), undefined, operator)).statusCode).toBe(404);
    const learner = await lectern.token(['ALL'], lectern.employees.find((e) => !e.is_admin)!.erecno);
    expect((await call('GET', clockUrl(), undefined, learner)).statusCode).toBe(403);
  });
});

describe('rules on the portal clock', () => {
  it('expires tokens on the portal clock', async () => {
    const made = await call('POST', '/lectern/v1/tokens', {
      scopes: ['ZOHOPEOPLE.training.READ'],
      expiresInSeconds: 3600,
    });
    expect(made.statusCode, made.body).toBe(200);
    const token = made.json().token as string;
    expect((await call('GET', '/api/v1/courses', undefined, token)).statusCode).toBe(200);
    await call('POST', `${clockUrl()}/advance`, { by: '1h' });
    const expired = await call('GET', '/api/v1/courses', undefined, token);
    expect(expired.statusCode).toBe(401);
    expect(expired.body).toContain('expired');
    await call('DELETE', clockUrl());
    expect((await call('GET', '/api/v1/courses', undefined, token)).statusCode).toBe(200);
  });

  it("opens a module locked until a date when the portal's date comes, not the server's", async () => {
    lectern.clock.set(Date.UTC(2026, 0, 5, 9));
    const course = await createCourse(lectern, lectern.adminToken, { type: 1 });
    const modules = `/api/v1/courses/${course.courseId}/modules`;
    const made = await call('POST', modules, { name: 'Locked', lockType: '1', lockUntil: '10-01-2026' });
    expect(made.statusCode, made.body).toBe(200);
    const moduleUrl = `${modules}/${made.json().module.moduleId}`;
    expect((await call('GET', moduleUrl)).json().module.isLocked).toBe(true);
    await call('POST', `${clockUrl()}/advance`, { by: '5d' });
    expect((await call('GET', moduleUrl)).json().module.isLocked).toBe(false);
    await call('DELETE', clockUrl());
    expect((await call('GET', moduleUrl)).json().module.isLocked).toBe(true);
  });

  it("stamps what a request writes with the portal's time", async () => {
    await call('PUT', clockUrl(), { now: '2026-07-01T12:00:00Z', frozen: true });
    const made = await call('POST', '/lectern/v1/tokens', {
      scopes: ['ZOHOPEOPLE.training.READ'],
      expiresInSeconds: 60,
    });
    expect(made.statusCode, made.body).toBe(200);
    const listed = await call('GET', '/lectern/v1/tokens');
    const token = listed.json().tokens.find((row: { tokenId: string }) => row.tokenId === made.json().tokenId);
    expect(token).toMatchObject({ createdAt: Date.parse('2026-07-01T12:00:00Z'), status: 'active' });
    await call('DELETE', clockUrl());
  });

  it("counts the limiter's windows and lock on the portal clock", async () => {
    const limited = await createTestLectern({ rateLimit: true });
    try {
      const get = () => limited.app.inject({ url: '/api/v1/courses', headers: limited.auth(limited.adminToken) });
      let last = 200;
      for (let index = 0; index < 40 && last === 200; index += 1) last = (await get()).statusCode;
      expect(last).toBe(429);
      // The control routes are outside the throttled family only if they carry their own key; they do (own URL).
      const advance = await limited.app.inject({
        method: 'POST',
        url: `/lectern/v1/portals/${limited.portalId}/clock/advance`,
        headers: { ...limited.auth(limited.adminToken), ...jsonType },
        payload: JSON.stringify({ by: '6m' }),
      });
      expect(advance.statusCode, advance.body).toBe(200);
      expect((await get()).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("runs a portal's schedulers on its own clock, and no other portal's", async () => {
    lectern.clock.set(Date.UTC(2026, 0, 5, 9));
    const mine = await createCourse(lectern, lectern.adminToken, { type: 2 });
    const theirs = await createCourse(lectern, other.token, { type: 2 });
    for (const [course, token] of [
      [mine.courseId, lectern.adminToken],
      [theirs.courseId, other.token],
    ] as const) {
      const response = await call(
        'POST',
        `/api/v1/courses/${course}/batches/schedulers`,
        validSchedulerData({ frequencyUnit: 'week', daysOfTheWeek: ['2'] }),
        token,
      );
      expect(response.statusCode, response.body).toBe(200);
    }
    const countBatches = async (course: string, token: string) =>
      (await call('GET', `/api/v1/courses/${course}/batches`, undefined, token)).json().batches?.length ?? 0;
    await runSchedulerTick(lectern.app.lectern);
    const mineBefore = await countBatches(mine.courseId, lectern.adminToken);
    const theirsBefore = await countBatches(theirs.courseId, other.token);
    // A week on, Monday's batch of that week comes due in this portal only.
    await call('POST', `${clockUrl()}/advance`, { by: '7d' });
    await runSchedulerTick(lectern.app.lectern);
    expect(await countBatches(mine.courseId, lectern.adminToken)).toBe(mineBefore + 1);
    expect(await countBatches(theirs.courseId, other.token)).toBe(theirsBefore);
    await call('DELETE', clockUrl());
  });
});
